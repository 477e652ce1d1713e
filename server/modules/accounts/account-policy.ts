import { isNationalTeam } from '../../policies/roles';

/** Accounts and their roles: administered by the national team only (an account holder sees their own through `/api/auth/me`). */
export const accountPolicy = {
  read: isNationalTeam,
  create: isNationalTeam,
  update: isNationalTeam,
};
export const accountRefusal = { forbidden: 'La gestion des comptes est réservée à l’équipe nationale.' };
