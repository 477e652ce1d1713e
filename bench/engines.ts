/**
 * Scheduling benchmarks, each figure next to a baseline measured in the same
 * run: greedy first-fit, and HiGHS (exact MIP) on small instances. The
 * matching benchmark is bench/matching.ts (its own process, its own heap).
 *
 *   npm run bench:engines          (BENCH_QUICK=1 for a shorter run)
 */
import loadHighs from 'highs';
import { violations } from '../engines/scheduling/check';
import type { HighsSolver } from '../engines/scheduling/exact';
import { randomInstance } from '../engines/scheduling/generate';
import { schedule, scheduleExact, seededRandom } from '../engines/scheduling/schedule';
import type { ScheduleInput } from '../engines/scheduling/types';
import { percentile } from './stats';

const quick = process.env.BENCH_QUICK === '1';
const now = () => performance.now();
const say = (s: string) => process.stdout.write(`${s}\n`);
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Baseline: each meeting, in input order, in the first slot where both are free (caps, availability, tables respected). */
function greedyFirstFit(input: ScheduleInput) {
  const t0 = now();
  const slots = input.slots.map((s) => s.id);
  const avail = new Map(input.participants.map((p) => [p.id, p.available ? new Set(p.available) : null]));
  const cap = new Map(input.participants.map((p) => [p.id, p.maxMeetings ?? Number.POSITIVE_INFINITY]));
  const busy = new Set<string>();
  const count = new Map<string, number>();
  const load = new Map<string, number>();
  const tables = new Map(input.slots.map((s) => [s.id, s.tables ?? Number.POSITIVE_INFINITY]));
  let scheduled = 0;
  let weight = 0;
  const used = new Set<string>();
  for (const m of input.meetings) {
    if ((count.get(m.a) ?? 0) >= (cap.get(m.a) as number) || (count.get(m.b) ?? 0) >= (cap.get(m.b) as number)) continue;
    for (const s of slots) {
      if (avail.get(m.a)?.has(s) === false || avail.get(m.b)?.has(s) === false) continue;
      if (busy.has(`${m.a}@${s}`) || busy.has(`${m.b}@${s}`) || (load.get(s) ?? 0) >= (tables.get(s) as number)) continue;
      busy.add(`${m.a}@${s}`);
      busy.add(`${m.b}@${s}`);
      load.set(s, (load.get(s) ?? 0) + 1);
      count.set(m.a, (count.get(m.a) ?? 0) + 1);
      count.set(m.b, (count.get(m.b) ?? 0) + 1);
      scheduled++;
      weight += m.weight ?? 1;
      used.add(s);
      break;
    }
  }
  return { scheduled, weight, slotsUsed: used.size, ms: now() - t0 };
}

const highs = (await loadHighs()) as unknown as HighsSolver;

say('== 1. Unconstrained bipartite: 10,000 participants, 100,000 meetings');
{
  const input = randomInstance({ projects: 8000, investors: 2000, meetings: 100_000, slots: 200, seed: 1 });
  const base = greedyFirstFit(input);
  const t0 = now();
  const out = schedule(input, { now });
  const t = now() - t0;
  const bad = violations(input, out);
  say(
    `  Essaim: ${out.stats.scheduled}/${input.meetings.length} scheduled in ${out.stats.slotsUsed} slots (Δ = ${out.stats.maxDegree}), ${ms(t)}, ${bad.length} violations  [target: 100% in Δ slots, < 2 s]`,
  );
  say(`  baseline greedy first-fit: ${base.scheduled} scheduled in ${base.slotsUsed} slots, ${ms(base.ms)}`);
}

