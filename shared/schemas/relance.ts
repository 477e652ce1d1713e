import {
  criterionStatuses,
  eligibilityVerdicts,
  measureWindowKinds,
  measureWindows,
  obstacleActionKinds,
  obstacleCategories,
  obstacleStatuses,
  organisationKinds,
  organisationSizes,
  projectStages,
  recoveryComponents,
} from '../vocabulary';
import { eur, exportFormat, isoDate, line, listQueryBase, listResponse, multilineText, themeCodes, themeFilter, trimmed, url, uuid, z } from './common';
import { territoryCode } from './sponsorship';

/** ESS relance (issue 14): measures with eligibility rules as data, verdicts per criterion, obstacles and their timeline. */

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((a) => [...new Set(a)] as z.output<T>[]);

/** An INSEE legal category (4 digits), a prefix of one (1–2 digits), or a family name. */
const legalCategoryRule = z
  .string()
  .regex(
    /^([0-9]{1,2}|[0-9]{4}|association|fondation|mutuelle|cooperative|societe)$/,
    'Indiquez chaque forme juridique par son code INSEE (par exemple 9220 ou 92) ou une famille : association, fondation, mutuelle, cooperative, societe.',
  );

export const eligibilityRules = z.strictObject({
  legalCategories: unique(legalCategoryRule, 50).default([]),
  kinds: unique(z.enum(organisationKinds), 20).default([]),
  essRequired: z.boolean().default(false),
  esusRequired: z.boolean().default(false),
  territories: unique(territoryCode, 200).default([]),
  minAgeYears: z.number().int().min(0).max(200).nullable().default(null),
  sizes: unique(z.enum(organisationSizes), 4).default([]),
  stages: unique(z.enum(projectStages), 4).default([]),
  maxAmountEur: eur.nullable().default(null),
});
export type EligibilityRulesInput = z.output<typeof eligibilityRules>;
/** The rules as answers carry them (no defaults, no transforms: a response schema only checks). */
export const eligibilityRulesOut = z.object({
  legalCategories: z.array(z.string()),
  kinds: z.array(z.string()),
  essRequired: z.boolean(),
  esusRequired: z.boolean(),
  territories: z.array(z.string()),
  minAgeYears: z.number().nullable(),
  sizes: z.array(z.enum(organisationSizes)),
  stages: z.array(z.string()),
  maxAmountEur: z.number().nullable(),
});

const measureFields = {
  name: trimmed(300),
  description: multilineText(10000).optional(),
  operatorOrganisationId: uuid,
  component: z.enum(recoveryComponents),
  budgetEur: eur.nullable().optional(),
  opensOn: isoDate.nullable().optional(),
  closesOn: isoDate.nullable().optional(),
  windowKind: z.enum(measureWindowKinds),
  url: url.nullable().optional(),
  themes: themeCodes.optional(),
  rules: eligibilityRules.optional(),
};
const datesInOrder = (m: { opensOn?: string | null; closesOn?: string | null }) => !m.opensOn || !m.closesOn || m.opensOn <= m.closesOn;
const datesMessage = { message: 'La date de clôture doit suivre la date d’ouverture.', path: ['closesOn'] };
export const measureInput = z.strictObject(measureFields).refine(datesInOrder, datesMessage);
export type MeasureInput = z.output<typeof measureInput>;
export const measurePatch = z.strictObject(measureFields).partial().refine(datesInOrder, datesMessage);
export type MeasurePatch = z.output<typeof measurePatch>;

export const measureActions = ['update', 'delete'] as const;
export const measure = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  operatorOrganisationId: z.string(),
  operatorName: z.string(),
  component: z.enum(recoveryComponents),
  budgetEur: z.number().nullable(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  windowKind: z.enum(measureWindowKinds),
  /** Where the measure stands today. */
  window: z.enum(measureWindows),
  url: z.string().nullable(),
  themes: z.array(z.string()),
  rules: eligibilityRulesOut,
  /** The rules in words, one French sentence per criterion the measure constrains. */
  rulesInWords: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(measureActions)),
});
export type Measure = z.output<typeof measure>;

