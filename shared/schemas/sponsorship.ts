import { needStatuses, needUrgencies, objectiveOutcomes, sessionFormats, sponsorshipCategories, sponsorshipStatuses, territoryKinds } from '../vocabulary';
import { isoDate, line, multilineText, optionalText, queryBoolean, trimmed, uuid, z } from './common';

/** A territory as `kind:code` (region:84, departement:46, epci:200069110, commune:46102). */
export const territoryCode = line().regex(
  new RegExp(`^(${territoryKinds.join('|')}):[0-9AB]{2,9}$`),
  'Indiquez le territoire sous la forme region:84, departement:73, epci:200069110 ou commune:73065.',
);

const categories = z
  .array(z.enum(sponsorshipCategories))
  .min(1, 'Choisissez au moins une catégorie de besoin.')
  .max(sponsorshipCategories.length)
  .transform((a) => [...new Set(a)]);

export const needFields = z.strictObject({
  organisationId: uuid,
  categories,
  description: multilineText(5000).optional(),
  urgency: z.enum(needUrgencies).optional(),
  administrationIds: z.array(uuid).max(20).optional(),
  territory: territoryCode.nullable().optional(),
});
export const needInput = needFields;
export type NeedInput = z.output<typeof needInput>;
/** A need's status is moved by the national team or its structure: `withdrawn` and `closed` end it, `open` reopens it. */
export const needPatch = needFields
  .omit({ organisationId: true })
  .partial()
  .extend({ status: z.enum(['open', 'closed', 'withdrawn']).optional() });
export type NeedPatch = z.output<typeof needPatch>;

export const needActions = ['update', 'delete', 'candidates'] as const;
export const need = z.object({
  id: uuid,
  organisationId: z.string(),
  organisationName: z.string(),
  categories: z.array(z.enum(sponsorshipCategories)),
  categoryLabels: z.array(z.string()),
  description: z.string(),
  urgency: z.enum(needUrgencies),
  administrationIds: z.array(z.string()),
  administrationNames: z.array(z.string()),
  territory: z.string().nullable(),
  territoryName: z.string().nullable(),
  status: z.enum(needStatuses),
  /** The sponsorship under way or proposed for this need, if any. */
  sponsorshipId: z.string().nullable(),
  matchedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(needActions)),
});
export type Need = z.output<typeof need>;

