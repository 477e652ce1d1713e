import { challengeEnrolmentSources, organisationKinds, siaeKinds } from '../vocabulary';
import { exportFormat, isoDate, listQueryBase, listResponse, multilineText, trimmed, url, uuid, z } from './common';

/** One step of a challenge, in order: what is measured (a count) and the target that completes it. */
export const challengeStepInput = z.strictObject({
  label: trimmed(200),
  measure: trimmed(200),
  target: z
    .number({ error: 'Indiquez la cible de l’étape (un nombre entier).' })
    .int('La cible est un nombre entier.')
    .min(1, 'La cible est au moins 1.')
    .max(1_000_000),
});

const challengeFields = z.strictObject({
  title: trimmed(300),
  description: multilineText(5000).optional(),
  // No defaults here: a PATCH without them must keep the partners and kinds (defaults live on the creation schema).
  partnerIds: z.array(uuid).max(50),
  targetKind: z.enum(organisationKinds),
  targetSiaeKinds: z.array(z.enum(siaeKinds)).max(5),
  /** Replaced as a whole on PATCH; a step keeps its records when its position stays. */
  steps: z.array(challengeStepInput).min(1, 'Ajoutez au moins une étape.').max(12, 'Un défi a au plus 12 étapes.'),
  startsOn: isoDate,
  endsOn: isoDate,
});

const datesInOrder = (c: { startsOn?: string | undefined; endsOn?: string | undefined }, ctx: z.RefinementCtx) => {
  if (c.startsOn && c.endsOn && c.startsOn > c.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'La fin du défi doit suivre son début.' });
};
export const challengeInput = challengeFields
  .extend({ partnerIds: challengeFields.shape.partnerIds.default([]), targetSiaeKinds: challengeFields.shape.targetSiaeKinds.default([]) })
  .superRefine(datesInOrder);
export type ChallengeInput = z.output<typeof challengeInput>;
export const challengePatch = challengeFields.partial().superRefine(datesInOrder);
export type ChallengePatch = z.output<typeof challengePatch>;

export const challengeStep = z.object({ id: z.string(), position: z.number().int(), label: z.string(), measure: z.string(), target: z.number().int() });
export type ChallengeStep = z.output<typeof challengeStep>;

export const challengeActions = ['update', 'enrol', 'enrolMany', 'dashboard', 'progressImport'] as const;

export const challenge = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  partners: z.array(z.object({ id: z.string(), name: z.string() })),
  targetKind: z.enum(organisationKinds),
  targetSiaeKinds: z.array(z.enum(siaeKinds)),
  steps: z.array(challengeStep),
  startsOn: z.string(),
  endsOn: z.string(),
  enrolled: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do: change it, enrol a structure, enrol many, read the full dashboard, import progress. */
  actions: z.array(z.enum(challengeActions)),
  /** The caller's structures that may join (target population, not yet enrolled). */
  joinable: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Challenge = z.output<typeof challenge>;

export const challengeListQuery = z.strictObject({ q: listQueryBase.q, page: listQueryBase.page, pageSize: listQueryBase.pageSize });
export const challengeList = listResponse(challenge.omit({ joinable: true }));

/** Enrol one structure (its people, or the national team), or, for the national team, every structure of the directory a filter selects. */
export const enrolmentInput = z.union([
  z.strictObject({ organisationId: uuid }),
  z.strictObject({
    filter: z.strictObject({
      region: z
        .string()
        .regex(/^[0-9]{2}$/, 'Indiquez la région par son code INSEE (2 chiffres, par exemple 53).')
        .optional(),
      departement: z
        .string()
        .regex(/^[0-9][0-9AB][0-9]?$/, 'Indiquez le département par son code (par exemple 35 ou 2A).')
        .optional(),
      siaeKind: z.enum(siaeKinds).optional(),
    }),
  }),
]);
export type EnrolmentInput = z.output<typeof enrolmentInput>;
export const enrolmentQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
export const enrolmentResult = z.object({
  dryRun: z.boolean(),
  /** Structures the request selects (file rows, filter matches, or 1). */
  selected: z.number().int(),
  /** Newly enrolled (or that would be, on a dry run). */
  enrolled: z.number().int(),
  alreadyEnrolled: z.number().int(),
});

export const progressInput = z.strictObject({
  organisationId: uuid,
  stepId: uuid,
  value: z
    .number({ error: 'Indiquez la valeur mesurée (un nombre entier).' })
    .int('La valeur est un nombre entier.')
    .min(0, 'La valeur ne peut pas être négative.')
    .max(1_000_000),
  recordedOn: isoDate,
  evidenceUrl: url.nullable().optional(),
});
export type ProgressInput = z.output<typeof progressInput>;
export const progressImportResult = z.object({ dryRun: z.boolean(), rows: z.number().int(), structures: z.number().int(), imported: z.number().int() });

/** One structure's progress in one challenge: each step with its latest value and its history. */
export const structureProgress = z.object({
  challengeId: z.string(),
  challengeTitle: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  enrolledOn: z.string(),
  source: z.enum(challengeEnrolmentSources),
  stepsDone: z.number().int(),
  canRecord: z.boolean(),
  steps: z.array(
    challengeStep.extend({
      value: z.number().int().nullable(),
      done: z.boolean(),
      history: z.array(z.object({ value: z.number().int(), recordedOn: z.string(), evidenceUrl: z.string().nullable() })),
    }),
  ),
});
export type StructureProgress = z.output<typeof structureProgress>;
export const structureChallenges = z.object({ items: z.array(structureProgress) });
export const structureProgressParams = z.strictObject({ id: uuid, organisationId: uuid });

export const dashboardQuery = z.strictObject({ format: exportFormat.optional() });
const countBy = z.object({ code: z.string(), name: z.string(), enrolled: z.number().int(), completed: z.number().int() });
export const challengeDashboard = z.object({
  /** The day the figures are counted at: today, or the challenge's last day once it has ended. */
  asOf: z.string(),
  /** `full` for its partners and the national team; `public` (aggregates only, no structure named) for everyone else. */
  scope: z.enum(['full', 'public']),
  enrolled: z.number().int(),
  active30d: z.number().int(),
  completed: z.number().int(),
  funnel: z.array(z.object({ stepId: z.string(), label: z.string(), count: z.number().int() })),
  byRegion: z.array(countBy),
  byDepartement: z.array(countBy),
  bySiaeKind: z.array(countBy),
  /** Structures whose stage has not moved for more than 60 days (not finished); the 50 longest named for the full scope. */
  stuck: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        organisationId: z.string(),
        name: z.string(),
        stepId: z.string().nullable(),
        stepLabel: z.string(),
        since: z.string(),
        days: z.number().int(),
      }),
    ),
  }),
  /** Progress records per week (weeks starting on Monday). */
  perWeek: z.array(z.object({ week: z.string(), records: z.number().int() })),
});
export type ChallengeDashboard = z.output<typeof challengeDashboard>;
