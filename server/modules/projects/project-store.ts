import { type Project, type ProjectInput, type ProjectListQuery, projectFields, projectInput } from '../../../shared/schemas/project';
import type { Database } from '../../db/connection';
import { authorize, can } from '../../policies/authorize';
import { directoryService, type EntityStore } from '../directory/directory-service';
import { refs } from '../directory/references';
import * as q from './project-queries';
import { projectPolicy } from './project-policy';

export const projectStore: EntityStore<Project, ProjectInput, ProjectListQuery> = {
  label: 'Projet',
  entity: 'projects',
  count: q.countProjects,
  listIds: q.listProjectIds,
  getMany: q.getProjects,
  insert: (db, items) => q.insertProjects(db, items),
  update: q.updateProject,
  remove: q.deleteProject,
  policy: projectPolicy,
  redact: (_db, actor, projects) =>
    projects.map((p) => (can(actor, 'readFunding', { policy: projectPolicy, record: p }) ? p : { ...p, fundingNeedEur: null, instruments: [] })),
  checkQuery(actor, q) {
    // Filtering or sorting on the amounts would reveal them.
    const used = [
      ...(q.minNeed !== undefined ? ['minNeed'] : []),
      ...(q.maxNeed !== undefined ? ['maxNeed'] : []),
      ...(q.instrument !== undefined ? ['instrument'] : []),
      ...(q.sort === 'fundingNeed' || q.sort === '-fundingNeed' ? ['sort'] : []),
    ];
    if (used.length)
      authorize(
        actor,
        'searchFunding',
        { policy: projectPolicy },
        {
          signIn: `Connectez-vous pour filtrer ou trier selon ${used.join(', ')} : ces données sont réservées à l’équipe nationale et aux financeurs.`,
          forbidden: `Filtrer ou trier selon ${used.join(', ')} est réservé à l’équipe nationale et aux financeurs : retirez ce filtre.`,
        },
      );
  },
  references: (p) => [
    ...refs('collectives', 'collectiveId', p.collectiveId),
    ...refs('organisations', 'leadOrganisationId', p.leadOrganisationId),
    ...refs('organisations', 'partnerIds', p.partnerIds),
    ...refs('themes', 'themes', p.themes),
    ...refs('communes', 'communeCode', p.communeCode),
  ],
  schemas: { input: projectInput, fields: projectFields },
};

export const projectService = (db: Database) => directoryService(db, projectStore);
