/**
 * Hackers Publics benchmark: a proposal for 2,000 open needs and 600 sponsors
 * (capacities 1–3), end to end — through the engine (every pair scored, the
 * exact assignment, reasons for the pairs chosen), then through the service
 * on an embedded database (read the needs and sponsors, propose, write the
 * sponsorships and their notifications) — against two baselines of the same
 * run: the HiGHS optimum on a 200 × 60 slice (the totals must be equal), and
 * the matching engine's assignment over every admissible pair, without
 * pricing, on a 600 × 180 slice.
 *
 *   npm run bench:sponsorships
 */
import { PGlite } from '@electric-sql/pglite';
import loadHighs from 'highs';
import { sql } from 'kysely';
import { assign } from '../engines/matching/assignment';
import type { HighsSolver } from '../engines/scheduling/exact';
import { randomSponsoringInstance } from '../engines/sponsoring/generate';
import { explainPair, type NeedItem, propose, remainingOf, type SponsorItem } from '../engines/sponsoring/sponsoring';
import { wrapPGlite } from '../server/db/connection';
import { migrateToLatest } from '../server/db/migrator';
import { insertOrganisations } from '../server/modules/organisations/organisation-queries';
import { insertPeople } from '../server/modules/people/person-queries';
import { sponsorshipService } from '../server/modules/sponsorships/sponsorship-service';
import { ensureReferenceData } from '../server/modules/territories/territory-reference';
import { systemActor } from '../server/policies/actor';
import { percentile } from './stats';

const now = () => performance.now();
const say = (s: string) => process.stdout.write(`${s}\n`);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => percentile(xs, 50);

/** The whole proposal as the service asks the engine for it: scores, assignment, reasons of the chosen pairs. */
function engineProposal(needs: NeedItem[], sponsors: SponsorItem[]) {
  const out = propose(needs, sponsors);
  const reasons = out.pairs.map((p) => explainPair(needs[p.need] as NeedItem, sponsors[p.sponsor] as SponsorItem));
  return { ...out, explained: reasons.length };
}

/** The same problem as an integer programme, solved by HiGHS. */
function highsOptimum(highs: HighsSolver, needs: NeedItem[], sponsors: SponsorItem[]) {
  const vars: Array<{ l: number; r: number; w: number }> = [];
  needs.forEach((n, l) => {
    sponsors.forEach((s, r) => {
      const e = explainPair(n, s);
      if (e && e.score > 0) vars.push({ l, r, w: e.score });
    });
  });
  const v = (i: number) => `x${i}`;
  const rows = [
    ...needs.map((_, l) => `n${l}: ${vars.flatMap((x, i) => (x.l === l ? [v(i)] : [])).join(' + ') || '0 x0'} <= 1`),
    ...sponsors.map((s, r) => `s${r}: ${vars.flatMap((x, i) => (x.r === r ? [v(i)] : [])).join(' + ') || '0 x0'} <= ${remainingOf(s)}`),
  ];
  const lp = `Maximize\n obj: ${vars.map((x, i) => `${x.w} ${v(i)}`).join(' + ')}\nSubject To\n ${rows.join('\n ')}\nBinary\n ${vars.map((_, i) => v(i)).join(' ')}\nEnd`;
  return highs.solve(lp, { output_flag: false }).ObjectiveValue;
}

const big = randomSponsoringInstance(2000, 600, 2020);
say('== Hackers Publics: proposal for 2,000 open needs × 600 sponsors (capacities 1–3)');
const runs: number[] = [];
let last: ReturnType<typeof engineProposal> | undefined;
for (let i = 0; i < 3; i++) {
  const t0 = now();
  last = engineProposal(big.needs, big.sponsors);
  runs.push(now() - t0);
}
say(
  `  engine: median of 3 runs ${ms(median(runs))} (runs: ${runs.map(ms).join(', ')}); ${last?.pairs.length} pairs, total score ${last?.totalScore}, ${last?.rounds} pricing round(s)  [target < 2 s]`,
);

