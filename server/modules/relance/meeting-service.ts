import type { AgendaInput, MeetingAgenda, MinutesInput } from '../../../shared/schemas/relance';
import type { Database, Executor } from '../../db/connection';
import { forbidden, invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { recordWrite } from '../audit/audit-service';
import { eventById, type LoadedEvent } from '../events/event-service';
import * as q from './meeting-queries';

const statusRank = { attended: 0, registered: 1, no_show: 2 } as const;
type Attendance = keyof typeof statusRank;

/**
 * The #ESSrelance meetings with the operators (events of kind `meeting`,
 * programme `ess-relance`): an agenda of items (a measure, a project
 * presented), minutes and attendance. Whoever may see the event reads them;
 * its organiser (the national team, or the organising structure's writers)
 * writes them.
 */
export function meetingService(db: Database) {
  /** The event, when it is an #ESSrelance meeting the actor may see (404 otherwise). */
  async function meeting(ex: Executor, actor: Actor, id: string): Promise<LoadedEvent> {
    const event = await eventById(ex, actor, id);
    if (event.kind !== 'meeting' || event.programme !== 'ess-relance') throw notFound('Rencontre #ESSrelance', id);
    return event;
  }

  async function shape(ex: Executor, event: LoadedEvent): Promise<MeetingAgenda> {
    const [items, minutes, rows] = await Promise.all([q.agendaItems(ex, event.id), q.minutesOf(ex, event.id), q.attendanceRows(ex, event.id)]);
    const participants = new Map<string, MeetingAgenda['attendance']['participants'][number]>();
    for (const r of rows) {
      const status = r.status as Attendance;
      const p = r.project_id
        ? { kind: 'project' as const, id: r.project_id, name: r.project_title ?? '' }
        : r.organisation_id
          ? { kind: 'organisation' as const, id: r.organisation_id, name: r.organisation_name ?? '' }
          : null;
      if (!p) continue;
      const key = `${p.kind}:${p.id}`;
      const seen = participants.get(key);
      if (!seen || statusRank[status] < statusRank[seen.status]) participants.set(key, { ...p, status });
    }
    return {
      eventId: event.id,
      items: items.map((i) => ({
        id: i.id,
        position: i.position,
        title: i.title,
        measureId: i.measure_id,
        measureName: i.measure_name,
        projectId: i.project_id,
        projectTitle: i.project_title,
        notes: i.notes,
      })),
      minutes: minutes?.minutes ?? null,
      minutesUpdatedAt: minutes ? minutes.updated_at.toISOString() : null,
      attendance: {
        registered: rows.length,
        attended: rows.filter((r) => r.status === 'attended').length,
        noShow: rows.filter((r) => r.status === 'no_show').length,
        participants: [...participants.values()],
      },
      actions: event.organiser ? ['update'] : [],
    };
  }

  const organiserOnly = (event: LoadedEvent) => {
    if (!event.organiser) throw forbidden('Seuls l’organisateur de la rencontre et l’équipe nationale en écrivent l’ordre du jour et le compte rendu.');
  };

  return {
    async agenda(actor: Actor, id: string): Promise<MeetingAgenda> {
      return shape(db, await meeting(db, actor, id));
    },

    async setAgenda(actor: Actor, id: string, input: AgendaInput): Promise<MeetingAgenda> {
      return db.transaction().execute(async (tx) => {
        const event = await meeting(tx, actor, id);
        organiserOnly(event);
        const wanted = (k: 'measureId' | 'projectId') => [...new Set(input.items.map((i) => i[k]).filter((x): x is string => !!x))];
        const found = await q.existingRefs(tx, wanted('measureId'), wanted('projectId'));
        const missing = input.items.flatMap((i, n) => [
          ...(i.measureId && !found.measures.has(i.measureId) ? [{ path: `items.${n}.measureId`, message: 'Mesure introuvable' }] : []),
          ...(i.projectId && !found.projects.has(i.projectId) ? [{ path: `items.${n}.projectId`, message: 'Projet introuvable' }] : []),
        ]);
        if (missing.length) throw invalid('Une mesure ou un projet de l’ordre du jour n’existe pas.', missing, 'unknown_reference');
        await q.replaceAgenda(
          tx,
          id,
          input.items.map((i) => ({ title: i.title, measure_id: i.measureId ?? null, project_id: i.projectId ?? null, notes: i.notes ?? '' })),
        );
        await recordWrite(tx, actor, [{ action: 'update', entity: 'relance_agenda', recordId: id, after: input }]);
        return shape(tx, event);
      });
    },

    async setMinutes(actor: Actor, id: string, input: MinutesInput): Promise<MeetingAgenda> {
      return db.transaction().execute(async (tx) => {
        const event = await meeting(tx, actor, id);
        organiserOnly(event);
        await q.upsertMinutes(tx, id, input.minutes);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'relance_minutes', recordId: id, after: input }]);
        return shape(tx, event);
      });
    },
  };
}
