import { idParams } from '../schemas/common';
import { job, jobList, jobListQuery } from '../schemas/job';
import { route } from './contract';

const tag = 'Tâches de fond';

/** The job queue: the national team sees it all; whoever started a job follows it (202 { jobId } then poll). */
export const jobRoutes = {
  list: route({
    method: 'GET',
    path: '/api/jobs',
    access: 'admin',
    tag,
    summary: 'Les tâches de fond : en attente, en cours, en échec (avec l’erreur), réessayées',
    query: jobListQuery,
    response: jobList,
  }),
  get: route({
    method: 'GET',
    path: '/api/jobs/:id',
    access: 'signed-in',
    tag,
    summary: 'Une tâche : état, avancement, résultat',
    params: idParams,
    response: job,
  }),
};
