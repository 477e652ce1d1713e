import { isNationalTeam } from '../../policies/roles';

/** Indicators and their records are open data; the national team freezes a year. */
export const indicatorPolicy = {
  read: () => true,
  snapshot: isNationalTeam,
};
