import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type IcsEvent, writeIcs } from './agenda-ics';

const base: IcsEvent = {
  uid: 'meeting-7f3a@essaim',
  sequence: 0,
  stamp: new Date('2020-10-20T10:00:00Z'),
  start: new Date('2020-11-03T08:00:00Z'),
  end: new Date('2020-11-03T08:30:00Z'),
  summary: 'Rendez-vous avec France Active Investissement',
  description: 'Projet : Ressourcerie des Alpes, réemploi; tiers-lieu\nThèmes communs',
  location: 'Table 12',
  status: 'CONFIRMED',
};

const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('agenda calendar file', () => {
  it('is read back by a calendar library: one event per meeting, times, table and escapes kept', () => {
    const ics = writeIcs({ name: 'Rencontres Impact Finance, Grenoble', events: [base, { ...base, uid: 'meeting-2@essaim', location: 'Table 3' }] });
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const [first, second] = parse(ics);
    expect(first?.uid).toBe('meeting-7f3a@essaim');
    expect(first?.startDate.toJSDate().toISOString()).toBe('2020-11-03T08:00:00.000Z');
    expect(first?.endDate.toJSDate().toISOString()).toBe('2020-11-03T08:30:00.000Z');
    expect(first?.location).toBe('Table 12');
    expect(first?.description).toBe(base.description);
    expect(first?.summary).toBe(base.summary);
    expect(second?.location).toBe('Table 3');
  });

  it('keeps the UID when a meeting moves, raises its SEQUENCE and marks it cancelled when it is', () => {
    const moved = writeIcs({
      name: 'Agenda',
      events: [{ ...base, sequence: 2, start: new Date('2020-11-03T09:00:00Z'), end: new Date('2020-11-03T09:30:00Z') }],
    });
    const cancelled = writeIcs({ name: 'Agenda', events: [{ ...base, sequence: 3, status: 'CANCELLED' }] });
    const [m] = parse(moved);
    const [c] = parse(cancelled);
    expect(m?.uid).toBe(base.uid);
    expect(m?.sequence).toBe(2);
    expect(c?.uid).toBe(base.uid);
    expect(c?.sequence).toBe(3);
    expect(c?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('folds long lines without cutting an accented letter', () => {
    const long = 'é'.repeat(200);
    const ics = writeIcs({ name: 'Agenda', events: [{ ...base, description: long }] });
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(parse(ics)[0]?.description).toBe(long);
  });
});
