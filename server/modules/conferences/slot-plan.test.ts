import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parisDay, parisInstant } from '../../../shared/paris-time';
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

  it('counts elapsed time on the night the clocks go forward (02:00 does not exist in Paris on 29 March 2026)', () => {
    // From 01:40 to 03:00 is 20 minutes of real time: one meeting of 20, not four.
    const { slots } = planSlots({ days: [{ date: '2026-03-29', start: '01:40', end: '03:00' }], meetingMinutes: 20, breakMinutes: 0, tables: 1 });
    expect(slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([['2026-03-29T00:40:00.000Z', '2026-03-29T01:00:00.000Z']]);
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
          // Elapsed minutes: on the days the hour changes, an hour more or less than the wall clock says.
          const dayEnd = parisInstant(date, hhmm(end)).getTime();
          const span = (dayEnd - parisInstant(date, hhmm(start)).getTime()) / 60_000;
          if (span < meeting) {
            expect(issues).toHaveLength(1);
            return;
          }
          expect(slots.length).toBe(Math.floor((span + pause) / (meeting + pause)));
          for (const [i, s] of slots.entries()) {
            expect(parisDay(s.startsAt)).toBe(date);
            expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(meeting * 60_000);
            if (i > 0) expect(s.startsAt.getTime()).toBeGreaterThanOrEqual((slots[i - 1] as { endsAt: Date }).endsAt.getTime());
          }
          const last = slots.at(-1);
          if (last) expect(last.endsAt.getTime()).toBeLessThanOrEqual(dayEnd);
        },
      ),
      { numRuns: 300 },
    );
  });
});
