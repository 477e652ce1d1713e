import { auditEntry, auditPageQuery } from '../schemas/audit';
import { listResponse } from '../schemas/common';
import { route } from './contract';

/** The audit trail (national team only); each record's history is a directory route (directory.routes.ts). */
export const auditRoutes = {
  list: route({
    method: 'GET',
    path: '/api/audit',
    access: 'admin',
    tag: 'Audit',
    summary: "Journal d'audit, filtré par entité, enregistrement, acteur, action et dates, paginé",
    query: auditPageQuery,
    response: listResponse(auditEntry),
  }),
};
