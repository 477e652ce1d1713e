import { innovationStatuses, participantSectors } from '../vocabulary';
import { eur, multilineText, optionalText, trimmed, url, uuid, z } from './common';

export const teamIdParams = z.strictObject({ id: uuid, teamId: uuid });

export const challengeInput = z.strictObject({
  title: trimmed(300),
  description: multilineText(5000).optional(),
  partnerOrganisationId: uuid.nullable().optional(),
});
export const challenge = z.object({
  id: uuid,
  eventId: uuid,
  title: z.string(),
  description: z.string(),
  partnerOrganisationId: z.string().nullable(),
  partnerName: z.string().nullable(),
});

export const criterion = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Un identifiant de critère : lettres minuscules, chiffres et tirets (40 au plus).'),
  label: trimmed(200),
  weight: z.number().positive('Un poids positif.').max(100),
});
export const rubricInput = z.strictObject({
  criteria: z
    .array(criterion)
    .min(1, 'Indiquez au moins un critère.')
    .max(20)
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'Deux critères ont le même identifiant.'),
  /** Submissions are accepted until this instant (none: until the results are published). */
  submissionDeadline: z.iso.datetime({ offset: true }).nullable().optional(),
});
export const rubric = z.object({ criteria: z.array(criterion), submissionDeadline: z.string().nullable() });

export const teamInput = z.strictObject({
  name: trimmed(200),
  /** Registrations of this hackathon (participants). */
  memberRegistrationIds: z.array(uuid).max(20).default([]),
  challengeId: uuid.nullable().optional(),
  mentorRegistrationId: uuid.nullable().optional(),
});

export const teamMember = z.object({
  registrationId: uuid,
  name: z.string().nullable(),
  organisationName: z.string().nullable(),
  sector: z.enum(participantSectors).nullable(),
});

export const submissionInput = z.strictObject({
  title: trimmed(300),
  pitch: multilineText(5000),
  links: z.array(url).max(10).default([]),
});
export const submission = z.object({ title: z.string(), pitch: z.string(), links: z.array(z.string()), submittedAt: z.string(), updatedAt: z.string() });

export const team = z.object({
  id: uuid,
  eventId: uuid,
  name: z.string(),
  challengeId: z.string().nullable(),
  challengeTitle: z.string().nullable(),
  mentorRegistrationId: z.string().nullable(),
  mentorName: z.string().nullable(),
  members: z.array(teamMember),
  submission: submission.nullable(),
  /** `submit` (a member or the organiser, before the deadline). */
  actions: z.array(z.enum(['submit'])),
});
export const teamList = z.object({ items: z.array(team), total: z.number().int() });

export const conflictInput = z.strictObject({ judgeRegistrationId: uuid, teamId: uuid });
export const conflict = z.object({
  judgeRegistrationId: uuid,
  teamId: uuid,
  /** `declared` by the organiser or the judge, or found because judge and a member share an `organisation`. */
  source: z.enum(['declared', 'organisation']),
});

export const assignmentInput = z.strictObject({ reviewsPerSubmission: z.number().int().min(1).max(20) });
export const assignment = z.object({
  judgeRegistrationId: uuid,
  teamId: uuid,
  judgeName: z.string().nullable(),
  teamName: z.string(),
  reviewed: z.boolean(),
});

const score = z.number().int().min(1, 'Une note de 1 à 5.').max(5, 'Une note de 1 à 5.');
export const reviewInput = z.strictObject({
  teamId: uuid,
  scores: z.record(z.string().max(40), score),
  comment: multilineText(5000).optional(),
  /** The organiser may record a review for a judge; a judge reviews as themself. */
  judgeRegistrationId: uuid.optional(),
});
export const review = z.object({
  judgeRegistrationId: uuid,
  /** The judge's name: shown to the organiser and to the judge; left out for a team (null). */
  judgeName: z.string().nullable(),
  teamId: uuid,
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  updatedAt: z.string(),
});
export const reviewList = z.object({ items: z.array(review) });

export const comparisonInput = z.strictObject({ winnerTeamId: uuid, loserTeamId: uuid, judgeRegistrationId: uuid.optional() });

export const rankedTeam = z.object({
  teamId: uuid,
  teamName: z.string(),
  /** Mean weighted total of its reviews (1–5), null without a review. */
  raw: z.number().nullable(),
  /** Mean of its reviews' z-scores (each judge's scale corrected), null without a review. */
  normalised: z.number().nullable(),
  reviews: z.number().int(),
  /** Bradley–Terry strength (log scale) from pairwise comparisons, null without any. */
  pairwise: z.number().nullable(),
  rawRank: z.number().int().nullable(),
});
export const results = z.object({
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  ranking: z.array(rankedTeam),
});

export const hackathonActions = ['manage', 'submit', 'judge'] as const;
export const hackathon = z.object({
  eventId: uuid,
  challenges: z.array(challenge),
  rubric,
  publishedAt: z.string().nullable(),
  teams: z.number().int(),
  submissions: z.number().int(),
  participants: z.number().int(),
  bySector: z.record(z.enum(participantSectors), z.number().int()),
  /** The caller's judge registration and team, when they have one. */
  myJudgeRegistrationId: z.string().nullable(),
  myTeamId: z.string().nullable(),
  actions: z.array(z.enum(hackathonActions)),
});

export const followUpInput = z.strictObject({
  status: z.enum(innovationStatuses),
  nextStep: optionalText(1000).optional(),
  fundingFoundEur: eur.nullable().optional(),
  peopleReached: z.number().int().min(0).max(100_000_000).nullable().optional(),
});
export const followUp = z.object({
  month: z.number().int(),
  dueOn: z.string(),
  requestedAt: z.string().nullable(),
  recordedAt: z.string().nullable(),
  status: z.enum(innovationStatuses).nullable(),
  nextStep: z.string(),
  fundingFoundEur: z.number().nullable(),
  peopleReached: z.number().nullable(),
});
export const followUpParams = z.strictObject({ id: uuid, month: z.enum(['3', '6', '12']).transform(Number) });

export const innovationInput = z.strictObject({
  teamId: uuid,
  title: trimmed(300).optional(),
  summary: multilineText(5000).optional(),
  carrierOrganisationId: uuid.nullable().optional(),
});
export const innovation = z.object({
  id: uuid,
  eventId: uuid,
  eventTitle: z.string(),
  teamId: uuid,
  teamName: z.string(),
  challengeTitle: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  carrierOrganisationId: z.string().nullable(),
  carrierName: z.string().nullable(),
  projectId: z.string().nullable(),
  propelledOn: z.string(),
  followUps: z.array(followUp),
  /** `followUp` (record a follow-up: the carrier or the national team), `makeProject` (the national team, once). */
  actions: z.array(z.enum(['followUp', 'makeProject'])),
});
export const innovationListQuery = z.strictObject({ event: uuid.optional() });
export const innovationList = z.object({ items: z.array(innovation), total: z.number().int() });
export const makeProjectInput = z.strictObject({
  collectiveId: uuid,
  communeCode: z
    .string()
    .regex(/^[0-9][0-9AB][0-9]{3}$/)
    .optional(),
});