const windowFilter = z.enum([...measureWindows, 'all']).default('all');
export const measureListQuery = z.strictObject({
  q: listQueryBase.q,
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  operator: uuid.optional(),
  theme: themeFilter,
  territory: territoryCode.optional(),
  component: z.enum(recoveryComponents).optional(),
  window: windowFilter,
});
export type MeasureListQuery = z.output<typeof measureListQuery>;
export const measureList = listResponse(measure);

export const criterionResult = z.object({
  criterion: z.string(),
  status: z.enum(criterionStatuses),
  message: z.string(),
});
export const eligibility = z.object({
  measureId: z.string(),
  verdict: z.enum(eligibilityVerdicts),
  criteria: z.array(criterionResult),
});
export type EligibilityOut = z.output<typeof eligibility>;

const verdictFilter = z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : String(v).split(',')), z.array(z.enum(eligibilityVerdicts)));
export const eligibleProjectsQuery = z.strictObject({
  /** Which verdicts to list (repeat or separate by commas); by default the eligible ones and those to check. */
  verdict: verdictFilter.default(['eligible', 'to_check']),
  territory: territoryCode.optional(),
  theme: themeFilter,
  q: listQueryBase.q,
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
});
export const eligibleProject = z.object({
  projectId: z.string(),
  projectTitle: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  eligibility,
});
export const eligibleProjects = listResponse(eligibleProject).extend({
  /** How many projects of the network get each verdict (before the filters on verdicts, after the others). */
  counts: z.object({ eligible: z.number().int(), toCheck: z.number().int(), notEligible: z.number().int() }),
});

export const measuresForQuery = z.strictObject({ window: windowFilter });
/** A measure as a project's or a structure's list shows it (its rules are explained by the verdict beside it). */
export const measureSummary = measure.omit({ rules: true, rulesInWords: true, description: true, actions: true, createdAt: true, updatedAt: true });
export const measureForEntry = z.object({
  measure: measureSummary,
  window: z.enum(measureWindows),
  eligibility,
});
export const measuresFor = z.object({ items: z.array(measureForEntry) });
export type MeasuresFor = z.output<typeof measuresFor>;

/** The batch: every verdict of many projects × many measures, one letter per project (e eligible, c to check, n not eligible). */
export const verdictBatchInput = z.strictObject({
  measureIds: z.array(uuid).max(5000).optional(),
  projectIds: z.array(uuid).max(100_000).optional(),
});
export const verdictBatch = z.object({
  projectIds: z.array(z.string()),
  measures: z.array(
    z.object({
      measureId: z.string(),
      /** One letter per project, in `projectIds` order: `e` eligible, `c` to check, `n` not eligible. */
      verdicts: z.string(),
      eligible: z.number().int(),
      toCheck: z.number().int(),
      notEligible: z.number().int(),
    }),
  ),
});

// Obstacles.
const obstacleFields = {
  title: trimmed(300),
  description: multilineText(10000).optional(),
  eventId: uuid.nullable().optional(),
  measureId: uuid.nullable().optional(),
  operatorOrganisationId: uuid.nullable().optional(),
  projectId: uuid.nullable().optional(),
  organisationId: uuid.nullable().optional(),
  category: z.enum(obstacleCategories),
  severity: z.number().int().min(1).max(3),
  ownerAccountId: uuid.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
};
export const obstacleInput = z.strictObject(obstacleFields);
export type ObstacleInput = z.output<typeof obstacleInput>;
export const obstaclePatch = z
  .strictObject({
    ...obstacleFields,
    status: z.enum(obstacleStatuses),
    reason: line().trim().max(2000),
    resolution: multilineText(5000),
  })
  .partial();
export type ObstaclePatch = z.output<typeof obstaclePatch>;

export const obstacleActions = ['update', 'comment', 'status', 'assign'] as const;
export const obstacle = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  eventId: z.string().nullable(),
  eventTitle: z.string().nullable(),
  measureId: z.string().nullable(),
  measureName: z.string().nullable(),
  operatorOrganisationId: z.string().nullable(),
  operatorName: z.string().nullable(),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  category: z.enum(obstacleCategories),
  severity: z.number().int(),
  ownerAccountId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(obstacleStatuses),
  resolution: z.string().nullable(),
  liftedAt: z.string().nullable(),
  raisedByAccountId: z.string().nullable(),
  raisedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(obstacleActions)),
});
export type Obstacle = z.output<typeof obstacle>;

