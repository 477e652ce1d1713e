import { sql } from 'kysely';
import { fold } from '../../../shared/text';
import type { Executor } from '../../db/connection';

export interface TerritoryData {
  regions: Array<{ code: string; name: string; zone: string }>;
  departements: Array<{ code: string; name: string; regionCode: string; zone: string }>;
  epcis: Array<{ code: string; name: string; kind: string; population: number | null }>;
  communes: Array<{
    code: string;
    name: string;
    departementCode: string;
    regionCode: string;
    epciCode: string | null;
    population: number | null;
    postalCodes: string[];
  }>;
}

/** Themes in their vocabulary order; labels and order follow the vocabulary on every start. */
export async function upsertThemes(db: Executor, themes: ReadonlyArray<{ code: string; label: string }>) {
  await db
    .insertInto('themes')
    .values(themes.map((t, i) => ({ code: t.code, label: t.label, position: i })))
    .onConflict((oc) => oc.column('code').doUpdateSet({ label: sql`excluded.label`, position: sql`excluded.position` }))
    .execute();
}

export async function communeCount(db: Executor) {
  const { n } = await db.selectFrom('communes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return n;
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** The four levels of territories, parents first (the communes name their EPCI); in the caller's transaction. */
export async function insertTerritories(db: Executor, t: TerritoryData) {
  await db
    .insertInto('regions')
    .values(t.regions.map((r) => ({ code: r.code, name: r.name, name_folded: fold(r.name), zone: r.zone })))
    .execute();
  await db
    .insertInto('departements')
    .values(t.departements.map((d) => ({ code: d.code, name: d.name, name_folded: fold(d.name), region_code: d.regionCode, zone: d.zone })))
    .execute();
  await insertChunks(t.epcis, 1000, (chunk) =>
    db
      .insertInto('epcis')
      .values(chunk.map((e) => ({ code: e.code, name: e.name, name_folded: fold(e.name), kind: e.kind, population: e.population })))
      .execute(),
  );
  await insertChunks(t.communes, 2000, (chunk) =>
    db
      .insertInto('communes')
      .values(
        chunk.map((c) => ({
          code: c.code,
          name: c.name,
          name_folded: fold(c.name),
          departement_code: c.departementCode,
          region_code: c.regionCode,
          epci_code: c.epciCode,
          population: c.population,
          postal_codes: c.postalCodes,
        })),
      )
      .execute(),
  );
}