// Baseline 1: the matching engine's assignment over every admissible pair (no pricing), on a slice.
{
  const slice = { needs: big.needs.slice(0, 600), sponsors: big.sponsors.slice(0, 180) };
  const t0 = now();
  const ours = propose(slice.needs, slice.sponsors);
  const tOurs = now() - t0;
  const t1 = now();
  const edges: Array<{ l: number; r: number; w: number }> = [];
  slice.needs.forEach((n, l) => {
    slice.sponsors.forEach((s, r) => {
      const e = explainPair(n, s);
      if (e) edges.push({ l, r, w: e.score });
    });
  });
  const chosen = assign(
    slice.needs.length,
    slice.sponsors.length,
    slice.needs.map(() => 1),
    slice.sponsors.map(remainingOf),
    edges,
  );
  const total = chosen.reduce((s, i) => s + (edges[i] as { w: number }).w, 0);
  const tBase = now() - t1;
  say(
    `  600 × 180 slice: Essaim ${ms(tOurs)} (total ${ours.totalScore}); baseline, every admissible pair explained and given to the assignment ${ms(tBase)} (total ${total}) → ${(tBase / tOurs).toFixed(1)}×${total === ours.totalScore ? '' : '  TOTALS DIFFER'}`,
  );
}

// Baseline 2: the optimum by HiGHS on a 200 × 60 slice.
{
  const highs = (await loadHighs()) as unknown as HighsSolver;
  const slice = { needs: big.needs.slice(0, 200), sponsors: big.sponsors.slice(0, 60) };
  const t0 = now();
  const ours = propose(slice.needs, slice.sponsors).totalScore;
  const tOurs = now() - t0;
  const t1 = now();
  const optimum = highsOptimum(highs, slice.needs, slice.sponsors);
  say(`  200 × 60 slice: Essaim total ${ours} in ${ms(tOurs)}; HiGHS optimum ${optimum} in ${ms(now() - t1)} → ${ours === optimum ? 'equal' : 'DIFFERENT'}`);
  if (ours !== optimum) process.exitCode = 1;
}

// End to end through the service, on an embedded database: read, propose, write, notify.
{
  const open = wrapPGlite(await PGlite.create({ parsers: { 1082: (v: string) => v } }));
  const db = open.db;
  await migrateToLatest(db as never);
  await ensureReferenceData(db);
  const admins = await insertOrganisations(
    db,
    Array.from({ length: 20 }, (_, i) => ({ name: `Administration ${i + 1}`, kind: 'administration', communeCode: '75056' }) as never),
  );
  const structures = await insertOrganisations(
    db,
    Array.from({ length: 2000 }, (_, i) => ({ name: `Structure ${i + 1}`, kind: 'ess_structure', ess: true, communeCode: '75056' }) as never),
  );
  const people = await insertPeople(
    db,
    big.sponsors.map((_, i) => ({ firstName: 'Agent', lastName: `n° ${i + 1}`, isPublicSponsor: true, administrationId: admins[i % 20] }) as never),
  );
  const adminOf = new Map(big.sponsors.map((s) => [s.administrationId, admins[Number((s.administrationId as string).slice(1)) % 20] as string]));
  await db
    .insertInto('sponsor_profiles')
    .values(
      big.sponsors.map((s, i) => ({
        person_id: people[i] as string,
        grade: '',
        expertise: [...s.expertise],
        territories: [...s.territories],
        capacity: s.capacity,
      })),
    )
    .execute();
  await db
    .insertInto('sponsorship_needs')
    .values(
      big.needs.map((n, i) => ({
        organisation_id: structures[i] as string,
        categories: [...n.categories],
        administration_ids: n.administrationIds.map((a) => adminOf.get(a) ?? (admins[0] as string)),
        territory: n.territories[0] ?? null,
        status: 'open',
        urgency: 'normal',
        description: '',
      })),
    )
    .execute();
  await sql`vacuum analyze`.execute(db);
  const service = sponsorshipService(db);
  const t0 = now();
  const out = await service.propose(systemActor, { review: true });
  const tService = now() - t0;
  say(`  through the service on PGlite (read, propose, write ${out.proposed.length} drafts): ${ms(tService)}, total score ${out.totalScore}`);
  await open.close();
}
