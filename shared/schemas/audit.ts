import { isoDate, line, listQueryBase, z } from './common';

export const auditActions = ['create', 'update', 'delete', 'import'] as const;

const auditFilters = {
  entity: z
    .string()
    .regex(/^[a-z-]+$/, 'Indiquez le type d’enregistrement en minuscules (organisations, projects, themes…).')
    .optional(),
  record: line().min(1).max(100).optional(),
  actor: z.enum(['system', 'anonymous', 'account']).optional(),
  action: z.enum(auditActions).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
};

/** The command line's filters: the newest `limit` entries. */
export const auditQuery = z.strictObject({
  ...auditFilters,
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});
export type AuditQuery = z.output<typeof auditQuery>;

/** `GET /api/audit`: the same filters, paged like every list. */
export const auditPageQuery = z.strictObject({ ...auditFilters, page: listQueryBase.page, pageSize: listQueryBase.pageSize });
export type AuditPageQuery = z.output<typeof auditPageQuery>;

/** `GET /api/{resource}/{id}/history`: one record's entries, paged. */
export const historyQuery = z.strictObject({ page: listQueryBase.page, pageSize: listQueryBase.pageSize });

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable() }),
  action: z.enum(auditActions),
  entity: z.string(),
  record: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.output<typeof auditEntry>;
