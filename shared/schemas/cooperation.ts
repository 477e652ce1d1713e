import { cooperationStatuses, transferStatuses } from '../vocabulary';
import { isoDate, multilineText, optionalText, queryBoolean, themeCodes, trimmed, url, uuid, z } from './common';

/*
 * Cooperation between collectives (issue 15): know-how transfers, replication
 * of proven projects, workshops' own fields, cooperations between large
 * groups and social innovators. Collective decisions have their own module.
 */

// ——— Know-how transfers ———

const testimonialFields = {
  testimonialQuote: multilineText(2000).nullable().optional(),
  testimonialAuthor: optionalText(200).nullable().optional(),
  /** The author agreed to publication: only then does the public (and the annual review) see the quote. */
  testimonialConsent: z.boolean().optional(),
};

/**
 * A request: the receiving collective, and the giving side (a collective or an
 * organisation); without a giving side the national team looks for one.
 * `requestedBy` says which side asks (the receiver, by default).
 */
export const transferInput = z
  .strictObject({
    toCollectiveId: uuid,
    fromCollectiveId: uuid.nullable().optional(),
    fromOrganisationId: uuid.nullable().optional(),
    requestedBy: z.enum(['giver', 'receiver']).optional(),
    topic: trimmed(300),
    themes: themeCodes.optional(),
    projectId: uuid.nullable().optional(),
    message: multilineText(5000).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.fromCollectiveId && t.fromOrganisationId)
      ctx.addIssue({ code: 'custom', path: ['fromOrganisationId'], message: 'Indiquez soit un collectif, soit une structure qui transmet, pas les deux.' });
    if (t.fromCollectiveId && t.fromCollectiveId === t.toCollectiveId)
      ctx.addIssue({ code: 'custom', path: ['fromCollectiveId'], message: 'Un collectif ne se transmet pas un savoir-faire à lui-même.' });
    if (t.requestedBy === 'giver' && !t.fromCollectiveId && !t.fromOrganisationId)
      ctx.addIssue({ code: 'custom', path: ['fromCollectiveId'], message: 'Une proposition de transfert dit qui transmet.' });
  });
export type TransferInput = z.output<typeof transferInput>;

/**
 * A change: the status (accept or decline by the side that did not ask; then
 * `in_progress` and `done` by either side), the giving side (the national
 * team, for a request without one), the follow-up fields and the testimonial.
 */
export const transferPatch = z.strictObject({
  status: z.enum(transferStatuses).optional(),
  fromCollectiveId: uuid.nullable().optional(),
  fromOrganisationId: uuid.nullable().optional(),
  topic: trimmed(300).optional(),
  themes: themeCodes.optional(),
  projectId: uuid.nullable().optional(),
  startedOn: isoDate.nullable().optional(),
  endedOn: isoDate.nullable().optional(),
  sessionsHeld: z.number().int().min(0).max(1000).optional(),
  outcome: multilineText(5000).optional(),
  ...testimonialFields,
});
export type TransferPatch = z.output<typeof transferPatch>;

export const transferActions = ['answer', 'progress', 'update', 'assign'] as const;
export const testimonial = z.object({
  quote: z.string(),
  author: z.string().nullable(),
  consent: z.boolean(),
});
export const transfer = z.object({
  id: uuid,
  fromCollectiveId: z.string().nullable(),
  fromCollectiveName: z.string().nullable(),
  fromOrganisationId: z.string().nullable(),
  fromOrganisationName: z.string().nullable(),
  toCollectiveId: z.string(),
  toCollectiveName: z.string(),
  requestedBy: z.enum(['giver', 'receiver']),
  topic: z.string(),
  themes: z.array(z.string()),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  status: z.enum(transferStatuses),
  /** The request's message: the two sides and the national team only. */
  message: z.string().nullable(),
  requestedOn: z.string(),
  answeredOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  sessionsHeld: z.number().int(),
  outcome: z.string(),
  /** Null for whoever may not read it: without consent, the two sides and the national team only. */
  testimonial: testimonial.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(transferActions)),
});
export type Transfer = z.output<typeof transfer>;

