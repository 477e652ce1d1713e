import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatParisSpan, parisDay, parisInstant, parisOffsetMinutes, parisTime } from './paris-time';

describe('Paris time', () => {
  it('turns a day and a time in Paris into an instant, summer time included', () => {
    expect(parisInstant('2020-11-03', '09:00').toISOString()).toBe('2020-11-03T08:00:00.000Z');
    expect(parisInstant('2020-10-08', '09:00').toISOString()).toBe('2020-10-08T07:00:00.000Z');
    expect(parisOffsetMinutes(new Date('2020-07-01T12:00:00Z'))).toBe(120);
    expect(parisDay('2020-12-07T23:30:00Z')).toBe('2020-12-08');
    expect(parisTime('2020-12-07T22:30:00Z')).toBe('23:30');
  });
  it('reads back the day and the time it was given', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.integer({ min: 4, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, mi) => {
          const day = d.toISOString().slice(0, 10);
          const time = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
          const at = parisInstant(day, time);
          // 02:00–03:00 on the spring change does not exist: hours from 04:00 always do.
          expect([parisDay(at), parisTime(at)]).toEqual([day, time]);
        },
      ),
    );
  });
  it('writes an event’s dates as a person reads them', () => {
    expect(formatParisSpan('2020-11-03T08:00:00Z', '2020-11-03T16:30:00Z')).toBe('mardi 3 novembre 2020, de 09:00 à 17:30');
    expect(formatParisSpan('2020-01-30T08:00:00Z', '2020-01-31T17:00:00Z')).toBe('du jeudi 30 janvier 2020 à 09:00 au vendredi 31 janvier 2020 à 18:00');
  });
});
