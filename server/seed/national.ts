import type { OrganisationInput } from '../../shared/schemas/organisation';
import type { ProjectInput } from '../../shared/schemas/project';
import { themes } from '../../shared/vocabulary';
import type { OrganisationKind, ProjectStage } from '../../shared/vocabulary';
import type { Database } from '../db/connection';
import { conflict } from '../errors';
import { insertOrganisations, organisationTotal } from '../modules/organisations/organisation-queries';
import { allCommunes } from '../modules/territories/territory-queries';
import { vacuumAnalyze } from '../db/settings-queries';
import { insertProjects } from '../modules/projects/project-queries';
import { buildDemo, deCommune, demoSiret, type SeedOptions } from './demo';
import { nameSuffixes, nameWords, projectArchetypes, structureName } from './names';
import { rng } from './rng';

export const NATIONAL = { organisations: 250_000, projects: 20_000 };

const kinds: Array<[OrganisationKind, number, string]> = [
  ['ess_structure', 0.72, 'Association'],
  ['large_company', 0.04, 'Société'],
  ['local_authority', 0.06, 'Commune'],
  ['support_organisation', 0.08, 'Réseau'],
  ['fund_manager', 0.02, 'Gestion'],
  ['public_operator', 0.02, 'Agence'],
  ['administration', 0.06, 'Service'],
];

/**
 * The national-scale dataset for benchmarks: the demo network, then
 * organisations and projects spread over every commune of France up to
 * 250,000 organisations and 20,000 projects. Deterministic for a seed.
 */
export async function seedNational(db: Database, opts: SeedOptions = {}) {
  const r = rng(opts.seed ?? 2020);
  const progress = opts.onProgress ?? (() => {});
  const communes = await allCommunes(db);
  const communeByCode = new Map(communes.map((c) => [c.code, c]));
  await db.transaction().execute(async (tx) => {
    const n = await organisationTotal(tx);
    if (n > 0) throw conflict('database_not_empty', `La base contient déjà ${n} structures : le jeu national se charge dans une base vide.`);
    const demo = await buildDemo(tx, r, (step) => progress(`Réseau 2020 : ${step}`, 0, NATIONAL.organisations), 0);
    let serial = demo.serialsUsed;
    const orgIds: string[] = [];
    const orgCommune: string[] = [];
    const total = NATIONAL.organisations - demo.organisations;
    for (let done = 0; done < total; ) {
      const batch: OrganisationInput[] = [];
      for (let i = 0; i < 5000 && done + i < total; i++) {
        const c = r.pick(communes);
        const x = r.next();
        let acc = 0;
        const [kind, , prefix] = kinds.find(([, p]) => (acc += p) >= x) ?? (kinds[0] as (typeof kinds)[number]);
        const ess = kind === 'ess_structure' || kind === 'support_organisation';
        batch.push({
          name: `${prefix} ${structureName(r.pick(nameWords), r.pick(nameSuffixes))} ${deCommune(c.name)}`,
          siret: kind === 'administration' ? null : demoSiret(serial++),
          kind,
          ess,
          esus: ess && r.chance(0.2),
          communeCode: c.code,
          description: `${r.pick(projectArchetypes).summary}`,
          themes: r.sample(
            themes.map((t) => t.code),
            r.int(0, 3),
          ),
        });
        orgCommune.push(c.code);
      }
      orgIds.push(...(await insertOrganisations(tx, batch)));
      done += batch.length;
      progress('Structures', demo.organisations + done, NATIONAL.organisations);
    }
    const projectsTotal = NATIONAL.projects - demo.projects;
    for (let done = 0; done < projectsTotal; ) {
      const batch: ProjectInput[] = [];
      for (let i = 0; i < 2000 && done + i < projectsTotal; i++) {
        const lead = r.int(0, orgIds.length - 1);
        const commune = communeByCode.get(orgCommune[lead] as string) ?? r.pick(communes);
        const a = r.pick(projectArchetypes);
        const stage: ProjectStage = r.pick(['idea', 'launch', 'development', 'scale_up']);
        batch.push({
          title: a.title.replace('{lieu}', deCommune(commune.name)),
          summary: a.summary,
          description: a.summary,
          leadOrganisationId: orgIds[lead] as string,
          themes: a.themes,
          stage,
          fundingNeedEur: r.int(2, 400) * 5000,
          instruments: a.instruments as ProjectInput['instruments'],
          communeCode: commune.code,
          status: 'active',
          beneficiaries: r.int(10, 5000),
        });
      }
      await insertProjects(tx, batch);
      done += batch.length;
      progress('Projets', demo.projects + done, NATIONAL.projects);
    }
  });
  // Fresh statistics and visibility map: the planner and index-only scans need them.
  await vacuumAnalyze(db);
}
