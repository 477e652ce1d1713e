/**
 * Import benchmark: a valid 10,000-row CSV of organisations imported into a
 * fresh embedded database (target < 10 s), next to a baseline measured in the
 * same run: 1,000 rows created one by one through the API's service.
 *
 *   npm run bench:import
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../server/bootstrap';
import { readConfig } from '../server/config';
import { systemActor } from '../server/policies/actor';
import { importService } from '../server/modules/imports/import-service';
import { organisationService } from '../server/modules/organisations/organisation-store';
import { demoSiret } from '../server/seed/demo';

const say = (s: string) => process.stdout.write(`${s}\n`);
const dir = mkdtempSync(join(tmpdir(), 'essaim-bench-import-'));
const config = readConfig({ ...process.env, DATABASE_URL: undefined, ESSAIM_DATA_DIR: dir, LOG_LEVEL: 'silent' });
const open = await prepareDatabase(config, { purpose: 'bench:import' });
try {
  const communes = ['73065', '26362', '13055', '69123', '31555', '59350', '33063', '44109', '35238', '67482'];
  const kinds = ["Structure de l'ESS", 'siae', 'support_organisation'];
  const rows = ['Nom;SIRET;Type;Type de SIAE;ESS;ESUS;Code NAF;Code commune;Thèmes'];
  for (let i = 0; i < 10_000; i++) {
    const kind = kinds[i % 3] as string;
    rows.push(
      `Structure n°${i} de l’économie solidaire;${demoSiret(500_000 + i)};${kind};${kind === 'siae' ? 'ACI' : ''};oui;${i % 2 ? 'oui' : 'non'};88.99B;${communes[i % 10]};Économie circulaire|emploi-insertion`,
    );
  }
  const bytes = new TextEncoder().encode(`\uFEFF${rows.join('\r\n')}\r\n`);
  const t0 = performance.now();
  const result = await importService(open.db).importFile(systemActor, 'organisations', { bytes, filename: 'structures.csv' });
  const t = performance.now() - t0;
  say(`import: ${result.imported} rows (${(bytes.length / 2 ** 20).toFixed(1)} MiB CSV) in ${(t / 1000).toFixed(2)} s  [target < 10 s]`);

  const service = organisationService(open.db);
  const t1 = performance.now();
  for (let i = 0; i < 1000; i++)
    await service.create(systemActor, {
      name: `Création unitaire ${i}`,
      siret: demoSiret(600_000 + i),
      kind: 'ess_structure',
      ess: true,
      communeCode: communes[i % 10],
      themes: ['economie-circulaire'],
    });
  const perRow = (performance.now() - t1) / 1000;
  say(
    `baseline (same run): one create per row through the service: ${perRow.toFixed(2)} ms a row → ${((perRow * 10_000) / 1000).toFixed(1)} s for 10,000 rows (×${((perRow * 10_000) / t).toFixed(1)})`,
  );
} finally {
  await open.close();
  rmSync(dir, { recursive: true, force: true });
}
