import { isoDate, line, z } from './common';

export const auditActions = ['create', 'update', 'delete', 'import'] as const;

export const auditQuery = z.strictObject({
  entity: z.string().regex(/^[a-z-]+$/).optional(),
  record: line().min(1).max(100).optional(),
  actor: z.enum(['system', 'anonymous', 'account']).optional(),
  action: z.enum(auditActions).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});
export type AuditQuery = z.output<typeof auditQuery>;

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
