import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

export interface RequestRow {
  id: string;
  event_id: string;
  from_registration_id: string;
  to_registration_id: string;
  message: string;
  status: string;
  answer_message: string;
  created_at: Date;
  answered_at: Date | null;
  meeting_id: string | null;
}

const requests = (db: Executor) =>
  db
    .selectFrom('meeting_requests as q')
    .leftJoin('meetings as m', (j) => j.onRef('m.request_id', '=', 'q.id').on('m.status', '<>', 'cancelled'))
    .select([
      'q.id',
      'q.event_id',
      'q.from_registration_id',
      'q.to_registration_id',
      'q.message',
      'q.status',
      'q.answer_message',
      'q.created_at',
      'q.answered_at',
      'm.id as meeting_id',
    ]);

/** Requests of an event; with `of`, only those sent or received by these registrations. */
export async function requestRows(db: Executor, eventId: string, f: { of?: readonly string[]; ids?: readonly string[] } = {}): Promise<RequestRow[]> {
  if (f.of?.length === 0 || f.ids?.length === 0) return [];
  let q = requests(db).where('q.event_id', '=', eventId);
  const of = f.of;
  if (of) q = q.where((eb) => eb.or([eb('q.from_registration_id', 'in', of), eb('q.to_registration_id', 'in', of)]));
  if (f.ids) q = q.where('q.id', 'in', f.ids);
  return (await q.orderBy('q.created_at', 'desc').orderBy('q.id').execute()) as RequestRow[];
}

export async function lockRequest(db: Executor, id: string) {
  return db.selectFrom('meeting_requests').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function countRequestsFrom(db: Executor, registrationId: string): Promise<number> {
  const r = await db
    .selectFrom('meeting_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('from_registration_id', '=', registrationId)
    .where('status', '<>', 'declined')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A request between the two in either direction that is pending or accepted. */
export async function liveRequestBetween(db: Executor, x: string, y: string) {
  return db
    .selectFrom('meeting_requests')
    .select(['id', 'status', 'from_registration_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('from_registration_id', '=', x), eb('to_registration_id', '=', y)]),
        eb.and([eb('from_registration_id', '=', y), eb('to_registration_id', '=', x)]),
      ]),
    )
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
}

export async function insertRequest(db: Executor, r: { eventId: string; from: string; to: string; message: string }): Promise<string> {
  const row = await db
    .insertInto('meeting_requests')
    .values({ event_id: r.eventId, from_registration_id: r.from, to_registration_id: r.to, message: r.message })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function answerRequest(db: Executor, id: string, status: 'accepted' | 'declined', message: string) {
  await db.updateTable('meeting_requests').set({ status, answer_message: message, answered_at: new Date() }).where('id', '=', id).execute();
}

export async function expireRequests(db: Executor, eventId: string, deadline: Date, now: Date) {
  if (now <= deadline) return;
  await db.updateTable('meeting_requests').set({ status: 'expired' }).where('event_id', '=', eventId).where('status', '=', 'pending').execute();
}

export interface MeetingRow {
  id: string;
  event_id: string;
  a_registration_id: string;
  b_registration_id: string;
  status: string;
  slot_id: string | null;
  table_number: number | null;
  locked: boolean;
  weight: number | null;
  mutual: boolean;
  sequence: number;
  video_url: string | null;
  request_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  updated_at: Date;
}

/** Meetings of an event; with `of`, only those of these registrations. */
export async function meetingRows(
  db: Executor,
  eventId: string,
  f: { of?: readonly string[]; ids?: readonly string[]; forUpdate?: boolean } = {},
): Promise<MeetingRow[]> {
  if (f.of?.length === 0 || f.ids?.length === 0) return [];
  let q = db
    .selectFrom('meetings as m')
    .leftJoin('conference_slots as s', 's.id', 'm.slot_id')
    .select([
      'm.id',
      'm.event_id',
      'm.a_registration_id',
      'm.b_registration_id',
      'm.status',
      'm.slot_id',
      'm.table_number',
      'm.locked',
      'm.weight',
      'm.mutual',
      'm.sequence',
      'm.video_url',
      'm.request_id',
      'm.updated_at',
      's.starts_at',
      's.ends_at',
    ])
    .where('m.event_id', '=', eventId);
  const of = f.of;
  if (of) q = q.where((eb) => eb.or([eb('m.a_registration_id', 'in', of), eb('m.b_registration_id', 'in', of)]));
  if (f.ids) q = q.where('m.id', 'in', f.ids);
  if (f.forUpdate) q = q.forUpdate(['m']);
  return (await q.orderBy(sql`s.starts_at nulls last`).orderBy('m.table_number').orderBy('m.created_at').orderBy('m.id').execute()) as MeetingRow[];
}

export async function livePairMeeting(db: Executor, eventId: string, x: string, y: string) {
  return db
    .selectFrom('meetings')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .where((eb) =>
      eb.or([
        eb.and([eb('a_registration_id', '=', x), eb('b_registration_id', '=', y)]),
        eb.and([eb('a_registration_id', '=', y), eb('b_registration_id', '=', x)]),
      ]),
    )
    .executeTakeFirst();
}

export async function insertMeetings(
  db: Executor,
  rows: ReadonlyArray<{
    id?: string;
    eventId: string;
    a: string;
    b: string;
    weight?: number | null;
    mutual?: boolean;
    requestId?: string | null;
    videoUrl?: string | null;
  }>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await db
    .insertInto('meetings')
    .values(
      rows.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        event_id: r.eventId,
        a_registration_id: r.a,
        b_registration_id: r.b,
        weight: r.weight ?? null,
        mutual: r.mutual ?? false,
        request_id: r.requestId ?? null,
        video_url: r.videoUrl ?? null,
      })),
    )
    .returning('id')
    .execute();
  return out.map((r) => r.id);
}

