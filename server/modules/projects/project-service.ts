import { type Project, type ProjectInput, type ProjectListQuery, projectFields, projectInput } from '../../../shared/schemas/project';
import type { Database } from '../../db/connection';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import * as q from './project-queries';

export const projectStore: EntityStore<Project, ProjectInput, ProjectListQuery> = {
  label: 'Projet',
  entity: 'projects',
  count: q.countProjects,
  listIds: q.listProjectIds,
  getMany: q.getProjects,
  insert: (db, items) => q.insertProjects(db, items),
  update: q.updateProject,
  remove: q.deleteProject,
  // Funding details are for signed-in users only.
  redact: (actor, p) => (actor.kind === 'anonymous' ? { ...p, fundingNeedEur: null, instruments: [] } : p),
  restrictedQuery: (q) => [
    ...(q.minNeed !== undefined ? ['minNeed'] : []),
    ...(q.maxNeed !== undefined ? ['maxNeed'] : []),
    ...(q.instrument !== undefined ? ['instrument'] : []),
    ...(q.sort === 'fundingNeed' || q.sort === '-fundingNeed' ? ['sort'] : []),
  ],
  references: (p) => [
    ...refs('collectives', 'collectiveId', p.collectiveId),
    ...refs('organisations', 'leadOrganisationId', p.leadOrganisationId),
    ...refs('organisations', 'partnerIds', p.partnerIds),
    ...refs('themes', 'themes', p.themes),
    ...refs('communes', 'communeCode', p.communeCode),
  ],
};

export const projectService = (db: Database) => directoryService(db, projectStore, { input: projectInput, fields: projectFields });
