import { describe, expect, it } from 'vitest';
import { violations } from '../../../engines/scheduling/check';
import { schedule } from '../../../engines/scheduling/schedule';
import { type FundProfile, highlyRecommendedPairs, type ProjectProfile, recommend } from './recommendation-input';
import { type MeetingFacts, meetingCountBound, scheduleInput, unscheduledMessage } from './schedule-input';

const project = (id: string, o: Partial<ProjectProfile> = {}): ProjectProfile => ({
  registrationId: id,
  themes: ['economie-circulaire'],
  communeCode: '38185',
  epciCode: '200040715',
  departementCode: '38',
  regionCode: '84',
  stage: 'development',
  fundingNeedEur: 300_000,
  instruments: ['loan'],
  text: 'Ressourcerie et réemploi de matériaux du bâtiment',
  ...o,
});
const fund = (id: string, o: Partial<FundProfile> = {}): FundProfile => ({
  registrationId: id,
  themes: ['economie-circulaire'],
  territories: [],
  stages: [],
  ticketMinEur: 100_000,
  ticketMaxEur: 1_000_000,
  instruments: ['loan', 'equity'],
  text: 'Fonds d’investissement pour le réemploi et l’économie circulaire',
  ...o,
});

describe('recommendations from project and fund records', () => {
  const projects = [
    project('p1'),
    project('p2', { fundingNeedEur: 5_000_000 }),
    project('p3', { regionCode: '93', departementCode: '13' }),
    project('p4', { instruments: ['grant'] }),
  ];
  const funds = [fund('f1'), fund('f2', { territories: [{ kind: 'region', code: '84' }] }), fund('f3', { stages: ['idea'] })];

  it('lists the other side with reasons that add up to the score, in French', () => {
    const list = recommend({ side: 'project', registrationId: 'p1' }, projects, funds);
    expect(list.map((r) => r.registrationId).sort()).toEqual(['f1', 'f2']);
    for (const r of list) {
      expect(r.reasons.reduce((s, x) => s + x.contribution, 0)).toBe(r.score);
      expect(r.reasons.map((x) => x.criterion)).toEqual(['theme', 'territory', 'stage', 'ticket', 'text']);
    }
    expect(list[0]?.reasons.find((x) => x.criterion === 'theme')?.detail).toMatch(/économie circulaire/i);
    expect(list[0]?.score).toBeGreaterThanOrEqual(list[1]?.score ?? 0);
  });

  it('respects the hard rules: ticket, instrument, territory, stage', () => {
    const forF2 = recommend({ side: 'investor', registrationId: 'f2' }, projects, funds).map((r) => r.registrationId);
    // p2 needs more than the ticket, p3 is outside the region, p4 wants only grants.
    expect(forF2).toEqual(['p1']);
    // f3 only funds ideas.
    expect(recommend({ side: 'investor', registrationId: 'f3' }, projects, funds)).toEqual([]);
    expect(recommend({ side: 'project', registrationId: 'p2' }, projects, funds)).toEqual([]);
  });

  it('marks pairs in either side’s top list as highly recommended', () => {
    const pairs = highlyRecommendedPairs(projects, funds, 1);
    expect(pairs.has('p1|f1') || pairs.has('p1|f2')).toBe(true);
    expect(pairs.has('p2|f1')).toBe(false);
  });
});

describe('scheduling input from slots, availability, caps and meetings', () => {
  const slots = [
    { id: 's1', tables: 2 },
    { id: 's2', tables: 2 },
    { id: 's3', tables: 2 },
  ];
  const participants = [
    { registrationId: 'p1', availableSlotIds: ['s1', 's2'], maxMeetings: null },
    { registrationId: 'p2', availableSlotIds: null, maxMeetings: 1 },
    { registrationId: 'f1', availableSlotIds: null, maxMeetings: null },
    { registrationId: 'f2', availableSlotIds: ['s3'], maxMeetings: null },
  ];
  const m = (id: string, a: string, b: string, o: Partial<MeetingFacts> = {}): MeetingFacts => ({
    id,
    a,
    b,
    status: 'to_schedule',
    slotId: null,
    table: null,
    locked: false,
    weight: 1,
    ...o,
  });

  it('keeps locked and held meetings in place and places the rest within every constraint', () => {
    const meetings = [
      m('m1', 'p1', 'f1', { status: 'scheduled', slotId: 's2', table: 2, locked: true }),
      m('m2', 'p2', 'f1', { status: 'held', slotId: 's1', table: 1 }),
      m('m3', 'p1', 'f2'),
      m('m4', 'p2', 'f2'),
      m('m5', 'p1', 'f1', { status: 'cancelled' }),
    ];
    const input = scheduleInput('all', slots, participants, meetings, { published: false });
    expect(input.meetings.map((x) => x.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(input.locked).toEqual([
      { meeting: 'm2', slot: 's1', table: 1 },
      { meeting: 'm1', slot: 's2', table: 2 },
    ]);
    const out = schedule(input);
    expect(violations(input, out)).toEqual([]);
    expect(out.assignments.find((a) => a.meeting === 'm1')).toEqual({ meeting: 'm1', slot: 's2', table: 2 });
    // p1 and f2 share no slot; p2 already met f1 and may have one meeting.
    expect(Object.fromEntries(out.unscheduled.map((u) => [u.meeting, u.reason]))).toEqual({ m3: 'no-common-slot', m4: 'max-meetings' });
    expect(meetingCountBound(input)).toBe(2);
    expect(unscheduledMessage('max-meetings', { a: 'A', b: 'B' }, ['Projet B'])).toBe('Projet B a atteint le nombre maximal de rendez-vous.');
  });

  it('in “unscheduled” mode keeps placed meetings and gives a meeting that no longer fits its place as previous', () => {
    const meetings = [
      m('m1', 'p1', 'f1', { status: 'scheduled', slotId: 's3', table: 1 }),
      m('m2', 'p2', 'f1', { status: 'scheduled', slotId: 's1', table: 1 }),
      m('m3', 'p1', 'f1'),
    ];
    const input = scheduleInput('unscheduled', slots, participants, meetings, { published: true });
    // p1 is no longer free at s3.
    expect(input.locked).toEqual([{ meeting: 'm2', slot: 's1', table: 1 }]);
    expect(input.previous).toEqual([{ meeting: 'm1', slot: 's3', table: 1 }]);
    const out = schedule(input);
    expect(violations(input, out)).toEqual([]);
    // p1 and f1 are both free only at s2: one of their two meetings fits.
    expect(out.stats.scheduled).toBe(2);
  });
});
