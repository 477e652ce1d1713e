import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parisDay, parisInstant, parisTime } from '../../../shared/paris-time';
import { planSlots } from './slot-plan';

describe('slot plan', () => {
  it('cuts a Paris morning into slots whose last one ends by the end of the day', () => {
    const { slots, issues } = planSlots({ days: [{ date: '2020-11-03', start: '09:00', end: '12:30' }], meetingMinutes: 30, breakMinutes: 5, tables: 20 });
    expect(issues).toEqual([]);
    // 09:00, 09:35, … 11:55 (ends 12:25); 12:30 would end at 13:00.
    expect(slots).toHaveLength(6);
    expect(slots[0]?.startsAt.toISOString()).toBe('2020-11-03T08:00:00.000Z');
    expect(slots.at(-1)?.endsAt.toISOString()).toBe('2020-11-03T11:25:00.000Z');
    expect(slots.every((s) => s.tables === 20)).toBe(true);
  });

  it('reads summer days at UTC+2 and crosses the autumn change of hour', () => {
    const summer = planSlots({ days: [{ date: '2020-07-01', start: '09:00', end: '09:30' }], meetingMinutes: 30, breakMinutes: 0, tables: 1 });
    expect(summer.slots[0]?.startsAt.toISOString()).toBe('2020-07-01T07:00:00.000Z');
    // 25 October 2020: 03:00 summer time becomes 02:00; 09:00 is then UTC+1.
    expect(parisInstant('2020-10-25', '09:00').toISOString()).toBe('2020-10-25T08:00:00.000Z');
  });

  it('names each problem in French instead of dropping a day', () => {
    const { slots, issues } = planSlots({
      days: [
        { date: '2020-02-30', start: '09:00', end: '12:00' },
        { date: '2020-11-05', start: '14:00', end: '14:20' },
        { date: '2020-11-06', start: '25:00', end: '12:00' },
      ],
      meetingMinutes: 30,
      breakMinutes: 0,
      tables: 3,
    });
    expect(slots).toEqual([]);
    expect(issues.map((i) => i.path)).toEqual(['days.0.date', 'days.1.end', 'days.2.start']);
    expect(issues[1]?.message).toContain('aucun rendez-vous de 30 minutes ne tient');
  });

  it('never lets a slot end after its day, nor two slots overlap (any plan)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 * 60 }),
        fc.integer({ min: 5, max: 600 }),
        fc.integer({ min: 5, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        fc.date({ min: new Date('2019-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (start, length, meeting, pause, day) => {
          const end = Math.min(start + length, 23 * 60 + 59);
          const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const date = day.toISOString().slice(0, 10);
          const { slots, issues } = planSlots({
            days: [{ date, start: hhmm(start), end: hhmm(end) }],
            meetingMinutes: meeting,
            breakMinutes: pause,
            tables: 1,
          });
          if (end - start < meeting) {
            expect(issues).toHaveLength(1);
            return;
          }
          expect(slots.length).toBe(Math.floor((end - start + pause) / (meeting + pause)));
          for (const [i, s] of slots.entries()) {
            expect(parisDay(s.startsAt)).toBe(date);
            if (i > 0) expect(s.startsAt.getTime()).toBeGreaterThanOrEqual((slots[i - 1] as { endsAt: Date }).endsAt.getTime());
          }
          // On the days the hour changes, wall-clock and elapsed time differ by an hour: compare wall-clock times.
          const last = slots.at(-1);
          if (last) expect(parisTime(last.endsAt) <= hhmm(end) || parisDay(last.endsAt) > date).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
