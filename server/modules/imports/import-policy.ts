import { isNationalTeam } from '../../policies/roles';

/** Importing files writes many records at once, past each record's own rule: the national team only. */
export const importPolicy = {
  import: isNationalTeam,
};
