import { z } from 'zod';

const id = z.string().min(1).max(200);

/** The scheduling input, as read by `essaim schedule FILE`. */
export const scheduleInputSchema = z.object({
  slots: z.array(z.object({ id, tables: z.number().int().min(0).optional() })).min(1),
  participants: z.array(z.object({ id, available: z.array(id).optional(), maxMeetings: z.number().int().min(0).optional() })),
  meetings: z.array(z.object({ id, a: id, b: id, weight: z.number().finite().min(0, 'poids négatif').optional() })),
  locked: z.array(z.object({ meeting: id, slot: id, table: z.number().int().min(1).optional() })).optional(),
  previous: z.array(z.object({ meeting: id, slot: id, table: z.number().int().min(1).optional() })).optional(),
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;

export type UnscheduledReason = 'no-common-slot' | 'max-meetings' | 'table-capacity' | 'conflict';

export interface Assignment {
  meeting: string;
  slot: string;
  table: number;
}

export interface ScheduleStats {
  scheduled: number;
  weight: number;
  /** Proven bound: no schedule can place more weight. */
  upperBound: number;
  slotsUsed: number;
  maxDegree: number;
  /** Published meetings (`previous`) that changed slot or table, or were dropped. */
  moved: number;
  elapsedMs: number;
  /** Jain's index over participants of scheduled ÷ requested meetings (1 = perfectly fair). */
  fairness: number;
  /** Idle slots between a participant's first and last meeting, summed over participants. */
  idleGaps: number;
  method: 'edge-colouring' | 'heuristic' | 'exact';
}

export interface ScheduleOutput {
  assignments: Assignment[];
  unscheduled: Array<{ meeting: string; reason: UnscheduledReason }>;
  stats: ScheduleStats;
}

export interface ScheduleOptions {
  /** Random seed for the local search (same seed, same schedule). */
  seed?: number;
  /** Budget for the local search; the construction and repairs always run. */
  timeLimitMs?: number;
  /** A clock for elapsedMs and the time limit (the engine never reads one itself). */
  now?: () => number;
  onProgress?: (done: number, total: number) => void;
}
