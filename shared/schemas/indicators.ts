import { z } from 'zod';

export const indicatorProgrammes = ['network', 'collectives', 'pioneers', 'impact-finance', 'hackers-publics', 'mobilisation'] as const;
export const indicatorAggregations = ['count', 'sum', 'ratio'] as const;
export const indicatorDisaggregations = ['region', 'departement', 'siaeKind', 'stage', 'administration'] as const;

export const indicatorDefinition = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  definition: z.string(),
  aggregation: z.enum(indicatorAggregations),
  /** `stock`: every record dated up to the end of the period; `flow`: the records dated within it. */
  temporality: z.enum(['stock', 'flow']),
  /** The date each record is placed at, in words (« date de labellisation »). */
  dateUsed: z.string(),
  programme: z.enum(indicatorProgrammes),
  disaggregations: z.array(z.enum(indicatorDisaggregations)),
  computationVersion: z.number().int(),
  targets: z.record(z.string(), z.number()),
  iris: z.object({ code: z.string(), label: z.string() }).nullable(),
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinition>;

export const indicatorList = z.object({ items: z.array(indicatorDefinition) });

const year = z.coerce
  .number({ error: 'L’année doit être un nombre (par exemple 2020).' })
  .int({ error: 'L’année doit être un nombre entier.' })
  .min(2000, { error: 'L’année doit être comprise entre 2000 et 2100.' })
  .max(2100, { error: 'L’année doit être comprise entre 2000 et 2100.' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date attendue au format AAAA-MM-JJ.' });

export const indicatorCodeParams = z.object({ code: z.string().max(60) });
export const indicatorPeriodQuery = z.strictObject({
  year: year.optional(),
  from: day.optional(),
  to: day.optional(),
  by: z.enum(indicatorDisaggregations).optional(),
});
export const indicatorRecordsQuery = indicatorPeriodQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const indicatorPeriod = z.object({ from: z.string(), to: z.string(), label: z.string() });
export const indicatorPart = z.object({
  key: z.string().nullable(),
  label: z.string(),
  value: z.number(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  records: z.number().int(),
});

export const indicatorValue = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  aggregation: z.enum(indicatorAggregations),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  records: z.number().int(),
  period: indicatorPeriod,
  computedAt: z.string(),
  computationVersion: z.number().int(),
  target: z.number().nullable(),
  previous: z.object({ period: indicatorPeriod, value: z.number().nullable() }),
  change: z.number().nullable(),
  changeRatio: z.number().nullable(),
  by: z.enum(indicatorDisaggregations).nullable(),
  breakdown: z.array(indicatorPart).nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const indicatorRecord = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string().nullable(),
  value: z.number(),
  denominator: z.number().nullable(),
  regionCode: z.string().nullable(),
  departementCode: z.string().nullable(),
  category: z.string().nullable(),
});
export type IndicatorRecord = z.infer<typeof indicatorRecord>;

export const indicatorRecords = z.object({
  code: z.string(),
  period: indicatorPeriod,
  aggregation: z.enum(indicatorAggregations),
  value: z.number().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(indicatorRecord),
});

export const snapshotBody = z.strictObject({ year });
export const snapshotYearParams = z.object({ year });
export const snapshotValue = z.object({
  code: z.string(),
  value: z.number().nullable(),
  computationVersion: z.number().int(),
  computedAt: z.string(),
  period: indicatorPeriod,
  /** The records behind the value: their ids and values, as they stood. */
  records: z.number().int(),
});
export const indicatorSnapshot = z.object({
  year: z.number().int(),
  takenAt: z.string(),
  takenBy: z.string().nullable(),
  values: z.array(snapshotValue),
});
export type IndicatorSnapshot = z.infer<typeof indicatorSnapshot>;
export const snapshotList = z.object({
  items: z.array(z.object({ year: z.number().int(), takenAt: z.string(), takenByName: z.string().nullable() })),
});

export const snapshotDifference = z.object({
  code: z.string(),
  label: z.string(),
  frozen: z.number().nullable(),
  live: z.number().nullable(),
  frozenVersion: z.number().int().nullable(),
  liveVersion: z.number().int(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
});
export const snapshotDiff = z.object({
  year: z.number().int(),
  takenAt: z.string(),
  comparedAt: z.string(),
  differences: z.array(snapshotDifference),
});
export type SnapshotDiff = z.infer<typeof snapshotDiff>;

export const indicatorSeriesQuery = z.strictObject({ from: year, to: year }).refine((q) => q.to >= q.from && q.to - q.from <= 30, {
  error: 'Indiquez de 1 à 31 années, de from à to (par exemple from=2018&to=2020).',
  path: ['to'],
});
export const indicatorSeries = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  aggregation: z.enum(indicatorAggregations),
  points: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
});
