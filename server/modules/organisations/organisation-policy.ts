import { nationalTeamWrites } from '../directory/entity-policy';

/** Structures: everyone reads; the national team writes (holders act on their projects, not on the structure's record). */
export const organisationPolicy = nationalTeamWrites();
