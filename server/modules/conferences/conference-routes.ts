import type { FastifyInstance } from 'fastify';
import { conferenceRoutes as routes } from '../../../shared/routes/conferences.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import type { JobQueue } from '../jobs/job-queue';
import { CONFERENCE_SCHEDULE_JOB } from './conference-jobs';
import { conferenceService } from './conference-service';
import { advisorService } from './advisor-service';
import { leadService } from './lead-service';

export function conferenceRoutes(
  app: FastifyInstance,
  db: Database,
  deps: { jobs?: JobQueue; publicUrl?: string; scheduleJobThreshold?: number | undefined } = {},
) {
  const s = conferenceService(db, { ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}) });
  const leads = leadService(db);
  const advisors = advisorService(db);
  implement(app, routes.settings, async ({ actor, params }) => s.settings(actor, params.id));
  implement(app, routes.setSettings, async ({ actor, params, body }) => s.setSettings(actor, params.id, body));
  implement(app, routes.setSlots, async ({ actor, params, body }) => s.setSlots(actor, params.id, body));
  implement(app, routes.slotLoad, async ({ actor, params }) => s.slotLoad(actor, params.id));
  implement(app, routes.slots, async ({ actor, params }) => s.slots(actor, params.id));
  implement(app, routes.availability, async ({ actor, params }) => s.availability(actor, params.id, params.rid));
  implement(app, routes.setAvailability, async ({ actor, params, body }) => s.setAvailability(actor, params.id, params.rid, body.slotIds));
  implement(app, routes.recommendations, async ({ actor, params }) => s.recommendations(actor, params.id, params.rid));
  implement(app, routes.requests, async ({ actor, params }) => s.requests(actor, params.id));
  implement(app, routes.request, async ({ actor, params, body }) => s.request(actor, params.id, body));
  implement(app, routes.accept, async ({ actor, params, body }) => s.answer(actor, params.id, params.qid, 'accepted', body.message));
  implement(app, routes.decline, async ({ actor, params, body }) => s.answer(actor, params.id, params.qid, 'declined', body.message));
  implement(app, routes.meetings, async ({ actor, params }) => s.meetings(actor, params.id));
  implement(app, routes.addMeeting, async ({ actor, params, body }) => s.addMeeting(actor, params.id, body));
  implement(app, routes.updateMeeting, async ({ actor, params, body }) => s.updateMeeting(actor, params.id, params.mid, body));
  implement(app, routes.schedule, async ({ actor, params, body, reply }) => {
    // A large conference is scheduled by a job, which its organiser follows (GET /api/jobs/{jobId}).
    const enqueue = deps.jobs
      ? (data: { eventId: string; mode: 'all' | 'unscheduled' }) =>
          (deps.jobs as JobQueue).enqueue(CONFERENCE_SCHEDULE_JOB, { ...data, authorId: actor.accountId }, { authorId: actor.accountId })
      : undefined;
    const out = await conferenceService(db, {
      ...(enqueue ? { enqueueSchedule: enqueue } : {}),
      ...(deps.scheduleJobThreshold !== undefined ? { scheduleJobThreshold: deps.scheduleJobThreshold } : {}),
    }).schedule(actor, params.id, body.mode);
    if ('jobId' in out) return reply.code(202).send({ jobId: out.jobId });
    return out;
  });
  implement(app, routes.publish, async ({ actor, params }) => s.publish(actor, params.id));
  implement(app, routes.agenda, async ({ actor, params, query }) => {
    const { rows: _rows, conference: _c, ...agenda } = await s.agenda(actor, params.id, query);
    return agenda;
  });
  implement(app, routes.agendaIcs, async ({ actor, params, query, reply }) => {
    const ics = await s.agendaIcs(actor, params.id, query);
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline; filename="agenda.ics"')
      .send(ics);
  });
  implement(app, routes.agendaPdf, async ({ actor, params, query, reply }) => {
    const pdf = await s.agendaPdf(actor, params.id, query);
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline; filename="agenda.pdf"')
      .send(pdf);
  });
  implement(app, routes.tablePlanPdf, async ({ actor, params, reply }) => {
    const pdf = await s.tablePlanPdf(actor, params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline; filename="plan-des-tables.pdf"')
      .send(pdf);
  });
  implement(app, routes.feedback, async ({ actor, params, body }) => s.feedback(actor, params.id, params.mid, body));
  implement(app, routes.feedbackList, async ({ actor, params }) => s.feedbackList(actor, params.id));
  implement(app, routes.advisors, async ({ actor }) => advisors.list(actor));
  implement(app, routes.setTraining, async ({ actor, params, body }) => advisors.setTraining(actor, params.id, body));
  implement(app, routes.accompany, async ({ actor, params, body }) => advisors.accompany(actor, params.id, body));
  implement(app, routes.updateAccompaniment, async ({ actor, params, body }) => advisors.updateAccompaniment(actor, params.id, params.projectId, body.status));
  implement(app, routes.leads, async ({ actor, query }) => leads.list(actor, query));
  implement(app, routes.addLead, async ({ actor, body }) => leads.create(actor, body));
  implement(app, routes.updateLead, async ({ actor, params, body }) => leads.update(actor, params.id, body));
}