export interface MeetingChange {
  id: string;
  status?: string;
  slot_id?: string | null;
  table_number?: number | null;
  locked?: boolean;
  weight?: number | null;
  sequence?: number;
  video_url?: string | null;
}

export async function updateMeeting(db: Executor, c: MeetingChange) {
  const { id, ...set } = c;
  await db
    .updateTable('meetings')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Many meetings' places at once (a schedule's result), in one statement: first
 * every changed meeting is taken off its table, then placed, so that two
 * meetings exchanging tables never collide on the unique (slot, table).
 */
export async function saveSchedule(
  db: Executor,
  changes: ReadonlyArray<{ id: string; status: string; slotId: string | null; table: number | null; sequence: number }>,
) {
  if (changes.length === 0) return;
  const ids = changes.map((c) => c.id);
  await db
    .updateTable('meetings')
    .set({ status: 'to_schedule', slot_id: null, table_number: null, locked: false })
    .where('id', 'in', ids)
    .where('locked', '=', false)
    .execute();
  const values = sql.join(changes.map((c) => sql`(${c.id}::uuid, ${c.status}, ${c.slotId}::uuid, ${c.table}::int, ${c.sequence}::int)`));
  await sql`
    update meetings m set status = v.status, slot_id = v.slot_id, table_number = v.table_number, sequence = v.sequence, updated_at = now()
    from (values ${values}) as v(id, status, slot_id, table_number, sequence)
    where m.id = v.id`.execute(db);
}

export async function markPublished(db: Executor, eventId: string, at: Date) {
  await db
    .insertInto('conference_settings')
    .values({ event_id: eventId, published_at: at })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ published_at: at, updated_at: at }))
    .execute();
}

export interface FeedbackRow {
  meeting_id: string;
  registration_id: string;
  rating: number;
  comment: string;
  follow_up: boolean;
  created_at: Date;
}

export async function feedbackRows(db: Executor, eventId: string, of?: readonly string[]): Promise<FeedbackRow[]> {
  if (of?.length === 0) return [];
  let q = db
    .selectFrom('meeting_feedback as f')
    .innerJoin('meetings as m', 'm.id', 'f.meeting_id')
    .select(['f.meeting_id', 'f.registration_id', 'f.rating', 'f.comment', 'f.follow_up', 'f.created_at'])
    .where('m.event_id', '=', eventId);
  if (of) q = q.where('f.registration_id', 'in', of);
  return q.orderBy('f.created_at').orderBy('f.meeting_id').execute();
}

export async function saveFeedback(db: Executor, f: { meetingId: string; registrationId: string; rating: number; comment: string; followUp: boolean }) {
  const set = { rating: f.rating, comment: f.comment, follow_up: f.followUp, updated_at: new Date() };
  await db
    .insertInto('meeting_feedback')
    .values({ meeting_id: f.meetingId, registration_id: f.registrationId, ...set })
    .onConflict((oc) => oc.columns(['meeting_id', 'registration_id']).doUpdateSet(set))
    .execute();
  return db
    .selectFrom('meeting_feedback')
    .select(['meeting_id', 'registration_id', 'rating', 'comment', 'follow_up', 'created_at'])
    .where('meeting_id', '=', f.meetingId)
    .where('registration_id', '=', f.registrationId)
    .executeTakeFirstOrThrow();
}