say('\n== 2. Constrained families, ≤ 300 meetings: heuristic vs HiGHS optimum');
{
  const families = [
    { name: 'availability 50%', o: { availability: 0.5 } },
    { name: 'availability 90% + caps', o: { availability: 0.9, cap: 4 } },
    { name: 'availability 70% + tables', o: { availability: 0.7, tables: 6 } },
    { name: 'avail 60% + caps + tables + weights', o: { availability: 0.6, cap: 5, tables: 8, maxWeight: 3 } },
    { name: 'same + locks', o: { availability: 0.6, cap: 5, tables: 8, maxWeight: 3 }, locks: true },
  ];
  const perFamily = quick ? 6 : 20;
  // Both solvers warmed up first (JIT for ours, WebAssembly for HiGHS).
  for (let i = 0; i < 5; i++) {
    const warm = randomInstance({ projects: 30, investors: 12, meetings: 200, slots: 10, availability: 0.6, cap: 5, tables: 8, seed: 99 + i });
    schedule(warm, { seed: 1, now, timeLimitMs: 1000 });
    scheduleExact(warm, highs);
  }
  const ratios: number[] = [];
  let equal = 0;
  let total = 0;
  let greedyTotal = 0;
  let ourTotal = 0;
  let optTotal = 0;
  for (const f of families) {
    let fEqual = 0;
    for (let i = 0; i < perFamily; i++) {
      const rnd = seededRandom(1000 + i);
      let input = randomInstance({
        projects: 25 + Math.floor(rnd() * 25),
        investors: 10 + Math.floor(rnd() * 15),
        meetings: 120 + Math.floor(rnd() * 180),
        slots: 8 + Math.floor(rnd() * 8),
        seed: 1000 * families.indexOf(f) + i,
        ...f.o,
      });
      if (f.locks) {
        const pre = schedule(input, { seed: 5 });
        input = { ...input, locked: pre.assignments.filter((_, j) => j % 10 === 0) };
      }
      const t0 = now();
      const ours = schedule(input, { seed: 1, now, timeLimitMs: 1000 });
      const tOurs = now() - t0;
      const t1 = now();
      const exact = scheduleExact(input, highs, { now, timeLimitMs: 60_000 });
      const tExact = now() - t1;
      const base = greedyFirstFit(input);
      if (violations(input, ours).length) say(`  !! violations in ${f.name} #${i}`);
      total++;
      if (Math.abs(ours.stats.weight - exact.stats.weight) < 1e-9) {
        equal++;
        fEqual++;
      }
      ratios.push(tExact / Math.max(tOurs, 0.01));
      greedyTotal += base.weight;
      ourTotal += ours.stats.weight;
      optTotal += exact.stats.weight;
    }
    say(`  ${f.name.padEnd(38)} optimum reached ${fEqual}/${perFamily}`);
  }
  say(`  overall: optimum reached on ${equal}/${total} = ${((100 * equal) / total).toFixed(1)}%  [target ≥ 95%]`);
  say(`  median speed ratio HiGHS/Essaim: ${percentile(ratios, 50).toFixed(1)}×  [target ≥ 20×]`);
  say(`  weight: Essaim ${ourTotal}, HiGHS optimum ${optTotal}, baseline greedy first-fit ${greedyTotal}`);
}

say('\n== 3. Constrained, 20,000 meetings');
let big: ScheduleInput;
let bigOut: ReturnType<typeof schedule>;
{
  big = randomInstance({ projects: 2500, investors: 800, meetings: 20_000, slots: 24, availability: 0.7, cap: 10, tables: 700, maxWeight: 3, seed: 7 });
  const base = greedyFirstFit(big);
  const t0 = now();
  bigOut = schedule(big, { seed: 1, now, timeLimitMs: 3500 });
  const t = now() - t0;
  const s = bigOut.stats;
  say(
    `  Essaim: weight ${s.weight} / upper bound ${s.upperBound} = ${((100 * s.weight) / s.upperBound).toFixed(2)}% in ${ms(t)}, ${violations(big, bigOut).length} violations  [target ≥ 98% in < 5 s]`,
  );
  say(`  fairness ${s.fairness.toFixed(3)}, idle gaps ${s.idleGaps}`);
  say(`  baseline greedy first-fit: weight ${base.weight} = ${((100 * base.weight) / s.upperBound).toFixed(2)}% of the bound, ${ms(base.ms)}`);
}

{
  const hard = randomInstance({ projects: 2500, investors: 800, meetings: 20_000, slots: 24, availability: 0.7, tables: 900, maxWeight: 3, seed: 8 });
  const base = greedyFirstFit(hard);
  const t0 = now();
  const out = schedule(hard, { seed: 1, now, timeLimitMs: 4000 });
  const t = now() - t0;
  const s = out.stats;
  say(
    `  without caps (availability 70%, 900 tables): weight ${s.weight} / bound ${s.upperBound} = ${((100 * s.weight) / s.upperBound).toFixed(2)}% in ${ms(t)}, ${violations(hard, out).length} violations; greedy first-fit ${((100 * base.weight) / s.upperBound).toFixed(2)}%`,
  );
}

