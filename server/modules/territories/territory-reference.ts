import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { themes } from '../../../shared/vocabulary';
import { fold } from '../../../shared/text';
import type { Database } from '../../db/connection';

const require = createRequire(import.meta.url);

interface RawRegion {
  code: string;
  nom: string;
  zone: string;
}
interface RawDepartement {
  code: string;
  nom: string;
  region: string;
  zone: string;
}
interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string }[];
}
interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  codesPostaux?: string[];
}

// Imported from the data files directly: the package's index reads them
// relative to the working directory.
const data = {
  regions: () => require('@etalab/decoupage-administratif/data/regions.json') as RawRegion[],
  departements: () => require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[],
  epcis: () => require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[],
  communes: () => require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[],
};

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Load the reference data (territories, themes) when it is missing. Idempotent:
 * a database that already has communes is left alone, themes are upserted.
 */
export async function ensureReferenceData(db: Database): Promise<{ loaded: boolean }> {
  await db
    .insertInto('themes')
    .values(themes.map((t, i) => ({ code: t.code, label: t.label, position: i })))
    .onConflict((oc) => oc.column('code').doUpdateSet({ label: sql`excluded.label`, position: sql`excluded.position` }))
    .execute();

  const { n } = await db.selectFrom('communes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  if (n > 0) return { loaded: false };

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('regions')
      .values(data.regions().map((r) => ({ code: r.code, name: r.nom, name_folded: fold(r.nom), zone: r.zone })))
      .execute();
    await trx
      .insertInto('departements')
      .values(
        data.departements().map((d) => ({
          code: d.code,
          name: d.nom,
          name_folded: fold(d.nom),
          region_code: d.region,
          zone: d.zone,
        })),
      )
      .execute();
    const epcis = data.epcis();
    const epciOf = new Map<string, string>();
    for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);
    await insertChunks(epcis, 1000, (chunk) =>
      trx
        .insertInto('epcis')
        .values(
          chunk.map((e) => ({
            code: e.code,
            name: e.nom,
            name_folded: fold(e.nom),
            kind: e.type,
            population: e.populationTotale ?? null,
          })),
        )
        .execute(),
    );
    const communes = data.communes().filter((c) => c.type === 'commune-actuelle');
    await insertChunks(communes, 2000, (chunk) =>
      trx
        .insertInto('communes')
        .values(
          chunk.map((c) => ({
            code: c.code,
            name: c.nom,
            name_folded: fold(c.nom),
            departement_code: c.departement,
            region_code: c.region,
            epci_code: epciOf.get(c.code) ?? null,
            population: c.population ?? null,
            postal_codes: c.codesPostaux ?? [],
          })),
        )
        .execute(),
    );
  });
  return { loaded: true };
}
