import type { z } from 'zod';
import { schedule } from '../../../engines/scheduling/schedule';
import type {
  agenda as agendaSchema,
  conferenceSettingsInput,
  feedbackInput,
  meeting as meetingSchema,
  meetingInput,
  meetingPatch,
  meetingRequest as requestSchema,
  meetingRequestInput,
  scheduleResult,
  slotPlanInput,
} from '../../../shared/schemas/conference';
import type { MeetingRequestStatus, MeetingStatus } from '../../../shared/vocabulary';
import type { Database, Executor } from '../../db/connection';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize, can } from '../../policies/authorize';
import { isNationalTeam } from '../../policies/roles';
import { recordWrite } from '../audit/audit-service';
import { notify } from '../notifications/notify';
import { writeIcs } from './agenda-ics';
import { renderAgendaPdf, renderTablePlanPdf } from './agenda-pdf';
import { type Conference, conferenceOf, feedSecret, feedToken, MEETING_ROLES, participantFor, validFeedToken } from './conference-access';
import { conferencePolicy } from './conference-policy';
import * as cq from './conference-queries';
import * as mq from './meeting-queries';
import { type FundProfile, highlyRecommendedPairs, type ProjectProfile, type Recommendation, recommend } from './recommendation-input';
import { meetingCountBound, type ScheduleMode, scheduleInput, unscheduledMessage } from './schedule-input';
import { planSlots } from './slot-plan';

type Settings = z.output<typeof conferenceSettingsInput>;
type ScheduleResult = z.output<typeof scheduleResult>;

/** The steps of a schedule, in order, as the organiser's page shows them while a job runs it. */
const SCHEDULE_PHASES = ['load', 'weights', 'engine', 'bound', 'save'] as const;
export const SCHEDULE_STEPS = [
  'Lecture des rendez-vous et des disponibilités',
  'Poids des rendez-vous (demandes des deux côtés, recommandations)',
  'Placement des rendez-vous dans les créneaux et aux tables',
  'Calcul du maximum démontré',
  'Enregistrement du planning',
] as const;
/** Where a schedule is: `done` steps of `total` finished, `phase` the one running (the last once all are done). */
export type ScheduleProgress = (p: { phase: string; done: number; total: number }) => void;

/** Above this many meetings a schedule runs as a job (202 { jobId }), the page following its progress. */
export const SCHEDULE_JOB_THRESHOLD = 1000;

const PLACED: ReadonlySet<string> = new Set(['scheduled', 'held', 'no_show']);
const mustManage = (actor: Actor, c: Conference) =>
  authorize(actor, 'manage', { policy: conferencePolicy, record: c }, { forbidden: 'Seul l’organisateur de la conférence peut faire cela.' });

/** What only the organiser reads (the heat map, the table plan): to a participant, as absent as to anyone else. */
const organiserRead = (actor: Actor, c: Conference, what: string) => {
  if (!can(actor, 'manage', { policy: conferencePolicy, record: c })) throw notFound(what, c.event.id);
  return c;
};

/** Profiles of the conference's projects and funds, as the matching engine reads them. */
async function profiles(db: Executor, eventId: string, ids?: readonly string[]): Promise<{ projects: ProjectProfile[]; funds: FundProfile[] }> {
  const [p, f] = await Promise.all([cq.projectFacts(db, eventId, ids), cq.fundFacts(db, eventId, ids)]);
  return {
    projects: p.map((r) => ({
      registrationId: r.registration_id,
      themes: r.themes,
      communeCode: r.commune_code,
      epciCode: r.epci_code,
      departementCode: r.departement_code,
      regionCode: r.region_code,
      stage: r.stage,
      fundingNeedEur: r.funding_need_eur === null ? null : Number(r.funding_need_eur),
      instruments: r.instruments,
      text: r.text,
    })),
    funds: f.map((r) => ({
      registrationId: r.registration_id,
      themes: r.themes,
      territories: r.territories as FundProfile['territories'],
      stages: r.stages,
      ticketMinEur: r.ticket_min_eur === null ? null : Number(r.ticket_min_eur),
      ticketMaxEur: r.ticket_max_eur === null ? null : Number(r.ticket_max_eur),
      instruments: r.instruments,
      text: r.text,
    })),
  };
}

/** The weight a meeting is scheduled with: the organiser's, else 1, +1 when both asked, +1 when highly recommended. */
const weightOf = (m: mq.MeetingRow, high: boolean) => m.weight ?? 1 + (m.mutual ? 1 : 0) + (high ? 1 : 0);

export interface ConferenceServiceOptions {
  now?: () => Date;
  /** A clock for the engine's time budget (ms). */
  clock?: () => number;
  publicUrl?: string;
  /** Hand a large schedule to the job queue; without it every schedule runs in the request. */
  enqueueSchedule?: (data: { eventId: string; mode: ScheduleMode }) => Promise<string>;
  scheduleJobThreshold?: number;
  /** Told how long each phase of a schedule took (the benchmark prints them). */
  onPhase?: (phase: 'load' | 'weights' | 'engine' | 'bound' | 'save', ms: number) => void;
}

