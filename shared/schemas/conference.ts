import { z } from 'zod';
import { advisorProjectStatuses, investmentLeadStages, meetingRequestStatuses, meetingStatuses } from '../vocabulary';
import { line, listQueryBase, multilineText, uuid } from './common';

/** `/api/events/{id}/…/{rid}`, `{qid}`, `{mid}` */
export const conferenceRegistrationParams = z.strictObject({ id: uuid, rid: uuid });
export const meetingRequestParams = z.strictObject({ id: uuid, qid: uuid });
export const meetingParams = z.strictObject({ id: uuid, mid: uuid });

const hhmm = line().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Indiquez une heure au format HH:MM (par exemple 09:30).');

export const slotPlanInput = z.strictObject({
  days: z
    .array(
      z.strictObject({
        date: line().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez une date au format AAAA-MM-JJ.'),
        start: hhmm,
        end: hhmm,
      }),
    )
    .min(1)
    .max(14),
  meetingMinutes: z.number().int().min(5).max(240),
  breakMinutes: z.number().int().min(0).max(240).default(0),
  tables: z.number().int().min(1).max(1000),
});

export const slot = z.object({ id: uuid, startsAt: z.string(), endsAt: z.string(), tables: z.number().int() });
export const slotList = z.array(slot);
/** The organiser's heat map: per slot, how many of the meeting participants are free for it, and how many already meet then. */
export const slotLoadList = z.array(
  slot.extend({
    /** Registrations that take part in meetings (projects, investors). */
    participants: z.number().int(),
    /** Of them, those available at this slot (every slot unless they said otherwise). */
    available: z.number().int(),
    /** Of them, those with a meeting placed at this slot. */
    booked: z.number().int(),
  }),
);

export const availabilityInput = z.strictObject({ slotIds: z.array(uuid).max(1000) });
export const availability = z.object({
  registrationId: uuid,
  /** False: free in every slot (nothing said yet). */
  limited: z.boolean(),
  slotIds: z.array(uuid),
});

export const conferenceSettingsInput = z.strictObject({
  requestDeadline: z.iso.datetime({ offset: true }).nullable().optional(),
  maxRequests: z.number().int().min(1).max(500).nullable().optional(),
  /** A video link per online meeting: `{meeting}` is replaced by the meeting's identifier. */
  videoLinkPattern: line()
    .max(500)
    .regex(/^https:\/\/\S+$/, 'Indiquez une adresse commençant par https://.')
    .nullable()
    .optional(),
});
export const conferenceSettings = z.object({
  eventId: uuid,
  requestDeadline: z.string().nullable(),
  maxRequests: z.number().int().nullable(),
  videoLinkPattern: z.string().nullable(),
  publishedAt: z.string().nullable(),
  meetingMinutes: z.number().int().nullable(),
  breakMinutes: z.number().int().nullable(),
  days: z.array(z.object({ date: z.string(), start: z.string(), end: z.string() })),
  slots: z.number().int(),
  /** Tables per slot, as the slots were last generated (null before any slot). */
  tables: z.number().int().nullable(),
  /** Meetings by status, for the organiser; a participant's own otherwise. */
  meetings: z.record(z.string(), z.number().int()),
  /** The caller's registrations in this conference (a project's or a fund's). */
  myRegistrations: z.array(z.object({ id: uuid, role: z.string(), label: z.string() })),
  organiser: z.boolean(),
});

const reason = z.object({ criterion: z.enum(['theme', 'territory', 'stage', 'ticket', 'text']), contribution: z.number().int(), detail: z.string() });
export const recommendation = z.object({
  registrationId: uuid,
  /** Points out of 1,000: the reasons' contributions add up to it. */
  score: z.number().int(),
  reasons: z.array(reason),
  label: z.string(),
  role: z.enum(['project', 'investor']),
  projectId: uuid.nullable(),
  fundId: uuid.nullable(),
  /** A request already sent or received between the two, or a meeting. */
  requested: z.boolean(),
});
export const recommendationList = z.array(recommendation);

