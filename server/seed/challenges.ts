import type { Executor } from '../db/connection';
import { insertAccounts } from '../modules/accounts/account-queries';
import * as q from '../modules/challenges/challenge-queries';
import { insertPeople } from '../modules/people/person-queries';
import type { Rng } from './rng';

/** The demo challenge's steps, in order: what each measures and the target that completes it. */
export const INCLUSION_STEPS = [
  { label: 'Diagnostic réalisé', measure: 'Diagnostic des compétences numériques des salariés', target: 1 },
  { label: 'Référent formé', measure: 'Référents numériques formés', target: 1 },
  { label: 'Salariés formés', measure: 'Salariés en insertion formés aux compétences numériques de base', target: 10 },
  { label: 'Parcours terminé', measure: 'Salariés ayant terminé le parcours et obtenu leur attestation', target: 10 },
] as const;

const STARTS_ON = '2020-06-01';
const ENDS_ON = '2021-12-31';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const earliest = (a: string, b: string) => (a < b ? a : b);

/**
 * The « Inclusion numérique » challenge of 2020: WeTechCare (a Pioneer) and
 * the DGEFP as partners, against digital illiteracy among the employees of
 * integration structures. Every SIAE of the directory is enrolled in 2020 and
 * moves along the four steps with a fall-off at each (about 85 %, 65 %, 45 %,
 * 28 %), some partway through a step, some stalled; the same seed gives the
 * same records. Two demo accounts: a SIAE's holder (mid-way, its referent to
 * train) and WeTechCare's, who sees the full dashboard as a partner.
 */
export async function seedChallenges(tx: Executor, r: Rng, opts: { passwordHash: string }) {
  const named = async (name: string) => (await tx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const wetechcare = await named('WeTechCare');
  const dgefp = await named('Délégation générale à l’emploi et à la formation professionnelle (DGEFP)');
  const id = await q.insertChallenge(tx, {
    title: 'Inclusion numérique',
    description:
      'Lutter contre l’illectronisme des salariés en parcours d’insertion : chaque structure d’insertion par l’activité économique (SIAE) réalise un diagnostic, forme un référent numérique, puis forme ses salariés jusqu’au terme du parcours. Défi porté par le Pionnier WeTechCare et la DGEFP.',
    target_kind: 'siae',
    target_siae_kinds: [],
    starts_on: STARTS_ON,
    ends_on: ENDS_ON,
  });
  await q.setPartners(tx, id, [wetechcare, dgefp]);
  await q.setSteps(tx, id, [...INCLUSION_STEPS]);
  const steps = await tx.selectFrom('challenge_steps').select(['id', 'position', 'target']).where('challenge_id', '=', id).orderBy('position').execute();
  const siae = await tx.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'siae').orderBy('siret').execute();

  // Enrolled in 2020: most by the national team's import of SIRETs in the summer, the others joining on their own until December.
  const enrolments = siae.map((o, i) => ({
    id: o.id,
    on: i % 5 === 0 ? addDays('2020-09-01', r.int(0, 100)) : addDays('2020-06-15', r.int(0, 30)),
    source: i % 5 === 0 ? 'self' : 'import',
  }));
  for (const source of ['self', 'import'])
    for (const day of [...new Set(enrolments.filter((e) => e.source === source).map((e) => e.on))])
      await q.insertEnrolments(
        tx,
        id,
        enrolments.filter((e) => e.source === source && e.on === day).map((e) => e.id),
        day,
        source,
      );

  // The demo SIAE (the first one): its diagnostic done, its referent yet to train.
  const records: q.ProgressRow[] = [];
  const reach = [0.85, 0.76, 0.7, 0.62];
  for (const [i, e] of enrolments.entries()) {
    let day = e.on;
    for (const s of steps) {
      const goes = i === 0 ? s.position === 0 : r.chance(reach[s.position] ?? 0.5);
      day = addDays(day, r.int(12, 75));
      if (day > ENDS_ON) break;
      if (!goes) {
        // Partway through a counted step: a value short of its target.
        if (s.target > 1 && r.chance(0.5)) records.push(row(id, e.id, s.id, r.int(1, s.target - 1), day));
        break;
      }
      // A counted step is often reported twice: partway, then done.
      if (s.target > 1 && r.chance(0.6)) records.push(row(id, e.id, s.id, r.int(1, s.target - 1), addDays(day, -r.int(5, 10))));
      records.push(row(id, e.id, s.id, s.target + (s.target > 1 ? r.int(0, 6) : 0), earliest(day, ENDS_ON), r.chance(0.3)));
    }
  }
  await q.insertProgress(tx, records);
  await q.refreshEnrolments(
    tx,
    id,
    enrolments.map((e) => e.id),
  );

  const demoSiae = siae[0] as { id: string; name: string };
  const people = [
    {
      id: r.uuid(),
      input: {
        firstName: 'Nadia',
        lastName: 'Ferhat',
        email: 'siae@essaim.test',
        phone: null,
        organisationId: demoSiae.id,
        titles: ['Chargée d’insertion professionnelle'],
        isAdvisor: false,
        isPublicSponsor: false,
        administrationId: null,
      },
    },
    {
      id: r.uuid(),
      input: {
        firstName: 'Thomas',
        lastName: 'Lemoine',
        email: 'partenaire.defi@essaim.test',
        phone: null,
        organisationId: wetechcare,
        titles: ['Responsable des partenariats'],
        isAdvisor: false,
        isPublicSponsor: false,
        administrationId: null,
      },
    },
  ];
  await insertPeople(
    tx,
    people.map((p) => p.input),
    people.map((p) => p.id),
  );
  await insertAccounts(tx, [
    { email: 'siae@essaim.test', passwordHash: opts.passwordHash, personId: people[0]?.id ?? null, roles: [{ role: 'holder', scope: [demoSiae.id] }] },
    {
      email: 'partenaire.defi@essaim.test',
      passwordHash: opts.passwordHash,
      personId: people[1]?.id ?? null,
      roles: [{ role: 'holder', scope: [wetechcare] }],
    },
  ]);
  return { challengeId: id, enrolled: enrolments.length, records: records.length };
}

function row(challengeId: string, organisationId: string, stepId: string, value: number, day: string, evidence = false): q.ProgressRow {
  return {
    challenge_id: challengeId,
    organisation_id: organisationId,
    step_id: stepId,
    value,
    recorded_on: day,
    evidence_url: evidence ? 'https://www.wetechcare.org/' : null,
    account_id: null,
  };
}
