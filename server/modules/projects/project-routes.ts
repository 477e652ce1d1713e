import type { FastifyInstance } from 'fastify';
import { type ProjectListQuery, project, projectInput, projectListQuery, projectPatch } from '../../../shared/schemas/project';
import type { Database } from '../../db/connection';
import { registerDirectoryRoutes } from '../../http/directory-routes';
import { projectColumns } from './project-columns';
import { projectService } from './project-service';

export function projectRoutes(app: FastifyInstance, db: Database) {
  registerDirectoryRoutes<ReturnType<typeof project.parse>, ProjectListQuery>(app, {
    path: 'projects',
    tag: 'Projets',
    item: project,
    create: projectInput,
    patch: projectPatch,
    listQuery: projectListQuery,
    csv: projectColumns.map((c) => ({ header: c.header, value: c.format })),
    service: projectService(db),
  });
}
