import { nationalTeamWrites } from '../directory/entity-policy';

/** Filières: run by the national team, which alone writes them. */
export const sectorProgrammePolicy = nationalTeamWrites();
