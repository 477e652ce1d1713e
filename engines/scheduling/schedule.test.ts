import fc from 'fast-check';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineInputError } from '../errors';
import { violations } from './check';
import type { HighsSolver } from './exact';
import { randomInstance } from './generate';
import { schedule, scheduleExact } from './schedule';
import type { ScheduleInput } from './types';

let highs: HighsSolver;
beforeAll(async () => {
  highs = (await loadHighs()) as unknown as HighsSolver;
});

const instanceArb = (constrained: boolean) =>
  fc.record({
    projects: fc.integer({ min: 1, max: 8 }),
    investors: fc.integer({ min: 1, max: 6 }),
    meetings: fc.integer({ min: 0, max: 30 }),
    slots: fc.integer({ min: 1, max: 8 }),
    availability: constrained ? fc.double({ min: 0.3, max: 1, noNaN: true }) : fc.constant(1),
    cap: constrained ? fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) : fc.constant(undefined),
    tables: constrained ? fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) : fc.constant(undefined),
    maxWeight: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer(),
  });

describe('scheduling engine', () => {
  it('places two meetings of one participant in two slots', () => {
    const out = schedule({
      slots: [{ id: 's1' }, { id: 's2' }],
      participants: [{ id: 'p' }, { id: 'f1' }, { id: 'f2' }],
      meetings: [
        { id: 'm1', a: 'p', b: 'f1' },
        { id: 'm2', a: 'p', b: 'f2' },
      ],
    });
    expect(out.stats).toMatchObject({ scheduled: 2, slotsUsed: 2, maxDegree: 2, method: 'edge-colouring' });
    expect(new Set(out.assignments.map((a) => a.slot)).size).toBe(2);
  });

  it('schedules unconstrained bipartite multigraphs in exactly Δ slots', () => {
    fc.assert(
      fc.property(instanceArb(false), (o) => {
        const input = randomInstance({ ...o, slots: 40 });
        const out = schedule(input);
        expect(violations(input, out)).toEqual([]);
        expect(out.unscheduled).toEqual([]);
        expect(out.stats.slotsUsed).toBe(out.stats.maxDegree);
        // Balanced: slot loads differ by at most one meeting.
        const load = new Map<string, number>();
        for (const a of out.assignments) load.set(a.slot, (load.get(a.slot) ?? 0) + 1);
        if (load.size) expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('balances slots and respects tables when Δ ≤ slots and E ≤ tables', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.integer(), (meetings, tables, seed) => {
        const base = randomInstance({ projects: 6, investors: 5, meetings, slots: 1, seed });
        const degree = new Map<string, number>();
        for (const m of base.meetings) for (const p of [m.a, m.b]) degree.set(p, (degree.get(p) ?? 0) + 1);
        const delta = Math.max(...degree.values());
        const slotCount = Math.max(delta, Math.ceil(meetings / tables));
        const input: ScheduleInput = { ...base, slots: Array.from({ length: slotCount }, (_, i) => ({ id: `s${i}`, tables })) };
        const out = schedule(input);
        expect(violations(input, out)).toEqual([]);
        expect(out.unscheduled).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('uses at most Δ + 1 slots on simple non-bipartite graphs (Vizing)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.double({ min: 0.2, max: 1, noNaN: true }), fc.integer(), (n, density, seed) => {
        let x = seed >>> 0;
        const rand = () => (x = (x * 1103515245 + 12345) >>> 0) / 4294967296;
        const participants = Array.from({ length: n }, (_, i) => ({ id: `v${i}` }));
        const meetings: ScheduleInput['meetings'] = [];
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rand() < density) meetings.push({ id: `e${i}_${j}`, a: `v${i}`, b: `v${j}` });
        const input = { slots: Array.from({ length: n + 1 }, (_, i) => ({ id: `s${i}` })), participants, meetings };
        const out = schedule(input);
        expect(violations(input, out)).toEqual([]);
        expect(out.unscheduled).toEqual([]);
        expect(out.stats.slotsUsed).toBeLessThanOrEqual(out.stats.maxDegree + 1);
      }),
      { numRuns: 100 },
    );
  });

  it('respects every hard rule on constrained instances and never exceeds its bound', () => {
    fc.assert(
      fc.property(instanceArb(true), (o) => {
        const input = randomInstance(o);
        const out = schedule(input, { seed: o.seed, timeLimitMs: 50, now: () => performance.now() });
        expect(violations(input, out)).toEqual([]);
        expect(out.stats.weight).toBeLessThanOrEqual(out.stats.upperBound + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('reaches the HiGHS optimum on small constrained instances in most cases', () => {
    let equal = 0;
    let runs = 0;
    fc.assert(
      fc.property(instanceArb(true), (o) => {
        const input = randomInstance(o);
        const exact = scheduleExact(input, highs);
        expect(exact.optimal).toBe(true);
        expect(violations(input, exact)).toEqual([]);
        const out = schedule(input, { seed: o.seed, timeLimitMs: 100, now: () => performance.now() });
        expect(out.stats.weight).toBeLessThanOrEqual(exact.stats.weight + 1e-9);
        expect(exact.stats.weight).toBeLessThanOrEqual(out.stats.upperBound + 1e-9);
        runs++;
        if (Math.abs(out.stats.weight - exact.stats.weight) < 1e-9) equal++;
      }),
      { numRuns: 80 },
    );
    expect(equal / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps locks and the published schedule, moving nothing that need not move', () => {
    const input = randomInstance({ projects: 10, investors: 6, meetings: 50, slots: 8, availability: 0.7, cap: 5, tables: 6, seed: 7 });
    const first = schedule(input, { seed: 1 });
    const published = first.assignments;
    const locked = published.slice(0, 5);
    // Cancel a few meetings and add new ones.
    const cancelled = new Set(published.slice(5, 8).map((a) => a.meeting));
    const next: ScheduleInput = {
      ...input,
      meetings: [...input.meetings.filter((m) => !cancelled.has(m.id)), { id: 'new1', a: 'p1', b: 'f2' }, { id: 'new2', a: 'p3', b: 'f4' }],
      locked,
      previous: published.filter((a) => !cancelled.has(a.meeting)),
    };
    const out = schedule(next, { seed: 2 });
    expect(violations(next, out)).toEqual([]);
    expect(out.stats.moved).toBe(0);
    expect(out.stats.weight).toBeGreaterThanOrEqual(first.stats.weight - cancelled.size);
  });

  it('gives the most specific reason for each unscheduled meeting', () => {
    const out = schedule({
      slots: [
        { id: 's1', tables: 1 },
        { id: 's2', tables: 1 },
      ],
      participants: [
        { id: 'a', available: ['s1'] },
        { id: 'b', available: ['s2'] },
        { id: 'c', maxMeetings: 1 },
        { id: 'd' },
        { id: 'e' },
        { id: 'f' },
        { id: 'g' },
        { id: 'h' },
      ],
      meetings: [
        { id: 'nocommon', a: 'a', b: 'b' },
        { id: 'c1', a: 'c', b: 'd', weight: 5 },
        { id: 'c2', a: 'c', b: 'e' },
        { id: 'ef', a: 'e', b: 'f', weight: 3 },
        { id: 'df', a: 'd', b: 'f' },
        { id: 'gh', a: 'g', b: 'h' },
      ],
    });
    const reason = Object.fromEntries(out.unscheduled.map((u) => [u.meeting, u.reason]));
    expect(reason.nocommon).toBe('no-common-slot');
    expect(reason.c2).toBe('max-meetings');
    expect(out.stats.scheduled).toBe(2);
    expect(reason.gh).toBe('table-capacity');
    expect(reason.df).toBe('conflict');
  });

  it('names every offending item of an invalid input', () => {
    const bad = {
      slots: [{ id: 's1' }, { id: 's1' }],
      participants: [{ id: 'p', available: ['s9'] }, { id: 'q' }],
      meetings: [
        { id: 'm1', a: 'p', b: 'p' },
        { id: 'm2', a: 'p', b: 'zz' },
        { id: 'm3', a: 'p', b: 'q', weight: -1 },
      ],
    };
    let err: unknown;
    try {
      schedule(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineInputError);
    expect((err as EngineInputError).issues.map((i) => i.path)).toEqual(['meetings.2.weight']);
    const err2 = (() => {
      try {
        schedule({ ...bad, meetings: bad.meetings.slice(0, 2) });
      } catch (e) {
        return e as EngineInputError;
      }
    })();
    expect(err2?.issues.map((i) => i.path).sort()).toEqual(['meetings[0]', 'meetings[1].b', 'participants[0].available[0]', 'slots[1].id']);
    expect(() =>
      schedule({
        slots: [{ id: 's1' }],
        participants: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        meetings: [
          { id: 'x', a: 'a', b: 'b' },
          { id: 'y', a: 'a', b: 'c' },
        ],
        locked: [
          { meeting: 'x', slot: 's1' },
          { meeting: 'y', slot: 's1' },
        ],
      }),
    ).toThrow(/a déjà la rencontre verrouillée/);
  });

  it('is deterministic for a seed', () => {
    const input = randomInstance({ projects: 30, investors: 15, meetings: 200, slots: 10, availability: 0.6, cap: 6, tables: 12, maxWeight: 3, seed: 3 });
    expect(schedule(input, { seed: 9 })).toEqual(schedule(input, { seed: 9 }));
  });
});

describe('any input', () => {
  it('gives a valid schedule or a named input error, never a crash', () => {
    const id = fc.constantFrom('a', 'b', 'c', 's1', 's2', 'm1', 'm2', '');
    const input = fc.record(
      {
        slots: fc.array(fc.record({ id, tables: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }) }, { requiredKeys: ['id'] }), { maxLength: 3 }),
        participants: fc.array(
          fc.record(
            {
              id,
              available: fc.option(fc.array(id, { maxLength: 3 }), { nil: undefined }),
              maxMeetings: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
            },
            { requiredKeys: ['id'] },
          ),
          { maxLength: 4 },
        ),
        meetings: fc.array(fc.record({ id, a: id, b: id, weight: fc.option(fc.double(), { nil: undefined }) }, { requiredKeys: ['id', 'a', 'b'] }), {
          maxLength: 5,
        }),
        locked: fc.option(fc.array(fc.record({ meeting: id, slot: id }), { maxLength: 2 }), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(input, fc.anything()), (raw) => {
        try {
          const out = schedule(raw);
          expect(violations(raw as ScheduleInput, out)).toEqual([]);
        } catch (err) {
          expect(err).toBeInstanceOf(EngineInputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
