import { sql } from 'kysely';
import type { Executor } from '../db/connection';
import { typo } from '../../shared/text';

/**
 * The 2020 review's own content, as the seed review tells it: the records it
 * features as examples, Cyprien Fonvielle's testimonial (with his consent),
 * one testimonial still waiting for its author's consent (never published),
 * and the perspectives for 2021. Records are found by name; a missing one is
 * a seed bug, so it throws.
 */
export async function seedReview(tx: Executor) {
  const id = async (table: 'projects' | 'organisations', column: 'title' | 'name', value: string) => {
    const r = await sql<{ id: string }>`select id from ${sql.table(table)} where ${sql.ref(column)} = ${value} order by created_at limit 1`.execute(tx);
    const found = r.rows[0]?.id;
    if (!found) throw new Error(`seedReview: ${value} introuvable`);
    return found;
  };
  const featured: Array<[string, 'project' | 'organisation', string, string]> = [
    [
      'collectives',
      'project',
      await id('projects', 'title', 'MatériO.TEC 73'),
      'Réduire les déchets du bâtiment et développer de nouveaux emplois non délocalisables grâce à une filière de réemploi des matériaux de construction (territoire Grand Chambéry). Le territoire a participé le 8 décembre à l’atelier sur la gouvernance des collectifs.',
    ],
    [
      'collectives',
      'project',
      await id('projects', 'title', 'VoisiWATT'),
      'Produire de l’énergie renouvelable en louant des espaces (toits, parkings…) pour installer et exploiter des centrales photovoltaïques (territoire Valence-Romans).',
    ],
    [
      'pioneers',
      'organisation',
      await id('organisations', 'name', 'Acta Vista'),
      'Acteur phare de l’inclusion par le patrimoine, Acta Vista intervient depuis janvier 2020 sur un chantier d’insertion et de formation professionnelles au Domaine de Chambord.',
    ],
    [
      'pioneers',
      'organisation',
      await id('organisations', 'name', 'Plateau Urbain'),
      'Coopérative d’urbanisme transitoire, Plateau Urbain met des espaces vacants à la disposition d’acteurs culturels, associatifs et de l’ESS\u202F; elle est intervenue en octobre à l’atelier sur l’économie circulaire et le réemploi des matériaux du BTP.',
    ],
    [
      'hackers-publics',
      'organisation',
      await id('organisations', 'name', 'Toit à Moi'),
      'Toit à Moi aide des personnes sans-abri à changer de vie. Pour son essaimage, l’association devait changer de statuts et obtenir la reconnaissance d’utilité publique\u202F: son parrain l’a conseillée sur ses statuts et l’accompagne sur le management à distance.',
    ],
  ];
  for (const [i, [programme, kind, recordId, summary]] of featured.entries())
    await sql`insert into review_featured (year, programme, record_kind, record_id, summary, position)
      values (2020, ${programme}, ${kind}, ${recordId}, ${typo(summary)}, ${i})`.execute(tx);

  const actaVista = await id('organisations', 'name', 'Acta Vista');
  await sql`insert into testimonials (quote, author_name, author_role, organisation_id, programme, year, consent_given_on, consent_note, featured)
    values (${typo('Nous avons vocation à essaimer au plan national depuis assez récemment. Cela est lié à l’obtention du prix #FrenchImpact et au soutien des Fondations VELUX.')},
      'Cyprien Fonvielle', 'directeur général', ${actaVista}, 'pioneers', 2020, date '2020-12-14', ${typo('Accord écrit par courriel pour le rapport annuel 2020.')}, true)`.execute(
    tx,
  );
  const voisiwatt = await id('projects', 'title', 'VoisiWATT');
  await sql`insert into testimonials (quote, author_name, author_role, project_id, programme, year, featured)
    values (${typo('La rencontre #ESSrelance nous a fait gagner des mois sur notre prêt.')}, 'Julien Marchand', 'cogérant', ${voisiwatt}, 'mobilisation', 2020, false)`.execute(
    tx,
  );

  await sql`insert into review_perspectives (year, body) values (2020, ${typo(PERSPECTIVES_2021)})`.execute(tx);
}

const PERSPECTIVES_2021 = `Réaffirmer notre ambition d’organiser une « logistique du dernier kilomètre » du plan de relance : avec « ESS relance », French Impact identifie des projets de son écosystème et des mesures clés du plan de relance, organise un cycle de rencontres avec les opérateurs publics et parapublics, puis recense les freins et blocages pour les lever.

Accélérer l’essaimage et l’inter-territorial : poursuivre les ateliers d’animation sur des thématiques d’avenir et mener d’autres transferts de savoir-faire au sein de nos territoires.

Travailler sur de nouvelles filières d’excellence, dont le « bien vieillir » avec AG2R La Mondiale dès janvier 2021, et faire émerger des coopérations entre grands groupes et innovateurs sociaux, à l’image de Vinci et Ares sur les métiers en tension du BTP.

Multiplier les conférences de financeurs (« Impact Finance ») et déployer les parrainages de structures par des hauts fonctionnaires (« Hackers Publics »), en impliquant toujours nos 27 collectifs territoriaux.`;
