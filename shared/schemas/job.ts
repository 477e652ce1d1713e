import { z } from 'zod';
import { uuid } from './common';

export const jobStates = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export const jobStateLabels: Record<(typeof jobStates)[number], string> = {
  created: 'En attente',
  retry: 'À réessayer',
  active: 'En cours',
  completed: 'Terminée',
  cancelled: 'Annulée',
  failed: 'En échec',
};

export const jobListQuery = z.strictObject({
  state: z.enum(jobStates).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const job = z.object({
  id: uuid,
  queue: z.string(),
  /** French name of the kind of job. */
  label: z.string(),
  state: z.enum(jobStates),
  /** Attempts made after the first, and allowed. */
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** When a queued or retried job may run next. */
  startAfter: z.string(),
  author: z.string().nullable(),
  progress: z.object({ phase: z.string(), done: z.number().int(), total: z.number().int() }).nullable(),
  /** The error of the last failed attempt (message only). */
  error: z.string().nullable(),
  /** What the job returned (an import's report…), once completed. */
  result: z.unknown().nullable(),
});
export type Job = z.output<typeof job>;

export const jobList = z.object({
  items: z.array(job),
  /** Jobs per state, over the whole queue. */
  counts: z.record(z.string(), z.number().int()),
  page: z.number().int(),
  pageSize: z.number().int(),
});
