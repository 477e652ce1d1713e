import { upperBound } from '../../../engines/scheduling/bounds';
import { bipartiteSides } from '../../../engines/scheduling/colouring';
import { buildModel } from '../../../engines/scheduling/model';
import type { ScheduleInput, UnscheduledReason } from '../../../engines/scheduling/types';

export type MeetingStatus = 'to_schedule' | 'scheduled' | 'unscheduled' | 'cancelled' | 'held' | 'no_show';
export type ScheduleMode = 'all' | 'unscheduled';

export interface SlotFacts {
  id: string;
  tables: number;
}
export interface ParticipantFacts {
  registrationId: string;
  /** The slots they are free in; null: every slot. */
  availableSlotIds: string[] | null;
  maxMeetings: number | null;
}
export interface MeetingFacts {
  id: string;
  a: string;
  b: string;
  status: MeetingStatus;
  slotId: string | null;
  table: number | null;
  locked: boolean;
  weight: number;
}

/** Meetings that took place (or were missed) keep their slot and table whatever the mode. */
const PAST: ReadonlySet<MeetingStatus> = new Set(['held', 'no_show']);
const OPEN: ReadonlySet<MeetingStatus> = new Set(['to_schedule', 'scheduled', 'unscheduled']);

/**
 * The scheduling engine's input for one conference.
 *
 * - `all`: every open meeting is placed again; locked, held and missed ones
 *   stay where they are; once published, the current places are given as
 *   `previous` so that the engine moves as few as it can.
 * - `unscheduled`: meetings already placed stay where they are; only those
 *   without a slot are placed.
 *
 * A meeting to keep in place that no longer can be (its slot left a
 * participant's availability, the tables were reduced, a cap was lowered)
 * is placed again rather than refused, its current place given as `previous`.
 */
export function scheduleInput(
  mode: ScheduleMode,
  slots: SlotFacts[],
  participants: ParticipantFacts[],
  meetings: MeetingFacts[],
  opts: { published: boolean },
): ScheduleInput {
  const slotTables = new Map(slots.map((s) => [s.id, s.tables]));
  const available = new Map(participants.map((p) => [p.registrationId, p.availableSlotIds ? new Set(p.availableSlotIds) : null]));
  const cap = new Map(participants.map((p) => [p.registrationId, p.maxMeetings ?? Number.POSITIVE_INFINITY]));
  const live = meetings.filter((m) => OPEN.has(m.status) || (PAST.has(m.status) && m.slotId !== null));
  const placed = (m: MeetingFacts) => m.slotId !== null && slotTables.has(m.slotId) && m.status !== 'unscheduled' && m.status !== 'to_schedule';
  const wantsToStay = (m: MeetingFacts) => placed(m) && (PAST.has(m.status) || m.locked || mode === 'unscheduled');

  // Keep in place what must stay, past meetings first, as long as it still fits.
  const busy = new Set<string>();
  const tableTaken = new Set<string>();
  const load = new Map<string, number>();
  const count = new Map<string, number>();
  const locked: NonNullable<ScheduleInput['locked']> = [];
  const order = [
    ...live.filter((m) => PAST.has(m.status)),
    ...live.filter((m) => !PAST.has(m.status) && m.locked),
    ...live.filter((m) => !PAST.has(m.status) && !m.locked),
  ];
  const staying = new Set<string>();
  for (const m of order) {
    if (!wantsToStay(m)) continue;
    const s = m.slotId as string;
    const past = PAST.has(m.status);
    const free = (p: string) => past || (available.get(p) ?? null) === null || (available.get(p) as Set<string>).has(s);
    const fits =
      free(m.a) &&
      free(m.b) &&
      !busy.has(`${m.a}@${s}`) &&
      !busy.has(`${m.b}@${s}`) &&
      (load.get(s) ?? 0) < (slotTables.get(s) as number) &&
      (m.table === null || (m.table <= (slotTables.get(s) as number) && !tableTaken.has(`${s}#${m.table}`))) &&
      (count.get(m.a) ?? 0) < (cap.get(m.a) ?? Number.POSITIVE_INFINITY) &&
      (count.get(m.b) ?? 0) < (cap.get(m.b) ?? Number.POSITIVE_INFINITY);
    if (!fits) continue;
    busy.add(`${m.a}@${s}`).add(`${m.b}@${s}`);
    if (m.table !== null) tableTaken.add(`${s}#${m.table}`);
    load.set(s, (load.get(s) ?? 0) + 1);
    count.set(m.a, (count.get(m.a) ?? 0) + 1);
    count.set(m.b, (count.get(m.b) ?? 0) + 1);
    staying.add(m.id);
    locked.push({ meeting: m.id, slot: s, ...(m.table !== null ? { table: m.table } : {}) });
  }
  // A past meeting counts as held where it was, whatever the availability says now.
  const extraSlots = new Map<string, Set<string>>();
  for (const m of live)
    if (staying.has(m.id) && PAST.has(m.status)) for (const p of [m.a, m.b]) extraSlots.set(p, (extraSlots.get(p) ?? new Set()).add(m.slotId as string));

  const previous = live
    .filter((m) => !staying.has(m.id) && placed(m) && (opts.published || mode === 'unscheduled' || m.locked))
    .map((m) => ({ meeting: m.id, slot: m.slotId as string, ...(m.table !== null ? { table: m.table } : {}) }));
  return {
    slots: slots.map((s) => ({ id: s.id, tables: s.tables })),
    participants: participants.map((p) => {
      const own = available.get(p.registrationId);
      const extra = extraSlots.get(p.registrationId);
      const list = own ? [...own, ...[...(extra ?? [])].filter((s) => !own.has(s))].filter((s) => slotTables.has(s)) : undefined;
      return { id: p.registrationId, ...(list ? { available: list } : {}), ...(p.maxMeetings !== null ? { maxMeetings: p.maxMeetings } : {}) };
    }),
    meetings: live.map((m) => ({ id: m.id, a: m.a, b: m.b, weight: m.weight })),
    locked,
    previous,
  };
}

