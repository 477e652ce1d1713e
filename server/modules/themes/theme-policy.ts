import { isNationalTeam } from '../../policies/roles';

/** Themes (the controlled vocabulary): everyone reads; the national team keeps the list. */
export const themePolicy = {
  read: () => true,
  create: isNationalTeam,
  update: isNationalTeam,
  delete: isNationalTeam,
};
