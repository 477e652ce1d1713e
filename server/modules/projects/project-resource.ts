import { defineResource } from '../directory/directory-resource';
import { projectColumns } from './project-columns';
import { projectService } from './project-service';
import { projectPolicy } from './project-policy';

export const projectResource = defineResource({
  path: 'projects',
  csv: projectColumns.map((c) => ({ header: c.header, value: c.format })),
  service: projectService,
  policy: projectPolicy,
});