export const needListQuery = z.strictObject({
  q: line().trim().max(200).optional(),
  status: z.enum(needStatuses).optional(),
  category: z.enum(sponsorshipCategories).optional(),
  urgency: z.enum(needUrgencies).optional(),
  organisation: uuid.optional(),
  administration: uuid.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type NeedListQuery = z.output<typeof needListQuery>;
export const needList = z.object({ items: z.array(need), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const sponsorCriteria = ['expertise', 'administration', 'territory', 'capacity', 'workload'] as const;
export type SponsorCriterion = (typeof sponsorCriteria)[number];
export const reason = z.object({
  criterion: z.enum(sponsorCriteria),
  /** Points out of 1,000; a candidate's contributions add up exactly to its score. */
  contribution: z.number().int(),
  detail: z.string(),
});
export type Reason = z.output<typeof reason>;
export const candidate = z.object({
  sponsorPersonId: z.string(),
  sponsorName: z.string(),
  administrationName: z.string().nullable(),
  score: z.number().int(),
  reasons: z.array(reason),
  remainingCapacity: z.number().int(),
});
export const candidateList = z.object({ items: z.array(candidate) });

/** A sponsor's profile on their person record. */
export const sponsorProfileInput = z.strictObject({
  administrationId: uuid,
  grade: optionalText(200).optional(),
  expertise: z
    .array(z.enum(sponsorshipCategories))
    .max(sponsorshipCategories.length)
    .transform((a) => [...new Set(a)])
    .optional(),
  territories: z
    .array(territoryCode)
    .max(30)
    .transform((a) => [...new Set(a)])
    .optional(),
  capacity: z.number().int().min(1, 'La capacité va de 1 à 3 structures à la fois.').max(3, 'La capacité va de 1 à 3 structures à la fois.').optional(),
  pausedUntil: isoDate.nullable().optional(),
});
export type SponsorProfileInput = z.output<typeof sponsorProfileInput>;
export const sponsorProfile = z.object({
  administrationId: z.string(),
  grade: z.string(),
  expertise: z.array(z.enum(sponsorshipCategories)),
  territories: z.array(z.string()),
  capacity: z.number().int(),
  pausedUntil: z.string().nullable(),
});
export type SponsorProfile = z.output<typeof sponsorProfile>;
export const sponsorProfileOut = sponsorProfile.extend({
  personId: z.string(),
  name: z.string(),
  administrationName: z.string().nullable(),
  /** Proposals and sponsorships held now; null for whoever is neither the sponsor nor the national team. */
  load: z.number().int().nullable(),
  remainingCapacity: z.number().int().nullable(),
});

export const proposeInput = z.strictObject({
  needIds: z.array(uuid).max(5000).optional(),
  /** `stable`: a stable matching (no need and sponsor would both rather be together) instead of the best total. */
  method: z.enum(['optimal', 'stable']).optional(),
  /** Drafts the national team reviews and sends, instead of proposals sent at once. */
  review: z.boolean().optional(),
});
export const proposeResult = z.object({
  method: z.enum(['optimal', 'stable']),
  totalScore: z.number().int(),
  proposed: z.array(z.object({ sponsorshipId: z.string(), needId: z.string(), sponsorPersonId: z.string(), score: z.number().int() })),
  /** Open needs no available sponsor could take. */
  unmatchedNeedIds: z.array(z.string()),
});

export const objective = z.object({ id: z.string(), label: z.string(), outcome: z.enum(objectiveOutcomes).nullable() });
export const objectiveInput = z.strictObject({ id: uuid.optional(), label: trimmed(300), outcome: z.enum(objectiveOutcomes).nullable().optional() });

export const sponsorshipActions = ['update', 'swap', 'send', 'answer', 'log', 'close'] as const;
const side = z.object({ rating: z.number().int().nullable(), wouldDoAgain: z.boolean().nullable() });
export const sponsorship = z.object({
  id: uuid,
  needId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  categories: z.array(z.enum(sponsorshipCategories)),
  sponsorPersonId: z.string(),
  sponsorName: z.string(),
  administrationId: z.string().nullable(),
  administrationName: z.string().nullable(),
  status: z.enum(sponsorshipStatuses),
  score: z.number().int(),
  reasons: z.array(reason),
  proposedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  objectives: z.array(objective),
  closingSummary: z.string(),
  sponsorSide: side,
  structureSide: side,
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(sponsorshipActions)),
});
export type Sponsorship = z.output<typeof sponsorship>;
export const sponsorshipListQuery = z.strictObject({
  status: z.enum(sponsorshipStatuses).optional(),
  need: uuid.optional(),
  sponsor: uuid.optional(),
  organisation: uuid.optional(),
  administration: uuid.optional(),
  /** Only those where the caller is the sponsor. */
  mine: queryBoolean.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type SponsorshipListQuery = z.output<typeof sponsorshipListQuery>;
export const sponsorshipList = z.object({ items: z.array(sponsorship), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const sponsorshipPatch = z.strictObject({
  /** Swap the sponsor of a draft or unanswered proposal (national team). */
  sponsorPersonId: uuid.optional(),
  objectives: z.array(objectiveInput).max(20).optional(),
});
export const declineInput = z.strictObject({ reason: optionalText(1000).optional() });
export const closeInput = z.strictObject({
  rating: z.number().int().min(1, 'La note va de 1 à 5.').max(5, 'La note va de 1 à 5.'),
  wouldDoAgain: z.boolean(),
  summary: multilineText(5000).optional(),
  outcomes: z
    .array(z.strictObject({ objectiveId: uuid, outcome: z.enum(objectiveOutcomes) }))
    .max(20)
    .optional(),
});

export const sessionInput = z.strictObject({
  date: isoDate,
  durationMinutes: z.number().int().min(5, 'Une séance dure de 5 minutes à 8 heures.').max(480, 'Une séance dure de 5 minutes à 8 heures.'),
  format: z.enum(sessionFormats),
  topics: z.array(trimmed(200)).max(20).optional(),
  notes: multilineText(10000).optional(),
});
export const session = z.object({
  id: z.string(),
  date: z.string(),
  durationMinutes: z.number().int(),
  format: z.enum(sessionFormats),
  topics: z.array(z.string()),
  /** Null for whoever is neither of the pair nor the national team. */
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export const sessionList = z.object({ items: z.array(session) });

export const dashboardQuery = z.strictObject({ administration: uuid.optional() });
const figures = z.object({
  activeSponsorships: z.number().int(),
  openNeeds: z.number().int(),
  needs: z.number().int(),
  /** Share (0–1) of the needs stated at least 30 days ago that found an accepted sponsor within 30 days. */
  matchedWithin30Days: z.number().nullable(),
  medianDaysToMatch: z.number().nullable(),
  medianDaysToAcceptance: z.number().nullable(),
  objectives: z.number().int(),
  objectivesAchieved: z.number().int(),
  satisfaction: z.number().nullable(),
  ratings: z.number().int(),
});
export const dashboard = z.object({
  administrationId: z.string().nullable(),
  figures,
  perAdministration: z.array(figures.extend({ administrationId: z.string(), administrationName: z.string(), sponsors: z.number().int() })),
  sponsorsAtCapacity: z.array(
    z.object({ personId: z.string(), name: z.string(), administrationName: z.string().nullable(), load: z.number().int(), capacity: z.number().int() }),
  ),
  sponsorsNearCapacity: z.array(
    z.object({ personId: z.string(), name: z.string(), administrationName: z.string().nullable(), load: z.number().int(), capacity: z.number().int() }),
  ),
});
export type Dashboard = z.output<typeof dashboard>;
export const sponsorParams = z.strictObject({ id: uuid });
