import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icsCalendar } from './ical';

describe('iCalendar files', () => {
  it('keep any title and description intact through escaping and folding, in lines of 75 octets at most', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '’', ',', ';', '\\', '\n', ' ', '€', '🐝', ':'), minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(text, text, (summary, description) => {
        const body = icsCalendar({ name: 'Essai' }, [
          {
            uid: 'event-1@essaim',
            stamp: new Date('2020-11-01T10:00:00Z'),
            start: new Date('2020-11-03T08:00:00Z'),
            end: new Date('2020-11-03T16:30:00Z'),
            summary,
            description,
          },
        ]);
        for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const v = new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent') as ICAL.Component);
        expect(v.summary).toBe(summary);
        expect(v.description).toBe(description);
      }),
      { numRuns: 200 },
    );
  });

  it('marks a cancelled occurrence and its sequence', () => {
    const body = icsCalendar({ name: 'Agenda' }, [
      { uid: 'm-1@essaim', stamp: new Date(0), start: new Date(0), end: new Date(60_000), summary: 'Rendez-vous', status: 'CANCELLED', sequence: 2 },
    ]);
    const c = new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent') as ICAL.Component;
    expect([c.getFirstPropertyValue('status'), c.getFirstPropertyValue('sequence')]).toEqual(['CANCELLED', 2]);
  });
});
