import { territoryKinds } from '../vocabulary';
import { line, listQueryBase, queryBoolean, timestamps, z } from './common';

export const themeCode = z.string().regex(/^[a-z0-9-]{2,60}$/, 'Écrivez le code en minuscules, chiffres et tirets (2 à 60 caractères).');
export const themeInput = z.strictObject({ code: themeCode, label: line().trim().min(1).max(120), position: z.number().int().min(0).max(10000).optional() });
export const themePatch = themeInput.omit({ code: true }).partial();
export const theme = z.object({ code: z.string(), label: z.string(), position: z.number(), usage: z.number().int(), actions: timestamps.actions });
export type Theme = z.output<typeof theme>;
export const themeParams = z.strictObject({ code: themeCode });
export const themeListQuery = z.strictObject({ format: listQueryBase.format });

export const territory = z.object({
  kind: z.enum(territoryKinds),
  code: z.string(),
  name: z.string(),
  population: z.number().nullable(),
  regionCode: z.string().nullable(),
  departementCode: z.string().nullable(),
  epciCode: z.string().nullable(),
});
export type Territory = z.output<typeof territory>;
export const territoryDetail = territory.extend({
  parents: z.array(territory.pick({ kind: true, code: true, name: true })),
  postalCodes: z.array(z.string()),
  communeCount: z.number().int(),
});
export const territoryListQuery = z.strictObject({
  q: listQueryBase.q,
  kind: z.enum(territoryKinds).optional(),
  parent: z
    .string()
    .regex(/^(epci|departement|region):[0-9AB]{2,9}$/, 'Indiquez le territoire parent sous la forme epci:200069110, departement:73 ou region:84.')
    .optional(),
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
  format: listQueryBase.format,
});
export type TerritoryListQuery = z.output<typeof territoryListQuery>;
export const territoryParams = z.strictObject({ kind: z.enum(territoryKinds), code: z.string().regex(/^[0-9AB]{2,9}$/) });

export const stats = z.object({
  collectives: z.number().int(),
  projects: z.number().int(),
  pioneers: z.number().int(),
  champions: z.number().int(),
  funds: z.number().int(),
  fundsMobilisableEur: z.number(),
  advisors: z.number().int(),
  publicSponsors: z.number().int(),
  administrations: z.number().int(),
  siae: z.number().int(),
  sectorProgrammes: z.number().int(),
  /** Hackers Publics' sponsorships under way. */
  sponsorshipsActive: z.number().int(),
  organisations: z.number().int(),
  people: z.number().int(),
  territoriesCovered: z.object({ departements: z.number().int(), regions: z.number().int() }),
  projectsByStage: z.record(z.string(), z.number().int()),
  /** Project–investor meetings held at conferences (by the meeting's date; of `year` when asked). */
  meetingsHeld: z.number().int(),
  /** Amounts invested after those meetings (by the investment's date; of `year` when asked). */
  investedEur: z.number(),
  /** The year the figures are of (stocks on its 31 December, flows within it: every figure that is an indicator); null: today, every year. */
  year: z.number().int().nullable(),
  generatedAt: z.string(),
});
export const statsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type Stats = z.output<typeof stats>;

export const territoryStatsQuery = z.strictObject({
  level: z.enum(['departement', 'region']).default('departement'),
  /** Only the territories with at least one project (the « départements couverts » figure). */
  covered: queryBoolean.optional(),
});
export const territoryStats = z.object({
  level: z.enum(['departement', 'region']),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** For départements: their région. */
      regionCode: z.string().nullable(),
      /** Collectives whose perimeter reaches into the territory. */
      collectives: z.number().int(),
      projects: z.number().int(),
    }),
  ),
});
export type TerritoryStats = z.output<typeof territoryStats>;

/** Who runs the instance, for the pages every public service site carries. */
export const siteInfo = z.object({ publisher: z.string(), publicationDirector: z.string(), host: z.string(), contactEmail: z.string() });
export type SiteInfo = z.output<typeof siteInfo>;
