import { createRequire } from 'node:module';
import { themes } from '../../../shared/vocabulary';
import type { Database } from '../../db/connection';
import { communeCount, insertTerritories, upsertThemes } from './reference-data-queries';

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

/**
 * Load the reference data (territories, themes) when it is missing. Idempotent:
 * a database that already has communes is left alone, themes are upserted.
 */
export async function ensureReferenceData(db: Database): Promise<{ loaded: boolean }> {
  await upsertThemes(db, themes);
  if ((await communeCount(db)) > 0) return { loaded: false };
  const epcis = data.epcis();
  const epciOf = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);
  await db.transaction().execute((trx) =>
    insertTerritories(trx, {
      regions: data.regions().map((r) => ({ code: r.code, name: r.nom, zone: r.zone })),
      departements: data.departements().map((d) => ({ code: d.code, name: d.nom, regionCode: d.region, zone: d.zone })),
      epcis: epcis.map((e) => ({ code: e.code, name: e.nom, kind: e.type, population: e.populationTotale ?? null })),
      communes: data
        .communes()
        .filter((c) => c.type === 'commune-actuelle')
        .map((c) => ({
          code: c.code,
          name: c.nom,
          departementCode: c.departement,
          regionCode: c.region,
          epciCode: epciOf.get(c.code) ?? null,
          population: c.population ?? null,
          postalCodes: c.codesPostaux ?? [],
        })),
    }),
  );
  return { loaded: true };
}
