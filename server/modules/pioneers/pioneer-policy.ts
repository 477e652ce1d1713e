import { nationalTeamWrites } from '../directory/entity-policy';

/** Pionniers: labelled by the national team, which alone writes them. */
export const pioneerPolicy = nationalTeamWrites();