export const meetingRequestInput = z.strictObject({
  from: uuid,
  to: uuid,
  message: multilineText(2000).default(''),
});
export const meetingRequestAnswer = z.strictObject({ message: multilineText(2000).default('') });
export const meetingRequest = z.object({
  id: uuid,
  from: uuid,
  to: uuid,
  fromLabel: z.string(),
  toLabel: z.string(),
  message: z.string(),
  status: z.enum(meetingRequestStatuses),
  answerMessage: z.string(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  /** Until when it may be answered (the organiser's deadline). */
  expiresAt: z.string().nullable(),
  meetingId: uuid.nullable(),
  actions: z.array(z.enum(['accept', 'decline'])),
});
export const meetingRequestList = z.array(meetingRequest);

export const meetingInput = z.strictObject({ a: uuid, b: uuid, weight: z.number().min(0).max(1000).optional() });
export const meetingPatch = z.strictObject({
  locked: z.boolean().optional(),
  /** Move by hand: a slot and a table (checked against every constraint). */
  slotId: uuid.optional(),
  table: z.number().int().min(1).max(1000).optional(),
  status: z.enum(['cancelled', 'held', 'no_show']).optional(),
  weight: z.number().min(0).max(1000).optional(),
  videoUrl: line()
    .max(500)
    .regex(/^https?:\/\/\S+$/, 'Indiquez une adresse commençant par https://.')
    .nullable()
    .optional(),
});
export const meeting = z.object({
  id: uuid,
  a: uuid,
  b: uuid,
  aLabel: z.string(),
  bLabel: z.string(),
  slotId: uuid.nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  table: z.number().int().nullable(),
  status: z.enum(meetingStatuses),
  locked: z.boolean(),
  weight: z.number(),
  sequence: z.number().int(),
  videoUrl: z.string().nullable(),
  actions: z.array(z.enum(['lock', 'move', 'cancel', 'record', 'feedback'])),
});
export const meetingList = z.array(meeting);

export const scheduleInput = z.strictObject({ mode: z.enum(['all', 'unscheduled']).default('unscheduled') });
export const scheduleResult = z.object({
  scheduled: z.number().int(),
  /** Proven: no schedule can place more meetings. */
  upperBound: z.number().int(),
  unscheduled: z.array(z.object({ meetingId: uuid, reason: z.enum(['no-common-slot', 'max-meetings', 'table-capacity', 'conflict']), message: z.string() })),
  /** Meetings of the published schedule that changed time or table. */
  moved: z.number().int(),
});

export const publishResult = z.object({ publishedAt: z.string(), notified: z.number().int() });

export const agendaQuery = z.strictObject({
  registration: uuid,
  /** The personal feed's secret (a calendar subscribing without a session). */
  token: line().max(200).optional(),
});
export const agenda = z.object({
  registrationId: uuid,
  label: z.string(),
  published: z.boolean(),
  /** The personal feed to subscribe to (keep it secret: it opens this agenda without signing in). */
  feedUrl: z.string(),
  meetings: z.array(
    z.object({
      meetingId: uuid,
      startsAt: z.string().nullable(),
      endsAt: z.string().nullable(),
      table: z.number().int().nullable(),
      status: z.enum(meetingStatuses),
      with: z.object({ registrationId: uuid, label: z.string(), role: z.string(), projectId: uuid.nullable(), fundId: uuid.nullable() }),
      reasons: z.array(reason),
      score: z.number().int().nullable(),
      videoUrl: z.string().nullable(),
    }),
  ),
});

export const feedbackInput = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: multilineText(4000).default(''),
  followUp: z.boolean().default(false),
  /** The registration giving it (needed only when the caller holds both sides). */
  registrationId: uuid.optional(),
});
export const feedback = z.object({
  meetingId: uuid,
  registrationId: uuid,
  label: z.string(),
  rating: z.number().int(),
  comment: z.string(),
  followUp: z.boolean(),
  createdAt: z.string(),
});
export const feedbackList = z.array(feedback);

export const investmentLeadQuery = z.strictObject({
  fundId: uuid.optional(),
  projectId: uuid.optional(),
  stage: z.enum(investmentLeadStages).optional(),
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
});
export const investmentLeadInput = z.strictObject({
  projectId: uuid,
  fundId: uuid,
  meetingId: uuid.nullable().optional(),
  stage: z.enum(investmentLeadStages).default('contact'),
  amountEur: z.number().int().min(1).max(10_000_000_000).nullable().optional(),
  investedOn: z.iso.date().nullable().optional(),
});
export const investmentLeadPatch = z.strictObject({
  stage: z.enum(investmentLeadStages).optional(),
  amountEur: z.number().int().min(1).max(10_000_000_000).nullable().optional(),
  investedOn: z.iso.date().nullable().optional(),
});
export const investmentLead = z.object({
  id: uuid,
  projectId: uuid,
  projectTitle: z.string(),
  fundId: uuid,
  fundName: z.string(),
  meetingId: uuid.nullable(),
  stage: z.enum(investmentLeadStages),
  amountEur: z.number().nullable(),
  investedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(['update'])),
});
export const investmentLeadList = z.object({ items: z.array(investmentLead), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const advisorParams = z.strictObject({ id: uuid });
export const advisorProjectParams = z.strictObject({ id: uuid, projectId: uuid });
export const advisorTrainingInput = z.strictObject({ cohort: line().trim().min(1).max(100), trainedOn: z.iso.date() });
export const advisorProjectInput = z.strictObject({ projectId: uuid, since: z.iso.date(), status: z.enum(advisorProjectStatuses).default('active') });
export const advisorProjectPatch = z.strictObject({ status: z.enum(advisorProjectStatuses) });
export const advisor = z.object({
  personId: uuid,
  name: z.string(),
  organisationName: z.string().nullable(),
  /** The impact finance training: cohort and date (null: not recorded). */
  cohort: z.string().nullable(),
  trainedOn: z.string().nullable(),
  projects: z.array(z.object({ projectId: uuid, title: z.string(), since: z.string(), status: z.enum(advisorProjectStatuses) })),
});
export const advisorList = z.array(advisor);
