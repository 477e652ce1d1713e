import { defineResource } from '../directory/directory-resource';
import { projectColumns } from './project-columns';
import { projectService } from './project-store';
import { projectPolicy } from './project-policy';

export const projectResource = defineResource({
  path: 'projects',
  csv: projectColumns,
  service: projectService,
  policy: projectPolicy,
});
