import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

/** An #ESSrelance meeting's agenda, minutes and attendance: the only SQL about them. */

export interface AgendaRow {
  id: string;
  position: number;
  title: string;
  measure_id: string | null;
  measure_name: string | null;
  project_id: string | null;
  project_title: string | null;
  notes: string;
}

export function agendaItems(db: Executor, eventId: string): Promise<AgendaRow[]> {
  return db
    .selectFrom('relance_agenda_items as a')
    .leftJoin('recovery_measures as m', 'm.id', 'a.measure_id')
    .leftJoin('projects as p', 'p.id', 'a.project_id')
    .select(['a.id', 'a.position', 'a.title', 'a.measure_id', 'm.name as measure_name', 'a.project_id', 'p.title as project_title', 'a.notes'])
    .where('a.event_id', '=', eventId)
    .orderBy('a.position')
    .execute();
}

/** Replace the whole agenda (positions 1…n in the given order). */
export async function replaceAgenda(
  tx: Executor,
  eventId: string,
  items: Array<{ title: string; measure_id: string | null; project_id: string | null; notes: string }>,
): Promise<void> {
  await tx.deleteFrom('relance_agenda_items').where('event_id', '=', eventId).execute();
  if (items.length)
    await tx
      .insertInto('relance_agenda_items')
      .values(items.map((i, n) => ({ ...i, event_id: eventId, position: n + 1 })))
      .execute();
}

export function minutesOf(db: Executor, eventId: string) {
  return db.selectFrom('relance_minutes').select(['minutes', 'updated_at']).where('event_id', '=', eventId).executeTakeFirst();
}

export async function upsertMinutes(tx: Executor, eventId: string, minutes: string): Promise<void> {
  await tx
    .insertInto('relance_minutes')
    .values({ event_id: eventId, minutes })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ minutes, updated_at: sql`now()` }))
    .execute();
}

/** The structures and projects registered (cancelled ones left out), with their status; people are not named. */
export function attendanceRows(db: Executor, eventId: string) {
  return db
    .selectFrom('registrations as g')
    .leftJoin('projects as p', 'p.id', 'g.project_id')
    .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['g.project_id', 'p.title as project_title', 'g.organisation_id', 'o.name as organisation_name', 'g.status'])
    .where('g.event_id', '=', eventId)
    .where('g.status', '<>', 'cancelled')
    .orderBy(sql`coalesce(p.title, o.name)`)
    .execute();
}

/** Which of these measures and projects exist. */
export async function existingRefs(db: Executor, measureIds: string[], projectIds: string[]) {
  const [m, p] = await Promise.all([
    measureIds.length ? db.selectFrom('recovery_measures').select('id').where('id', 'in', measureIds).execute() : [],
    projectIds.length ? db.selectFrom('projects').select('id').where('id', 'in', projectIds).execute() : [],
  ]);
  return { measures: new Set(m.map((x) => x.id)), projects: new Set(p.map((x) => x.id)) };
}
