import { type ProjectListQuery, project, projectInput, projectListQuery, projectPatch } from '../../../shared/schemas/project';
import { defineResource } from '../directory/directory-resource';
import { projectColumns } from './project-columns';
import { projectService } from './project-store';
import { projectPolicy } from './project-policy';

export const projectResource = defineResource<ReturnType<typeof project.parse>, ProjectListQuery>({
  path: 'projects',
  tag: 'Projets',
  item: project,
  create: projectInput,
  patch: projectPatch,
  listQuery: projectListQuery,
  csv: projectColumns,
  service: projectService,
  policy: projectPolicy,
});