export function conferenceService(db: Database, opts: ConferenceServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const clock = opts.clock ?? (() => performance.now());
  const publicUrl = opts.publicUrl ?? 'http://localhost:3000';
  const pageOf = (eventId: string) => `/evenements/${eventId}/conference`;
  // The feed's key is drawn once per instance: read once per service.
  let secret: Promise<string> | undefined;
  const agendaSecret = () => {
    secret ??= feedSecret(db).catch((err) => {
      secret = undefined;
      throw err;
    });
    return secret;
  };

  function requestRecord(c: Conference, r: mq.RequestRow, settings: cq.SettingsRow | undefined): z.input<typeof requestSchema> {
    const deadline = settings?.request_deadline ?? null;
    const expired = r.status === 'pending' && deadline !== null && now() > deadline;
    const status = (expired ? 'expired' : r.status) as MeetingRequestStatus;
    return {
      id: r.id,
      from: r.from_registration_id,
      to: r.to_registration_id,
      fromLabel: c.byId.get(r.from_registration_id)?.label ?? 'Inscription annulée',
      toLabel: c.byId.get(r.to_registration_id)?.label ?? 'Inscription annulée',
      message: r.message,
      status,
      answerMessage: r.answer_message,
      createdAt: r.created_at.toISOString(),
      answeredAt: r.answered_at?.toISOString() ?? null,
      expiresAt: deadline?.toISOString() ?? null,
      meetingId: r.meeting_id,
      actions: status === 'pending' && (c.organiser || c.mine.includes(r.to_registration_id)) ? ['accept', 'decline'] : [],
    };
  }

  /**
   * Whether the actor may read what an investor's registration is matched on:
   * the projects' funding needs, which go to investors and the national team
   * only. An organising structure registers anyone, but reading an investor's
   * recommendations or matched agenda would hand it every registered
   * project's need (review finding): the investor and the national team only.
   */
  function readsFunding(actor: Actor, c: Conference, me: { id: string; role: string }) {
    return me.role !== 'investor' || c.mine.includes(me.id) || isNationalTeam(actor);
  }

  function meetingRecord(c: Conference, m: mq.MeetingRow): z.input<typeof meetingSchema> {
    const mineToo = c.mine.includes(m.a_registration_id) || c.mine.includes(m.b_registration_id);
    const started = m.starts_at !== null && now() >= m.starts_at;
    const actions: Array<'lock' | 'move' | 'cancel' | 'record' | 'feedback'> = [];
    if (c.organiser && m.status === 'scheduled') actions.push('lock');
    if (c.organiser && m.status !== 'cancelled' && m.status !== 'held' && m.status !== 'no_show' && !m.locked) actions.push('move');
    if ((c.organiser || (mineToo && !m.locked)) && m.status !== 'cancelled' && m.status !== 'held' && m.status !== 'no_show') actions.push('cancel');
    if (c.organiser && started && (m.status === 'scheduled' || m.status === 'held' || m.status === 'no_show')) actions.push('record');
    if (mineToo && started && (m.status === 'scheduled' || m.status === 'held')) actions.push('feedback');
    return {
      id: m.id,
      a: m.a_registration_id,
      b: m.b_registration_id,
      aLabel: c.byId.get(m.a_registration_id)?.label ?? 'Inscription annulée',
      bLabel: c.byId.get(m.b_registration_id)?.label ?? 'Inscription annulée',
      slotId: m.slot_id,
      startsAt: m.starts_at?.toISOString() ?? null,
      endsAt: m.ends_at?.toISOString() ?? null,
      table: m.table_number,
      status: m.status as MeetingStatus,
      locked: m.locked,
      weight: m.weight ?? 1 + (m.mutual ? 1 : 0),
      sequence: m.sequence,
      videoUrl: m.video_url,
      actions,
    };
  }

  async function settingsRecord(tx: Executor, c: Conference) {
    const s = await cq.settingsRow(tx, c.event.id);
    const slots = await cq.slotRows(tx, c.event.id);
    const meetings = await mq.meetingRows(tx, c.event.id, c.organiser ? {} : { of: c.readable });
    const counts: Record<string, number> = {};
    for (const m of meetings) counts[m.status] = (counts[m.status] ?? 0) + 1;
    return {
      eventId: c.event.id,
      requestDeadline: s?.request_deadline?.toISOString() ?? null,
      maxRequests: s?.max_requests ?? null,
      videoLinkPattern: c.organiser ? (s?.video_link_pattern ?? null) : null,
      publishedAt: s?.published_at?.toISOString() ?? null,
      meetingMinutes: s?.meeting_minutes ?? null,
      breakMinutes: s?.break_minutes ?? null,
      days: s?.days ?? [],
      slots: slots.length,
      tables: slots.length ? Math.max(...slots.map((x) => x.tables)) : null,
      meetings: counts,
      myRegistrations: c.mine.map((id) => ({ id, role: c.byId.get(id)?.role ?? '', label: c.byId.get(id)?.label ?? '' })),
      organiser: c.organiser,
    };
  }

  /** Tell the accounts behind these registrations (a change of their agenda, a request…). */
  async function tell(tx: Executor, registrationIds: readonly string[], n: { title: string; body?: string; link: string }) {
    const byReg = await cq.accountsOfRegistrations(tx, [...new Set(registrationIds)]);
    const accountIds = [...new Set([...byReg.values()].flat())];
    if (accountIds.length) await notify(tx, { accountIds, category: 'meetings', ...n });
    return accountIds.length;
  }

  const videoUrlFor = (c: Conference, settings: cq.SettingsRow | undefined, meetingId: string) =>
    c.event.online_url && settings?.video_link_pattern ? settings.video_link_pattern.replaceAll('{meeting}', meetingId) : null;

  /** Check that the two registrations can meet: both in the conference, one project and one investor. */
  function pairOf(c: Conference, a: string, b: string) {
    const pa = c.byId.get(a);
    const pb = c.byId.get(b);
    if (!pa) throw invalid(`Inscription inconnue dans cette conférence : ${a}`, [{ path: 'a', message: 'Inscription inconnue' }], 'unknown_registration');
    if (!pb) throw invalid(`Inscription inconnue dans cette conférence : ${b}`, [{ path: 'b', message: 'Inscription inconnue' }], 'unknown_registration');
    if (!MEETING_ROLES.has(pa.role) || !MEETING_ROLES.has(pb.role) || pa.role === pb.role)
      throw invalid('Un rendez-vous réunit un projet et un financeur.', [{ path: 'b', message: 'Un projet et un financeur' }], 'invalid_pair');
    // Stored project first, investor second: a pair reads the same whoever asked.
    return pa.role === 'project' ? { project: pa, investor: pb } : { project: pb, investor: pa };
  }

  async function createMeeting(
    tx: Executor,
    c: Conference,
    a: string,
    b: string,
    extra: { weight?: number | null; mutual?: boolean; requestId?: string | null },
  ) {
    const { project, investor } = pairOf(c, a, b);
    if (await mq.livePairMeeting(tx, c.event.id, project.id, investor.id))
      throw conflict('meeting_exists', `${project.label} et ${investor.label} ont déjà un rendez-vous dans cette conférence.`);
    const settings = await cq.settingsRow(tx, c.event.id);
    const [id] = await mq.insertMeetings(tx, [{ eventId: c.event.id, a: project.id, b: investor.id, ...extra }]);
    const video = videoUrlFor(c, settings, id as string);
    if (video) await mq.updateMeeting(tx, { id: id as string, video_url: video });
    return id as string;
  }

  /** Run the engine on the conference and save the result (inside the caller's transaction). */
  async function runSchedule(tx: Executor, c: Conference, mode: ScheduleMode, progress?: ScheduleProgress): Promise<ScheduleResult> {
    let mark = clock();
    progress?.({ phase: SCHEDULE_STEPS[0], done: 0, total: SCHEDULE_STEPS.length });
    const phase = (name: 'load' | 'weights' | 'engine' | 'bound' | 'save') => {
      const at = clock();
      opts.onPhase?.(name, at - mark);
      mark = at;
      // The step that ends, then the next one starting: what the organiser's page shows.
      const done = SCHEDULE_PHASES.indexOf(name) + 1;
      progress?.({ phase: SCHEDULE_STEPS[Math.min(done, SCHEDULE_STEPS.length - 1)] as string, done, total: SCHEDULE_STEPS.length });
    };
    const settings = await cq.settingsRow(tx, c.event.id, true);
    const slots = await cq.slotRows(tx, c.event.id);
    if (slots.length === 0) throw conflict('no_slots', 'Générez d’abord les créneaux de la conférence.');
    const participants = c.participants.filter((p) => MEETING_ROLES.has(p.role));
    const availability = await cq.availabilityOf(
      tx,
      participants.map((p) => p.id),
    );
    const meetings = (await mq.meetingRows(tx, c.event.id, { forUpdate: true })).filter(
      (m) => c.byId.has(m.a_registration_id) && c.byId.has(m.b_registration_id),
    );
    phase('load');
    const { projects, funds } = await profiles(tx, c.event.id);
    const high = highlyRecommendedPairs(projects, funds);
    phase('weights');
    const published = settings?.published_at != null;
    const input = scheduleInput(
      mode,
      slots.map((s) => ({ id: s.id, tables: s.tables })),
      participants.map((p) => ({ registrationId: p.id, availableSlotIds: availability.get(p.id) ?? null, maxMeetings: p.max_meetings })),
      meetings.map((m) => ({
        id: m.id,
        a: m.a_registration_id,
        b: m.b_registration_id,
        status: m.status as MeetingStatus,
        slotId: m.slot_id,
        table: m.table_number,
        locked: m.locked,
        weight: weightOf(m, high.has(`${m.a_registration_id}|${m.b_registration_id}`)),
      })),
      { published },
    );
    const out = schedule(input, { seed: 1, timeLimitMs: 2500, now: clock });
    phase('engine');
    const bound = Math.max(meetingCountBound(input, out.stats.scheduled), out.stats.scheduled);
    phase('bound');
    const placeOf = new Map(out.assignments.map((a) => [a.meeting, a]));
    const byId = new Map(meetings.map((m) => [m.id, m]));
    const changes: Array<{ id: string; status: string; slotId: string | null; table: number | null; sequence: number }> = [];
    const touched: string[] = [];
    for (const im of input.meetings) {
      const m = byId.get(im.id) as mq.MeetingRow;
      if (m.status === 'held' || m.status === 'no_show') continue;
      const place = placeOf.get(m.id);
      const status = place ? 'scheduled' : 'unscheduled';
      const slotId = place?.slot ?? null;
      const table = place?.table ?? null;
      if (status === m.status && slotId === m.slot_id && table === m.table_number) continue;
      // A published meeting that moves or leaves the schedule changes in calendars: its SEQUENCE rises.
      const wasPublished = published && PLACED.has(m.status);
      changes.push({ id: m.id, status, slotId, table, sequence: m.sequence + (wasPublished ? 1 : 0) });
      if (wasPublished) touched.push(m.a_registration_id, m.b_registration_id);
    }
    await mq.saveSchedule(tx, changes);
    const count = new Map<string, number>();
    for (const a of out.assignments) {
      const m = byId.get(a.meeting) as mq.MeetingRow;
      for (const p of [m.a_registration_id, m.b_registration_id]) count.set(p, (count.get(p) ?? 0) + 1);
    }
    const unscheduled = out.unscheduled.map((u) => {
      const m = byId.get(u.meeting) as mq.MeetingRow;
      const a = c.byId.get(m.a_registration_id) as cq.ParticipantRow;
      const b = c.byId.get(m.b_registration_id) as cq.ParticipantRow;
      const capReached = [a, b].filter((p) => p.max_meetings !== null && (count.get(p.id) ?? 0) >= p.max_meetings).map((p) => p.label);
      return { meetingId: u.meeting, reason: u.reason, message: unscheduledMessage(u.reason, { a: a.label, b: b.label }, capReached) };
    });
    phase('save');
    if (touched.length)
      await tell(tx, touched, {
        title: `Votre agenda de « ${c.event.title} » a changé`,
        body: 'Un ou plusieurs de vos rendez-vous ont changé d’horaire ou de table.',
        link: pageOf(c.event.id),
      });
    return {
      scheduled: out.stats.scheduled,
      upperBound: bound,
      unscheduled,
      moved: out.stats.moved,
    };
  }

  return {
    async settings(actor: Actor, id: string) {
      const c = await conferenceOf(db, actor, id);
      return settingsRecord(db, c);
    },

    async setSettings(actor: Actor, id: string, input: Settings) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        mustManage(actor, c);
        await cq.saveSettings(tx, id, {
          ...(input.requestDeadline !== undefined ? { request_deadline: input.requestDeadline ? new Date(input.requestDeadline) : null } : {}),
          ...(input.maxRequests !== undefined ? { max_requests: input.maxRequests } : {}),
          ...(input.videoLinkPattern !== undefined ? { video_link_pattern: input.videoLinkPattern } : {}),
        });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'conferences', recordId: id, after: input }]);
        return settingsRecord(tx, c);
      });
    },

    async setSlots(actor: Actor, id: string, input: z.output<typeof slotPlanInput>) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        mustManage(actor, c);
        const { slots, issues } = planSlots(input);
        if (issues.length) throw invalid(issues[0]?.message ?? 'Créneaux invalides.', issues, 'invalid_slots');
        const settings = await cq.settingsRow(tx, id);
        const meetings = await mq.meetingRows(tx, id);
        if (meetings.some((m) => m.status === 'held' || m.status === 'no_show' || m.locked))
          throw conflict('slots_in_use', 'Des rendez-vous sont verrouillés ou ont déjà eu lieu : les créneaux ne peuvent plus être régénérés.');
        if (settings?.published_at && meetings.some((m) => m.status === 'scheduled'))
          throw conflict('slots_in_use', 'Les agendas sont publiés : déplacez les rendez-vous un par un plutôt que de régénérer les créneaux.');
        // Placed meetings go back to the list to schedule (their slots disappear).
        const placed = meetings.filter((m) => m.slot_id !== null && m.status !== 'cancelled');
        await mq.saveSchedule(
          tx,
          placed.map((m) => ({ id: m.id, status: 'to_schedule', slotId: null, table: null, sequence: m.sequence })),
        );
        await cq.replaceSlots(tx, id, slots);
        await cq.saveSettings(tx, id, { meeting_minutes: input.meetingMinutes, break_minutes: input.breakMinutes, days: input.days });
        await recordWrite(tx, actor, [{ action: 'update', entity: 'conferences', recordId: id, after: { slots: input } }]);
        return (await cq.slotRows(tx, id)).map((s) => ({ id: s.id, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString(), tables: s.tables }));
      });
    },

    async slots(actor: Actor, id: string) {
      await conferenceOf(db, actor, id);
      return (await cq.slotRows(db, id)).map((s) => ({ id: s.id, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString(), tables: s.tables }));
    },

    /** Per slot: the meeting participants free then, and those already meeting then (the organiser's heat map). */
    async slotLoad(actor: Actor, id: string) {
      const c = organiserRead(actor, await conferenceOf(db, actor, id), 'Carte des disponibilités');
      const slots = await cq.slotRows(db, id);
      const participants = c.participants.filter((p) => MEETING_ROLES.has(p.role));
      const availability = await cq.availabilityOf(
        db,
        participants.map((p) => p.id),
      );
      const available = new Map<string, number>();
      for (const p of participants)
        for (const slotId of availability.get(p.id) ?? slots.map((s) => s.id)) available.set(slotId, (available.get(slotId) ?? 0) + 1);
      const booked = new Map<string, Set<string>>();
      for (const m of await mq.meetingRows(db, id))
        if (m.slot_id && PLACED.has(m.status)) booked.set(m.slot_id, new Set([...(booked.get(m.slot_id) ?? []), m.a_registration_id, m.b_registration_id]));
      return slots.map((s) => ({
        id: s.id,
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        tables: s.tables,
        participants: participants.length,
        available: available.get(s.id) ?? 0,
        booked: booked.get(s.id)?.size ?? 0,
      }));
    },

    async availability(actor: Actor, id: string, rid: string) {
      const c = await conferenceOf(db, actor, id);
      participantFor(c, rid, { read: true });
      const list = (await cq.availabilityOf(db, [rid])).get(rid);
      return { registrationId: rid, limited: list !== undefined, slotIds: list ?? (await cq.slotRows(db, id)).map((s) => s.id) };
    },

    async setAvailability(actor: Actor, id: string, rid: string, slotIds: string[]) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id);
        participantFor(c, rid);
        const known = new Set((await cq.slotRows(tx, id)).map((s) => s.id));
        const unknown = slotIds.filter((s) => !known.has(s));
        if (unknown.length)
          throw invalid(
            `Créneau inconnu dans cette conférence : ${unknown[0]}`,
            unknown.map((s) => ({ path: `slotIds.${slotIds.indexOf(s)}`, message: 'Créneau inconnu' })),
            'unknown_slot',
          );
        const unique = [...new Set(slotIds)];
        await cq.setAvailability(tx, rid, unique);
        return { registrationId: rid, limited: true, slotIds: unique };
      });
    },

    async recommendations(actor: Actor, id: string, rid: string) {
      const c = await conferenceOf(db, actor, id);
      const me = participantFor(c, rid, { read: true });
      if (!readsFunding(actor, c, me)) throw notFound('Inscription', rid);
      if (!MEETING_ROLES.has(me.role)) throw invalid('Seuls les projets et les financeurs inscrits reçoivent des recommandations.', [], 'not_a_meeting_role');
      const { projects, funds } = await profiles(db, id);
      const list: Recommendation[] = recommend({ side: me.role as 'project', registrationId: rid }, projects, funds);
      const requests = await mq.requestRows(db, id, { of: [rid] });
      const meetings = await mq.meetingRows(db, id, { of: [rid] });
      const linked = new Set([
        ...requests.filter((r) => r.status === 'pending' || r.status === 'accepted').flatMap((r) => [r.from_registration_id, r.to_registration_id]),
        ...meetings.filter((m) => m.status !== 'cancelled').flatMap((m) => [m.a_registration_id, m.b_registration_id]),
      ]);
      return list.flatMap((r) => {
        const other = c.byId.get(r.registrationId);
        if (!other) return [];
        return [
          {
            ...r,
            label: other.label,
            role: other.role as 'project',
            projectId: other.project_id,
            fundId: other.fund_id,
            requested: linked.has(r.registrationId),
          },
        ];
      });
    },

    async requests(actor: Actor, id: string) {
      const c = await conferenceOf(db, actor, id);
      const settings = await cq.settingsRow(db, id);
      const rows = await mq.requestRows(db, id, c.organiser ? {} : { of: c.readable });
      return rows.map((r) => requestRecord(c, r, settings));
    },

    async request(actor: Actor, id: string, input: z.output<typeof meetingRequestInput>) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        if (!c.byId.has(input.from) || !(c.organiser || c.mine.includes(input.from)))
          throw forbidden('Vous ne pouvez demander un rendez-vous que pour votre propre inscription.');
        const { project, investor } = pairOf(c, input.from, input.to);
        const settings = await cq.settingsRow(tx, id);
        if (settings?.request_deadline && now() > settings.request_deadline)
          throw conflict(
            'requests_closed',
            `Les demandes de rendez-vous sont closes depuis le ${settings.request_deadline.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}.`,
          );
        if (settings?.max_requests && !c.organiser && (await mq.countRequestsFrom(tx, input.from)) >= settings.max_requests)
          throw conflict('too_many_requests', `Vous avez déjà envoyé ${settings.max_requests} demandes, le maximum fixé par l’organisateur.`);
        if (await mq.livePairMeeting(tx, id, project.id, investor.id))
          throw conflict('meeting_exists', `${project.label} et ${investor.label} ont déjà un rendez-vous dans cette conférence.`);
        const live = await mq.liveRequestBetween(tx, input.from, input.to);
        if (live.some((r) => r.from_registration_id === input.from)) throw conflict('request_exists', 'Vous avez déjà envoyé cette demande.');
        const reverse = live.find((r) => r.from_registration_id === input.to && r.status === 'pending');
        const qid = await mq.insertRequest(tx, { eventId: id, from: input.from, to: input.to, message: input.message });
        const to = c.byId.get(input.to) as cq.ParticipantRow;
        const from = c.byId.get(input.from) as cq.ParticipantRow;
        if (reverse) {
          // Both sides asked: the meeting is agreed at once, and weighs more.
          await mq.answerRequest(tx, reverse.id, 'accepted', '');
          await mq.answerRequest(tx, qid, 'accepted', '');
          await createMeeting(tx, c, input.from, input.to, { mutual: true, requestId: qid });
          await tell(tx, [input.to], {
            title: `Rendez-vous convenu avec ${from.label}`,
            body: 'Vous vous étiez demandé un rendez-vous l’un l’autre : il sera planifié.',
            link: pageOf(id),
          });
        } else
          await tell(tx, [input.to], {
            title: `Demande de rendez-vous de ${from.label}`,
            body: input.message || `${from.label} souhaite vous rencontrer à « ${c.event.title} ».`,
            link: pageOf(id),
          });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'meeting-requests', recordId: qid, after: { ...input, to: to.id } }]);
        const [row] = await mq.requestRows(tx, id, { ids: [qid] });
        return requestRecord(c, row as mq.RequestRow, settings);
      });
    },

    async answer(actor: Actor, id: string, qid: string, answer: 'accepted' | 'declined', message: string) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        await mq.lockRequest(tx, qid);
        const [row] = await mq.requestRows(tx, id, { ids: [qid] });
        if (!row || !(c.organiser || c.mine.includes(row.to_registration_id) || c.mine.includes(row.from_registration_id)))
          throw notFound('Demande de rendez-vous', qid);
        if (!(c.organiser || c.mine.includes(row.to_registration_id))) throw forbidden('Seul le destinataire de la demande y répond.');
        const settings = await cq.settingsRow(tx, id);
        if (row.status !== 'pending') throw conflict('request_answered', 'Cette demande a déjà reçu une réponse.');
        if (settings?.request_deadline && now() > settings.request_deadline)
          throw conflict('request_expired', 'Cette demande a expiré : l’échéance fixée par l’organisateur est passée.');
        await mq.answerRequest(tx, qid, answer, message);
        const to = c.byId.get(row.to_registration_id)?.label ?? '';
        if (answer === 'accepted') await createMeeting(tx, c, row.from_registration_id, row.to_registration_id, { requestId: qid });
        await tell(tx, [row.from_registration_id], {
          title: answer === 'accepted' ? `${to} accepte votre demande de rendez-vous` : `${to} décline votre demande de rendez-vous`,
          ...(message ? { body: message } : answer === 'accepted' ? { body: 'Le rendez-vous sera planifié par l’organisateur.' } : {}),
          link: pageOf(id),
        });
        await recordWrite(tx, actor, [
          { action: 'update', entity: 'meeting-requests', recordId: qid, before: { status: 'pending' }, after: { status: answer } },
        ]);
        const [after] = await mq.requestRows(tx, id, { ids: [qid] });
        return requestRecord(c, after as mq.RequestRow, settings);
      });
    },

    async meetings(actor: Actor, id: string) {
      const c = await conferenceOf(db, actor, id);
      const records = (await mq.meetingRows(db, id, c.organiser ? {} : { of: c.readable })).map((m) => meetingRecord(c, m));
      if (c.organiser || (await cq.settingsRow(db, id))?.published_at != null) return records;
      // Until the organiser publishes, a participant's meetings are still to schedule: no time, no table (publishing makes agendas visible).
      return records.map((r) =>
        r.status === 'scheduled' || r.status === 'unscheduled'
          ? { ...r, status: 'to_schedule' as const, slotId: null, startsAt: null, endsAt: null, table: null }
          : r,
      );
    },

    async addMeeting(actor: Actor, id: string, input: z.output<typeof meetingInput>) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        mustManage(actor, c);
        const mid = await createMeeting(tx, c, input.a, input.b, { weight: input.weight ?? null });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'meetings', recordId: mid, after: input }]);
        const [row] = await mq.meetingRows(tx, id, { ids: [mid] });
        return meetingRecord(c, row as mq.MeetingRow);
      });
    },

    async updateMeeting(actor: Actor, id: string, mid: string, patch: z.output<typeof meetingPatch>) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        const [m] = await mq.meetingRows(tx, id, { ids: [mid], forUpdate: true });
        const mineToo = m && (c.mine.includes(m.a_registration_id) || c.mine.includes(m.b_registration_id));
        if (!m || !(c.organiser || mineToo)) throw notFound('Rendez-vous', mid);
        const onlyCancel = Object.keys(patch).every((k) => k === 'status') && patch.status === 'cancelled';
        if (!c.organiser && !onlyCancel) throw forbidden('Seul l’organisateur déplace, verrouille ou marque un rendez-vous ; vous pouvez l’annuler.');
        if (!c.organiser && m.locked)
          throw conflict('meeting_locked', 'L’organisateur a verrouillé ce rendez-vous : demandez-lui de l’annuler ou de le déverrouiller.');
        const settings = await cq.settingsRow(tx, id);
        const published = settings?.published_at != null;
        const change: mq.MeetingChange = { id: mid };
        let moved = false;
        const closed = m.status === 'cancelled' || m.status === 'held' || m.status === 'no_show';
        if (patch.slotId !== undefined || patch.table !== undefined) {
          if (closed) throw conflict('meeting_closed', 'Ce rendez-vous est annulé ou a déjà eu lieu : il ne se déplace plus.');
          if (m.locked && patch.locked !== false) throw conflict('meeting_locked', 'Ce rendez-vous est verrouillé : déverrouillez-le avant de le déplacer.');
          const slotId = patch.slotId ?? m.slot_id;
          if (!slotId) throw invalid('Indiquez le créneau où placer ce rendez-vous.', [{ path: 'slotId', message: 'Créneau manquant' }]);
          const refusal = await checkMove(tx, c, m, slotId, patch.table);
          if (typeof refusal === 'string') throw conflict('move_refused', refusal);
          change.slot_id = slotId;
          change.table_number = refusal.table;
          change.status = 'scheduled';
          moved = slotId !== m.slot_id || refusal.table !== m.table_number;
        }
        if (patch.locked !== undefined) {
          const placedAfter = (change.status ?? m.status) === 'scheduled';
          if (patch.locked && !placedAfter) throw conflict('meeting_not_placed', 'Seul un rendez-vous planifié peut être verrouillé.');
          change.locked = patch.locked;
        }
        if (patch.weight !== undefined) change.weight = patch.weight;
        if (patch.videoUrl !== undefined) change.video_url = patch.videoUrl;
        if (patch.status === 'cancelled') {
          if (closed) throw conflict('meeting_closed', 'Ce rendez-vous est déjà annulé ou a déjà eu lieu.');
          change.status = 'cancelled';
          change.locked = false;
          moved = moved || PLACED.has(m.status);
        } else if (patch.status === 'held' || patch.status === 'no_show') {
          if (!m.slot_id || !m.starts_at || !PLACED.has(m.status)) throw conflict('meeting_not_placed', 'Ce rendez-vous n’est pas planifié.');
          if (now() < m.starts_at) throw conflict('meeting_not_started', 'Ce rendez-vous n’a pas encore eu lieu.');
          change.status = patch.status;
          change.locked = false;
        }
        if (published && moved) change.sequence = m.sequence + 1;
        // A move to an occupied table: the other meeting's table is freed first by the unique index order, so write in one statement.
        await mq.updateMeeting(tx, change);
        if (published && moved) {
          const what = change.status === 'cancelled' ? 'est annulé' : 'a changé d’horaire ou de table';
          const others = [m.a_registration_id, m.b_registration_id].filter((r) => !(c.mine.includes(r) && !c.organiser));
          await tell(tx, others, {
            title: `Un rendez-vous de « ${c.event.title} » ${what}`,
            body: `${c.byId.get(m.a_registration_id)?.label ?? ''} et ${c.byId.get(m.b_registration_id)?.label ?? ''}`,
            link: pageOf(id),
          });
        }
        await recordWrite(tx, actor, [
          { action: 'update', entity: 'meetings', recordId: mid, before: { status: m.status, slotId: m.slot_id, table: m.table_number }, after: patch },
        ]);
        const [row] = await mq.meetingRows(tx, id, { ids: [mid] });
        return meetingRecord(c, row as mq.MeetingRow);
      });
    },

    async schedule(actor: Actor, id: string, mode: ScheduleMode): Promise<ScheduleResult | { jobId: string }> {
      const c = await conferenceOf(db, actor, id);
      mustManage(actor, c);
      if (opts.enqueueSchedule) {
        const n = (await mq.meetingRows(db, id)).filter((m) => m.status !== 'cancelled').length;
        if (n > (opts.scheduleJobThreshold ?? SCHEDULE_JOB_THRESHOLD)) return { jobId: await opts.enqueueSchedule({ eventId: id, mode }) };
      }
      return this.runSchedule(actor, id, mode);
    },

    /** The schedule itself, in one transaction (also what the job runs). */
    async runSchedule(
      actor: Actor,
      id: string,
      mode: ScheduleMode,
      onCommit?: (tx: Executor, result: ScheduleResult) => Promise<void>,
      progress?: ScheduleProgress,
    ) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        mustManage(actor, c);
        const result = await runSchedule(tx, c, mode, progress);
        await recordWrite(tx, actor, [{ action: 'update', entity: 'conferences', recordId: id, after: { schedule: mode, scheduled: result.scheduled } }]);
        await onCommit?.(tx, result);
        return result;
      });
    },

    async publish(actor: Actor, id: string) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id, { forUpdate: true });
        mustManage(actor, c);
        const at = now();
        await mq.markPublished(tx, id, at);
        const notified = await tell(
          tx,
          c.participants.filter((p) => MEETING_ROLES.has(p.role)).map((p) => p.id),
          {
            title: `Votre agenda de « ${c.event.title} » est publié`,
            body: 'Retrouvez l’horaire, la table et vos interlocuteurs, et abonnez votre calendrier.',
            link: pageOf(id),
          },
        );
        await recordWrite(tx, actor, [{ action: 'update', entity: 'conferences', recordId: id, after: { publishedAt: at.toISOString() } }]);
        return { publishedAt: at.toISOString(), notified };
      });
    },

    agenda: (actor: Actor, id: string, q: { registration: string; token?: string | undefined }) => agendaOf(actor, id, q),

    /** The printable agenda (PDF): who reads the agenda reads it, with a session or the feed's token. */
    async agendaPdf(actor: Actor, id: string, q: { registration: string; token?: string | undefined }) {
      const a = await agendaOf(actor, id, q);
      const e = a.conference.event;
      return renderAgendaPdf({
        eventTitle: e.title,
        eventStartsAt: e.starts_at,
        eventEndsAt: e.ends_at,
        place: [e.address, e.commune_name].filter(Boolean).join(', ') || e.online_url,
        participant: a.label,
        published: a.published,
        meetings: a.meetings.flatMap((m) =>
          m.startsAt && m.endsAt
            ? [
                {
                  startsAt: new Date(m.startsAt),
                  endsAt: new Date(m.endsAt),
                  table: m.table,
                  withLabel: m.with.label,
                  cancelled: m.status === 'cancelled',
                  videoUrl: m.videoUrl,
                  reasons: m.reasons.filter((r) => r.contribution > 0).map((r) => r.detail),
                },
              ]
            : [],
        ),
      });
    },

    /** The organiser's table plan per slot (PDF), to print and post at the conference. */
    async tablePlanPdf(actor: Actor, id: string) {
      const c = organiserRead(actor, await conferenceOf(db, actor, id), 'Plan des tables');
      const slots = await cq.slotRows(db, id);
      const meetings = (await mq.meetingRows(db, id)).filter((m) => m.slot_id !== null && m.status !== 'cancelled');
      const label = (rid: string) => c.byId.get(rid)?.label ?? 'Inscription annulée';
      return renderTablePlanPdf({
        eventTitle: c.event.title,
        slots: slots.map((s) => ({
          startsAt: s.starts_at,
          endsAt: s.ends_at,
          tables: s.tables,
          meetings: meetings
            .filter((m) => m.slot_id === s.id)
            .map((m) => ({ table: m.table_number, a: label(m.a_registration_id), b: label(m.b_registration_id) })),
        })),
      });
    },

    async agendaIcs(actor: Actor, id: string, q: { registration: string; token?: string | undefined }) {
      const a = await agendaOf(actor, id, q);
      const c = a.conference;
      const place = c.event.address ? `${c.event.address}` : '';
      return writeIcs({
        name: `${c.event.title} — ${a.label}`,
        events: a.rows
          .filter((m) => m.starts_at && m.ends_at)
          .map((m) => {
            const other = a.meetings.find((x) => x.meetingId === m.id)?.with.label ?? '';
            return {
              uid: `meeting-${m.id}@essaim`,
              sequence: m.sequence,
              stamp: m.updated_at,
              start: m.starts_at as Date,
              end: m.ends_at as Date,
              summary: `Rendez-vous avec ${other}`,
              description: `${c.event.title}\n${a.label} et ${other}${m.video_url ? `\nVisio : ${m.video_url}` : ''}`,
              location: [m.table_number ? `Table ${m.table_number}` : '', place].filter(Boolean).join(', '),
              ...(m.video_url ? { url: m.video_url } : {}),
              status: m.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
            };
          }),
      });
    },

    async feedback(actor: Actor, id: string, mid: string, input: z.output<typeof feedbackInput>) {
      return db.transaction().execute(async (tx) => {
        const c = await conferenceOf(tx, actor, id);
        const [m] = await mq.meetingRows(tx, id, { ids: [mid] });
        const sides = m ? [m.a_registration_id, m.b_registration_id].filter((r) => c.mine.includes(r)) : [];
        if (!m || (sides.length === 0 && !c.organiser)) throw notFound('Rendez-vous', mid);
        if (sides.length === 0) throw forbidden('Seuls les participants du rendez-vous donnent leur avis.');
        const registrationId = input.registrationId ?? sides[0];
        if (!registrationId || !sides.includes(registrationId) || (sides.length > 1 && !input.registrationId))
          throw invalid('Indiquez pour quelle inscription vous donnez votre avis.', [{ path: 'registrationId', message: 'Inscription à préciser' }]);
        if (m.status === 'cancelled' || m.status === 'no_show' || !m.starts_at || now() < m.starts_at)
          throw conflict('meeting_not_held', 'Vous pourrez donner votre avis une fois le rendez-vous tenu.');
        const row = await mq.saveFeedback(tx, { meetingId: mid, registrationId, rating: input.rating, comment: input.comment, followUp: input.followUp });
        await recordWrite(tx, actor, [{ action: 'create', entity: 'meeting-feedback', recordId: mid, after: { registrationId, rating: input.rating } }]);
        return feedbackRecord(c, row);
      });
    },

    async feedbackList(actor: Actor, id: string) {
      const c = await conferenceOf(db, actor, id);
      // Feedback is never shown to the other side: a participant reads only their own.
      return (await mq.feedbackRows(db, id, c.organiser ? undefined : c.mine)).map((f) => feedbackRecord(c, f));
    },
  };

  function feedbackRecord(c: Conference, f: mq.FeedbackRow) {
    return {
      meetingId: f.meeting_id,
      registrationId: f.registration_id,
      label: c.byId.get(f.registration_id)?.label ?? '',
      rating: f.rating,
      comment: f.comment,
      followUp: f.follow_up,
      createdAt: f.created_at.toISOString(),
    };
  }

  /** A move checked against every rule: the reason it is refused (French), or the table it takes. */
  async function checkMove(tx: Executor, c: Conference, m: mq.MeetingRow, slotId: string, table: number | undefined): Promise<string | { table: number }> {
    const slot = (await cq.slotRows(tx, c.event.id)).find((s) => s.id === slotId);
    if (!slot) return 'Ce créneau n’existe pas dans cette conférence.';
    if (table !== undefined && table > slot.tables) return `Il n’y a que ${slot.tables} tables à ce créneau.`;
    const all = await mq.meetingRows(tx, c.event.id);
    const others = all.filter((x) => x.id !== m.id && PLACED.has(x.status));
    const availability = await cq.availabilityOf(tx, [m.a_registration_id, m.b_registration_id]);
    for (const p of [m.a_registration_id, m.b_registration_id]) {
      const who = c.byId.get(p) as cq.ParticipantRow;
      const list = availability.get(p);
      if (list && !list.includes(slotId)) return `${who.label} n’est pas disponible à ce créneau.`;
      const busy = others.find((x) => x.slot_id === slotId && (x.a_registration_id === p || x.b_registration_id === p));
      if (busy) return `${who.label} a déjà un rendez-vous à ce créneau.`;
      const count = others.filter((x) => x.a_registration_id === p || x.b_registration_id === p).length;
      if (who.max_meetings !== null && !PLACED.has(m.status) && count >= who.max_meetings)
        return `${who.label} a atteint son nombre maximal de rendez-vous (${who.max_meetings}).`;
    }
    const taken = new Set(others.filter((x) => x.slot_id === slotId).map((x) => x.table_number));
    if (table !== undefined) {
      if (taken.has(table)) return `La table ${table} est déjà prise à ce créneau.`;
      return { table };
    }
    if (m.slot_id === slotId && m.table_number !== null) return { table: m.table_number };
    for (let t = 1; t <= slot.tables; t++) if (!taken.has(t)) return { table: t };
    return 'Toutes les tables sont prises à ce créneau.';
  }

  /** A registration's agenda: with a session (theirs, or the organiser), or with the feed's secret token. */
  async function agendaOf(actor: Actor, id: string, q: { registration: string; token?: string | undefined }) {
    const key = await agendaSecret();
    let c: Conference;
    if (q.token !== undefined) {
      if (!validFeedToken(key, q.registration, q.token))
        throw unauthorized('Ce lien d’agenda n’est pas valide : copiez à nouveau le lien depuis votre espace.', 'invalid_feed_token');
      c = await conferenceOf(db, actor, id, { asSystem: true });
      if (!c.byId.has(q.registration)) throw notFound('Inscription', q.registration);
      c = { ...c, mine: [q.registration] };
    } else {
      if (actor.kind === 'anonymous') throw unauthorized('Connectez-vous, ou ouvrez le lien secret de votre flux d’agenda.');
      c = await conferenceOf(db, actor, id);
      participantFor(c, q.registration, { read: true });
    }
    const me = c.byId.get(q.registration) as cq.ParticipantRow;
    const settings = await cq.settingsRow(db, id);
    const published = settings?.published_at != null;
    const visible = published || c.organiser;
    const rows = visible ? (await mq.meetingRows(db, id, { of: [q.registration] })).filter((m) => m.slot_id !== null && m.starts_at !== null) : [];
    let reasons = new Map<string, Recommendation>();
    if (rows.length && MEETING_ROLES.has(me.role) && readsFunding(actor, c, me)) {
      const others = new Set(rows.map((m) => (m.a_registration_id === me.id ? m.b_registration_id : m.a_registration_id)));
      // Only the registrations this agenda shows: the profiles of everyone else are not read.
      const { projects, funds } = await profiles(db, id, [me.id, ...others]);
      const side = me.role as 'project' | 'investor';
      // Only this registration against the people it meets: their reasons, without ranking everyone.
      const list =
        side === 'project'
          ? recommend(
              { side, registrationId: me.id },
              projects,
              funds.filter((f) => others.has(f.registrationId)),
            )
          : recommend(
              { side, registrationId: me.id },
              projects.filter((p) => others.has(p.registrationId)),
              funds,
            );
      reasons = new Map(list.map((r) => [r.registrationId, r]));
    }
    const meetings: z.input<typeof agendaSchema>['meetings'] = rows.map((m) => {
      const otherId = m.a_registration_id === me.id ? m.b_registration_id : m.a_registration_id;
      const other = c.byId.get(otherId);
      const why = reasons.get(otherId);
      return {
        meetingId: m.id,
        startsAt: m.starts_at?.toISOString() ?? null,
        endsAt: m.ends_at?.toISOString() ?? null,
        table: m.table_number,
        status: m.status as MeetingStatus,
        with: {
          registrationId: otherId,
          label: other?.label ?? 'Inscription annulée',
          role: other?.role ?? '',
          projectId: other?.project_id ?? null,
          fundId: other?.fund_id ?? null,
        },
        reasons: why?.reasons ?? [],
        score: why?.score ?? null,
        videoUrl: m.video_url,
      };
    });
    return {
      registrationId: me.id,
      label: me.label,
      published,
      feedUrl: `${publicUrl}/api/events/${id}/agenda.ics?registration=${me.id}&token=${feedToken(key, me.id)}`,
      meetings,
      rows,
      conference: c,
    };
  }
}

export type ConferenceService = ReturnType<typeof conferenceService>;
