import { z } from 'zod';
import { snapshotYearParams } from '../schemas/indicators';
import { route } from './contract';

export const reportRoutes = {
  annualPdf: route({
    method: 'GET',
    path: '/api/reports/annual/:year.pdf',
    access: 'open',
    tag: 'Rapports',
    summary: 'Le rapport annuel en PDF (202 avec Retry-After pendant sa fabrication, puis le PDF)',
    params: snapshotYearParams,
    produces: ['application/pdf'],
    accepted: z.object({ jobId: z.string(), retryAfterSeconds: z.number().int() }),
  }),
};
