import { isNationalTeam } from '../../policies/roles';

/** The audit trail holds personal data before and after each write: the national team (and the command line) only. */
export const auditPolicy = {
  read: isNationalTeam,
};
export const auditRefusal = { forbidden: "Le journal d'audit est réservé à l'équipe nationale." };