/**
 * The proven bound on how many meetings (not how much weight) any schedule
 * can place: the engine's bound computed with every meeting weighing one.
 * The cheap bounds (common slots, caps, tables) come first; the b-matching
 * is computed only when they leave a gap above the `scheduled` count.
 */
export function meetingCountBound(input: ScheduleInput, scheduled = 0): number {
  const model = buildModel({ ...input, meetings: input.meetings.map((m) => ({ id: m.id, a: m.a, b: m.b })) });
  const feasible: number[][] = [];
  for (let m = 0; m < model.M; m++) {
    const a = (model.ma[m] as number) * model.S;
    const b = (model.mb[m] as number) * model.S;
    const list: number[] = [];
    for (let s = 0; s < model.S; s++) if (model.avail[a + s] && model.avail[b + s] && (model.tables[s] as number) > 0) list.push(s);
    feasible.push(list);
  }
  const sides = bipartiteSides(model.P, model.ma, model.mb, model.incident);
  const cheap = Math.floor(upperBound(model, feasible, sides, { bMatching: false }) + 1e-9);
  if (cheap <= scheduled) return cheap;
  return Math.floor(upperBound(model, feasible, sides) + 1e-9);
}

/** Why a meeting was not placed, as the organiser reads it. */
export function unscheduledMessage(reason: UnscheduledReason, names: { a: string; b: string }, capReached: string[]): string {
  switch (reason) {
    case 'no-common-slot':
      return `${names.a} et ${names.b} n’ont aucun créneau de disponibilité en commun.`;
    case 'max-meetings':
      return capReached.length
        ? `${capReached.join(' et ')} ${capReached.length > 1 ? 'ont' : 'a'} atteint le nombre maximal de rendez-vous.`
        : 'Un des participants a atteint le nombre maximal de rendez-vous.';
    case 'table-capacity':
      return `Toutes les tables sont prises aux créneaux où ${names.a} et ${names.b} sont libres tous les deux.`;
    case 'conflict':
      return `Aux créneaux où ${names.a} et ${names.b} sont disponibles, l’un ou l’autre a déjà un rendez-vous.`;
  }
}
