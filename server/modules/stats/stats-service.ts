import type { Stats, TerritoryStats } from '../../../shared/schemas/reference';
import type { Database } from '../../db/connection';
import { authorize } from '../../policies/authorize';
import { openDataPolicy } from '../../policies/open-data-policy';
import { snapshotMemo } from '../../db/snapshot-memo';
import { countedVersion } from '../../db/snapshot-queries';
import type { Actor } from '../../policies/actor';
import { countsByTerritory, keyFigures } from './stats-queries';
import { yearValues } from '../indicators/indicator-service';

// Whole-table counts, recomputed only when the counted data changed (see
// snapshotMemo and the counted data's version): the home page asks for them on
// every visit, and editing a description does not change them.
const figuresMemo = snapshotMemo<Awaited<ReturnType<typeof keyFigures>>>(countedVersion);
const territoryMemo = snapshotMemo<Awaited<ReturnType<typeof countsByTerritory>>>(countedVersion);

/** Live key figures (never typed by hand): what the home page and the review show. */
export async function getStats(db: Database, actor: Actor, now: Date, year: number | null = null): Promise<Stats> {
  authorize(actor, 'read', { policy: openDataPolicy });
  const { figures: f, byStage } = await figuresMemo(db, `figures:${year ?? 'all'}`, async () => {
    const value = await keyFigures(db, year);
    return { value, snapshot: value.snapshot };
  });
  const live = {
    collectives: f.collectives,
    projects: f.projects,
    pioneers: f.pioneers,
    champions: f.champions,
    funds: f.funds,
    fundsMobilisableEur: Number(f.funds_eur),
    advisors: f.advisors,
    publicSponsors: f.public_sponsors,
    administrations: f.administrations,
    siae: f.siae,
    sectorProgrammes: f.sector_programmes,
    sponsorshipsActive: f.sponsorships_active,
    organisations: f.organisations,
    people: f.people,
    territoriesCovered: { departements: f.departements, regions: f.regions },
    projectsByStage: byStage,
    meetingsHeld: f.meetings_held,
    investedEur: Number(f.invested_eur),
    year,
    generatedAt: now.toISOString(),
  };
  if (year === null) return live;
  // A past year's figures as they stood on 31 December (stocks) or within the year (flows): the indicators' own computation.
  const values = await yearValues(db, year);
  const past = Object.fromEntries(Object.keys(live).flatMap((k) => (typeof values[k] === 'number' ? [[k, values[k]]] : [])));
  return { ...live, ...past };
}

/** Collectives and projects per territory, for the map. */
export async function getTerritoryStats(db: Database, actor: Actor, level: TerritoryStats['level'], coveredOnly = false): Promise<TerritoryStats> {
  authorize(actor, 'read', { policy: openDataPolicy });
  const rows = await territoryMemo(db, `${level}:${coveredOnly}`, async () => {
    const value = await countsByTerritory(db, level, coveredOnly);
    return { value, snapshot: value[0]?.snapshot };
  });
  return { level, items: rows.map((r) => ({ code: r.code, name: r.name, regionCode: r.region_code, collectives: r.collectives, projects: r.projects })) };
}