export const transferListQuery = z.strictObject({
  collectiveId: uuid.optional(),
  organisationId: uuid.optional(),
  status: z.enum(transferStatuses).optional(),
  /** Only the transfers the caller's collectives take part in. */
  mine: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TransferListQuery = z.output<typeof transferListQuery>;
export const transferList = z.object({ items: z.array(transfer), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const candidateReason = z.object({ criterion: z.enum(['theme', 'proven', 'distance']), points: z.number(), text: z.string() });
export const transferCandidate = z.object({
  collectiveId: z.string(),
  collectiveName: z.string(),
  score: z.number(),
  reasons: z.array(candidateReason),
});
export const transferCandidateList = z.object({ items: z.array(transferCandidate) });

/** A published testimonial (consent given), for the public and the annual review. */
export const publishedTestimonial = z.object({
  transferId: z.string(),
  quote: z.string(),
  author: z.string().nullable(),
  topic: z.string(),
  fromName: z.string(),
  toCollectiveName: z.string(),
  year: z.number().int(),
});
export type PublishedTestimonial = z.output<typeof publishedTestimonial>;
export const testimonialQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const testimonialList = z.object({ items: z.array(publishedTestimonial) });

// ——— Replication ———

export const replicationInput = z.strictObject({ sourceProjectId: uuid });
export const projectBrief = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.string(),
  collectiveId: z.string().nullable(),
  collectiveName: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  departementCode: z.string().nullable(),
  themes: z.array(z.string()),
});
export type ProjectBrief = z.output<typeof projectBrief>;
export const replications = z.object({
  source: projectBrief.nullable(),
  replicas: z.array(projectBrief.extend({ recordedAt: z.string() })),
  actions: z.array(z.enum(['record', 'remove'])),
});
export type Replications = z.output<typeof replications>;

/** An arrow of the replication map: from the source's territory to a replica's. */
export const replicationArrow = z.object({
  source: projectBrief,
  replica: projectBrief,
  year: z.number().int(),
});
export const replicationMapQuery = z.strictObject({
  theme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const replicationMap = z.object({ items: z.array(replicationArrow), years: z.array(z.number().int()) });

export const intentionInput = z.strictObject({ sourceProjectId: uuid });
export const intention = z.object({ collectiveId: z.string(), source: projectBrief, createdAt: z.string() });

/** « Projets à essaimer »: proven projects not yet in the collective's territory, ranked by how well their themes fit the territory. */
export const replicationIdea = z.object({
  project: projectBrief,
  score: z.number(),
  reasons: z.array(z.string()),
  intended: z.boolean(),
});
export const replicationIdeas = z.object({ items: z.array(replicationIdea) });

// ——— Workshops ———

export const workshopMaterialInput = z.strictObject({ label: trimmed(300), url });
export const workshopPatch = z.strictObject({
  themeCode: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .nullable()
    .optional(),
  summary: multilineText(20000).optional(),
});
export const workshopMaterial = z.object({
  id: z.string(),
  label: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
});
export const workshop = z.object({
  eventId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  themeCode: z.string().nullable(),
  themeLabel: z.string().nullable(),
  summary: z.string(),
  speakers: z.array(z.object({ name: z.string(), organisationName: z.string().nullable() })),
  /** Attendance: the collectives that came (a registration counts for its collective), and the total. */
  collectives: z.array(z.object({ collectiveId: z.string(), collectiveName: z.string(), attendees: z.number().int() })),
  attendees: z.number().int(),
  materials: z.array(workshopMaterial),
  actions: z.array(z.enum(['update'])),
});
export type Workshop = z.output<typeof workshop>;
export const materialParams = z.strictObject({ id: uuid, mid: uuid });
/** A file's label (its name by default). */
export const materialFileQuery = z.strictObject({ label: optionalText(300).optional() });
/** Files up to this size (bytes) are accepted as materials. */
export const MAX_MATERIAL_BYTES = 5 * 1024 * 1024;

// ——— Cooperations ———

export const cooperationResult = z.strictObject({
  label: trimmed(200),
  value: z.number().min(0).max(1e12),
  unit: trimmed(50),
});
export const cooperationInput = z.strictObject({
  largeGroupId: uuid,
  socialInnovatorId: uuid,
  sectorProgrammeId: uuid.nullable().optional(),
  subject: trimmed(300),
  description: multilineText(5000).optional(),
  status: z.enum(cooperationStatuses).optional(),
  startedOn: isoDate.nullable().optional(),
  endedOn: isoDate.nullable().optional(),
  results: z.array(cooperationResult).max(30).optional(),
});
export type CooperationInput = z.output<typeof cooperationInput>;
export const cooperationPatch = cooperationInput.partial();
export type CooperationPatch = z.output<typeof cooperationPatch>;
export const cooperation = z.object({
  id: z.string(),
  largeGroupId: z.string(),
  largeGroupName: z.string(),
  socialInnovatorId: z.string(),
  socialInnovatorName: z.string(),
  sectorProgrammeId: z.string().nullable(),
  sectorProgrammeName: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  status: z.enum(cooperationStatuses),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  results: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
  actions: z.array(z.enum(['update'])),
});
export type Cooperation = z.output<typeof cooperation>;
export const cooperationListQuery = z.strictObject({
  sectorProgrammeId: uuid.optional(),
  organisationId: uuid.optional(),
  status: z.enum(cooperationStatuses).optional(),
});
export const cooperationList = z.object({ items: z.array(cooperation) });

// ——— A collective's « Coopérations » ———

export const collectiveCooperation = z.object({
  given: z.array(transfer),
  received: z.array(transfer),
  replications: z.array(z.object({ source: projectBrief, replica: projectBrief })),
  intentions: z.array(intention),
  workshops: z.array(z.object({ eventId: z.string(), title: z.string(), startsAt: z.string(), attendees: z.number().int() })),
});
export type CollectiveCooperation = z.output<typeof collectiveCooperation>;

/** A sector programme's cooperation page: its workshops (on its theme) and its cooperations. */
export const programmeCooperation = z.object({
  workshops: z.array(z.object({ eventId: z.string(), title: z.string(), startsAt: z.string() })),
  cooperations: z.array(cooperation),
});
