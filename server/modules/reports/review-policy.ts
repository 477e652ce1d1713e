import { isNationalTeam } from '../../policies/roles';

/**
 * The annual review is public; the national team chooses its examples and
 * testimonials, records their authors' consent and writes the perspectives.
 * Testimonials not yet published (no consent, or not featured) are the team's only.
 */
export const reviewPolicy = {
  read: () => true,
  edit: isNationalTeam,
  readUnpublished: isNationalTeam,
};