const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : String(v).split(',')), z.array(item));
export const obstacleListQuery = z.strictObject({
  q: listQueryBase.q,
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  status: many(z.enum(obstacleStatuses)).optional(),
  category: many(z.enum(obstacleCategories)).optional(),
  measure: uuid.optional(),
  operator: uuid.optional(),
  project: uuid.optional(),
  organisation: uuid.optional(),
  event: uuid.optional(),
  /** Those I own (`mine=true`). */
  mine: z.enum(['true', 'false']).optional(),
});
export type ObstacleListQuery = z.output<typeof obstacleListQuery>;
export const obstacleList = listResponse(obstacle);

export const obstacleActionInput = z.strictObject({
  kind: z.enum(obstacleActionKinds),
  comment: multilineText(5000).optional(),
  status: z.enum(obstacleStatuses).optional(),
  reason: line().trim().max(2000).optional(),
  resolution: multilineText(5000).optional(),
  ownerAccountId: uuid.nullable().optional(),
});
export type ObstacleActionInput = z.output<typeof obstacleActionInput>;
export const obstacleAction = z.object({
  id: z.string(),
  obstacleId: z.string(),
  kind: z.enum(obstacleActionKinds),
  comment: z.string().nullable(),
  status: z.enum(obstacleStatuses).nullable(),
  reason: z.string().nullable(),
  resolution: z.string().nullable(),
  ownerAccountId: z.string().nullable(),
  ownerName: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  createdAt: z.string(),
});
export type ObstacleActionOut = z.output<typeof obstacleAction>;
export const obstacleActionList = z.object({ items: z.array(obstacleAction) });

export const obstacleStatsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  measure: uuid.optional(),
  operator: uuid.optional(),
  format: exportFormat.optional(),
});
export type ObstacleStatsQuery = z.output<typeof obstacleStatsQuery>;
const countBy = z.object({ id: z.string().nullable(), name: z.string(), count: z.number().int(), lifted: z.number().int() });
export const obstacleStats = z.object({
  total: z.number().int(),
  byStatus: z.record(z.enum(obstacleStatuses), z.number().int()),
  byCategory: z.record(z.enum(obstacleCategories), z.number().int()),
  byMeasure: z.array(countBy),
  byOperator: z.array(countBy),
  medianDaysToLift: z.number().nullable(),
  p90DaysToLift: z.number().nullable(),
  openOver30Days: z.number().int(),
  perMonth: z.array(z.object({ month: z.string(), raised: z.number().int(), lifted: z.number().int() })),
});
export type ObstacleStats = z.output<typeof obstacleStats>;

// An #ESSrelance meeting (an event of kind `meeting`, programme `ess-relance`): its agenda, minutes and attendance.
export const agendaItemInput = z.strictObject({
  title: trimmed(300),
  measureId: uuid.nullable().optional(),
  projectId: uuid.nullable().optional(),
  notes: multilineText(5000).optional(),
});
/** The whole agenda, in order (it replaces the previous one). */
export const agendaInput = z.strictObject({ items: z.array(agendaItemInput).max(100) });
export type AgendaInput = z.output<typeof agendaInput>;
export const minutesInput = z.strictObject({ minutes: multilineText(50_000) });
export type MinutesInput = z.output<typeof minutesInput>;

export const meetingActions = ['update'] as const;
export const agendaItem = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  measureId: z.string().nullable(),
  measureName: z.string().nullable(),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  notes: z.string(),
});
export const meetingAgenda = z.object({
  eventId: z.string(),
  items: z.array(agendaItem),
  minutes: z.string().nullable(),
  minutesUpdatedAt: z.string().nullable(),
  /** Who came: the structures and projects registered (people are not named), and the counts per status. */
  attendance: z.object({
    registered: z.number().int(),
    attended: z.number().int(),
    noShow: z.number().int(),
    participants: z.array(
      z.object({
        kind: z.enum(['project', 'organisation']),
        id: z.string(),
        name: z.string(),
        status: z.enum(['registered', 'attended', 'no_show']),
      }),
    ),
  }),
  actions: z.array(z.enum(meetingActions)),
});
export type MeetingAgenda = z.output<typeof meetingAgenda>;
