import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Executor } from '../../db/connection';
import { getSetting } from '../../db/settings-queries';
import { notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { systemActor } from '../../policies/actor';
import { eventById, type LoadedEvent, ownsRegistration } from '../events/event-service';
import type { ConferenceAccess } from './conference-policy';
import { accompaniedProjects } from './advisor-queries';
import { type ParticipantRow, participantRows } from './conference-queries';

export interface Conference extends ConferenceAccess {
  /** What the caller reads: their registrations, and those of the projects they accompany as an advisor. */
  readable: readonly string[];
  event: LoadedEvent;
  participants: ParticipantRow[];
  byId: Map<string, ParticipantRow>;
}

/** Registrations that take part in the bilateral meetings (a project's, a fund's). */
export const MEETING_ROLES = new Set(['project', 'investor']);

/**
 * A conference as the actor may see it: its organiser, or a participant
 * (one of its registrations is theirs). To anyone else — and for an event
 * that is not a conference — it is as absent as one that never existed.
 */
export async function conferenceOf(db: Executor, actor: Actor, eventId: string, opts: { forUpdate?: boolean; asSystem?: boolean } = {}): Promise<Conference> {
  const event = await eventById(db, opts.asSystem ? systemActor : actor, eventId, opts.forUpdate);
  if (event.kind !== 'conference') throw notFound('Conférence', eventId);
  const participants = await participantRows(db, eventId);
  const mine = opts.asSystem
    ? []
    : participants
        .filter((p) => ownsRegistration(actor, { role: p.role as 'project', personId: p.person_id, organisationId: p.organisation_id }))
        .map((p) => p.id);
  const organiser = opts.asSystem ? false : event.organiser;
  // An advisor reads (never acts for) the registrations of the projects they accompany.
  const accompanied = opts.asSystem || actor.kind !== 'account' || !actor.personId ? new Set<string>() : new Set(await accompaniedProjects(db, actor.personId));
  const readable = [...new Set([...mine, ...participants.filter((p) => p.project_id && accompanied.has(p.project_id)).map((p) => p.id)])];
  if (!opts.asSystem && !organiser && readable.length === 0) throw notFound('Conférence', eventId);
  return { event, participants, byId: new Map(participants.map((p) => [p.id, p])), organiser, mine, readable };
}

/**
 * The registration `rid` of this conference, if the caller acts for it (its
 * own, or any for the organiser), or with `read` only reads it (an advisor's
 * accompanied project); 404 otherwise.
 */
export function participantFor(c: Conference, rid: string, opts: { read?: boolean } = {}): ParticipantRow {
  const p = c.byId.get(rid);
  if (!p || !(c.organiser || (opts.read ? c.readable : c.mine).includes(rid))) throw notFound('Inscription', rid);
  return p;
}

const KEY = 'conferences.agenda_feed_secret';

/** The key that signs personal agenda feeds: drawn once, kept in the database (every server signs alike). */
export async function feedSecret(db: Database | Executor): Promise<string> {
  await sql`insert into essaim_settings (key, value) values (${KEY}, ${JSON.stringify(randomBytes(32).toString('base64url'))}) on conflict (key) do nothing`.execute(
    db,
  );
  return (await getSetting<string>(db as Database, KEY)) as string;
}

/** The secret of a registration's agenda feed: a calendar subscribes with it, without a session. */
export const feedToken = (secret: string, registrationId: string) =>
  createHmac('sha256', secret).update(`agenda:${registrationId}`).digest('base64url').slice(0, 32);

export function validFeedToken(secret: string, registrationId: string, token: string): boolean {
  const expected = Buffer.from(feedToken(secret, registrationId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