say('\n== 4. Rescheduling: cancel 5%, add 5%');
{
  const r = seededRandom(11);
  const cancelled = new Set(big.meetings.filter(() => r() < 0.05).map((m) => m.id));
  const added = Array.from({ length: Math.round(big.meetings.length * 0.05) }, (_, i) => ({
    id: `n${i}`,
    a: `p${1 + Math.floor(r() * 2500)}`,
    b: `f${1 + Math.floor(r() * 800)}`,
    weight: 1 + Math.floor(r() * 3),
  }));
  const previous = bigOut.assignments.filter((a) => !cancelled.has(a.meeting));
  const input: ScheduleInput = { ...big, meetings: [...big.meetings.filter((m) => !cancelled.has(m.id)), ...added], previous };
  const t0 = now();
  const out = schedule(input, { seed: 2, now, timeLimitMs: 3500 });
  const kept = new Map(out.assignments.map((a) => [a.meeting, a]));
  const placedNew = added.filter((m) => kept.has(m.id)).length;
  say(
    `  ${previous.length} published meetings kept as previous; moved ${out.stats.moved} (${ms(now() - t0)}); ${placedNew}/${added.length} new meetings placed; ${violations(input, out).length} violations  [target: no move that was not needed]`,
  );
  // A needless move: a published meeting away from its slot although that slot is free for both and has a table.
  const byMeeting = new Map(input.meetings.map((m) => [m.id, m]));
  const busy = new Set(
    out.assignments.flatMap((a) => {
      const m = byMeeting.get(a.meeting);
      return m ? [`${m.a}@${a.slot}`, `${m.b}@${a.slot}`] : [];
    }),
  );
  const load = new Map<string, number>();
  for (const a of out.assignments) load.set(a.slot, (load.get(a.slot) ?? 0) + 1);
  const tablesOf = new Map(input.slots.map((sl) => [sl.id, sl.tables ?? Number.POSITIVE_INFINITY]));
  const availOf = new Map(input.participants.map((p) => [p.id, p.available]));
  const placed = new Map(out.assignments.map((a) => [a.meeting, a.slot]));
  const count = new Map<string, number>();
  for (const a of out.assignments) {
    const m = byMeeting.get(a.meeting);
    if (m) for (const who of [m.a, m.b]) count.set(who, (count.get(who) ?? 0) + 1);
  }
  const capOf = new Map(input.participants.map((p) => [p.id, p.maxMeetings ?? Number.POSITIVE_INFINITY]));
  let needless = 0;
  let shifted = 0;
  let dropped = 0;
  for (const p of previous) {
    const m = byMeeting.get(p.meeting);
    const now = placed.get(p.meeting);
    if (!m || now === p.slot) continue;
    if (now === undefined) dropped++;
    else shifted++;
    const free = (who: string) =>
      !busy.has(`${who}@${p.slot}`) &&
      (availOf.get(who)?.includes(p.slot) ?? true) &&
      (now !== undefined || (count.get(who) ?? 0) < (capOf.get(who) as number));
    if (free(m.a) && free(m.b) && (load.get(p.slot) ?? 0) < (tablesOf.get(p.slot) as number)) needless++;
  }
  say(
    `  of the moved: ${shifted} to another slot, ${dropped} dropped for heavier meetings; needless (could go back as they were, nothing else changed): ${needless}`,
  );
  // The same change with every published meeting locked: what the moves bought.
  const frozen = schedule({ ...input, previous: undefined, locked: previous }, { seed: 2, now, timeLimitMs: 3500 });
  say(
    `  weight with moves ${out.stats.weight}, with every published meeting frozen ${frozen.stats.weight} (+${out.stats.weight - frozen.stats.weight} for ${out.stats.moved} moves; bound ${out.stats.upperBound})`,
  );
}
// Free the large instances before the matching benchmark (less for the collector to trace).
big = undefined as unknown as ScheduleInput;
bigOut = undefined as unknown as ReturnType<typeof schedule>;
