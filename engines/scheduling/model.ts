import { EngineInputError } from '../errors';
import { type ScheduleInput, scheduleInputSchema } from './types';

/**
 * The input as dense arrays: slots, participants and meetings by index.
 * Availability is a P×S byte matrix; `Infinity` stands for "no limit".
 */
export interface Model {
  slotIds: string[];
  tables: number[];
  participantIds: string[];
  cap: number[];
  /** avail[p * S + s] = 1 when participant p is free in slot s. */
  avail: Uint8Array;
  /** True when p lists its availability (false: free in every slot). */
  limited: boolean[];
  meetingIds: string[];
  ma: Int32Array;
  mb: Int32Array;
  w: Float64Array;
  /** Meetings of each participant. */
  incident: number[][];
  locked: Array<{ m: number; s: number; table?: number | undefined }>;
  previous: Map<number, { s: number; table?: number | undefined }>;
  S: number;
  P: number;
  M: number;
}

type Issue = { path: string; message: string };

function indexIds(items: Array<{ id: string }>, what: string, issues: Issue[]) {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) issues.push({ path: `${what}[${i}].id`, message: `identifiant en double « ${item.id} »` });
    else index.set(item.id, i);
  });
  return index;
}

/** Validate and index the input; every problem is named, nothing is dropped silently. */
export function buildModel(raw: unknown): Model {
  const parsed = scheduleInputSchema.safeParse(raw);
  if (!parsed.success) throw new EngineInputError(parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(racine)', message: i.message })));
  const input: ScheduleInput = parsed.data;
  const issues: Issue[] = [];
  const slotIndex = indexIds(input.slots, 'slots', issues);
  const partIndex = indexIds(input.participants, 'participants', issues);
  const meetIndex = indexIds(input.meetings, 'meetings', issues);
  const S = input.slots.length;
  const P = input.participants.length;
  const M = input.meetings.length;

  const avail = new Uint8Array(P * S);
  const limited: boolean[] = [];
  input.participants.forEach((p, i) => {
    limited.push(p.available !== undefined);
    if (p.available === undefined) avail.fill(1, i * S, (i + 1) * S);
    else
      p.available.forEach((sid, j) => {
        const s = slotIndex.get(sid);
        if (s === undefined) issues.push({ path: `participants[${i}].available[${j}]`, message: `créneau inconnu « ${sid} »` });
        else avail[i * S + s] = 1;
      });
  });

  const ma = new Int32Array(M);
  const mb = new Int32Array(M);
  const w = new Float64Array(M);
  const incident: number[][] = Array.from({ length: P }, () => []);
  input.meetings.forEach((m, i) => {
    const a = partIndex.get(m.a);
    const b = partIndex.get(m.b);
    if (a === undefined) issues.push({ path: `meetings[${i}].a`, message: `participant inconnu « ${m.a} »` });
    if (b === undefined) issues.push({ path: `meetings[${i}].b`, message: `participant inconnu « ${m.b} »` });
    if (m.a === m.b) issues.push({ path: `meetings[${i}]`, message: `un participant ne peut pas se rencontrer lui-même (« ${m.a} »)` });
    ma[i] = a ?? 0;
    mb[i] = b ?? 0;
    w[i] = m.weight ?? 1;
    if (a !== undefined && b !== undefined && a !== b) {
      incident[a]?.push(i);
      incident[b]?.push(i);
    }
  });

  const resolve = (list: Array<{ meeting: string; slot: string; table?: number | undefined }> | undefined, what: string) =>
    (list ?? []).flatMap((l, i) => {
      const m = meetIndex.get(l.meeting);
      const s = slotIndex.get(l.slot);
      if (m === undefined) issues.push({ path: `${what}[${i}].meeting`, message: `rencontre inconnue « ${l.meeting} »` });
      if (s === undefined) issues.push({ path: `${what}[${i}].slot`, message: `créneau inconnu « ${l.slot} »` });
      return m === undefined || s === undefined ? [] : [{ m, s, table: l.table, i }];
    });
  const locked = resolve(input.locked, 'locked');
  const previousList = resolve(input.previous, 'previous');
  const tables = input.slots.map((s) => s.tables ?? Number.POSITIVE_INFINITY);
  const cap = input.participants.map((p) => p.maxMeetings ?? Number.POSITIVE_INFINITY);

  // Locks must be satisfiable together: they are kept whatever happens.
  const lockedMeeting = new Set<number>();
  const busy = new Map<string, number>();
  const tableUse = new Map<string, number>();
  const perSlot = new Map<number, number>();
  const perPart = new Map<number, number>();
  for (const l of locked) {
    const path = `locked[${l.i}]`;
    if (lockedMeeting.has(l.m)) issues.push({ path, message: `la rencontre « ${input.meetings[l.m]?.id} » est verrouillée deux fois` });
    lockedMeeting.add(l.m);
    for (const p of [ma[l.m] as number, mb[l.m] as number]) {
      if (!avail[p * S + l.s]) issues.push({ path, message: `« ${input.participants[p]?.id} » n'est pas disponible au créneau « ${input.slots[l.s]?.id} »` });
      const key = `${p}:${l.s}`;
      const other = busy.get(key);
      if (other !== undefined)
        issues.push({ path, message: `« ${input.participants[p]?.id} » a déjà la rencontre verrouillée « ${input.meetings[other]?.id} » à ce créneau` });
      busy.set(key, l.m);
      perPart.set(p, (perPart.get(p) ?? 0) + 1);
      if ((perPart.get(p) ?? 0) > (cap[p] as number)) issues.push({ path, message: `les verrous dépassent maxMeetings de « ${input.participants[p]?.id} »` });
    }
    perSlot.set(l.s, (perSlot.get(l.s) ?? 0) + 1);
    if ((perSlot.get(l.s) ?? 0) > (tables[l.s] as number))
      issues.push({ path, message: `plus de verrous que de tables au créneau « ${input.slots[l.s]?.id} »` });
    if (l.table !== undefined) {
      if (l.table > (tables[l.s] as number)) issues.push({ path, message: `table ${l.table} inexistante (le créneau en a ${tables[l.s]})` });
      const tk = `${l.s}:${l.table}`;
      if (tableUse.has(tk)) issues.push({ path, message: `table ${l.table} déjà verrouillée à ce créneau` });
      tableUse.set(tk, l.m);
    }
  }
  const previous = new Map<number, { s: number; table?: number | undefined }>();
  for (const p of previousList) {
    if (previous.has(p.m)) issues.push({ path: `previous[${p.i}]`, message: 'rencontre publiée deux fois' });
    previous.set(p.m, { s: p.s, table: p.table });
  }
  if (issues.length) throw new EngineInputError(issues);

  return {
    slotIds: input.slots.map((s) => s.id),
    tables,
    participantIds: input.participants.map((p) => p.id),
    cap,
    avail,
    limited,
    meetingIds: input.meetings.map((m) => m.id),
    ma,
    mb,
    w,
    incident,
    locked: locked.map(({ m, s, table }) => ({ m, s, table })),
    previous,
    S,
    P,
    M,
  };
}
