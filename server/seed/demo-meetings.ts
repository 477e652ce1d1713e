import { schedule } from '../../engines/scheduling/schedule';
import { typo } from '../../shared/text';
import type { Executor } from '../db/connection';
import { saveAccompaniment, saveTraining } from '../modules/conferences/advisor-queries';
import { replaceSlots, saveSettings } from '../modules/conferences/conference-queries';
import { insertLead } from '../modules/conferences/lead-queries';
import { insertMeetings, markPublished, saveFeedback } from '../modules/conferences/meeting-queries';
import { planSlots } from '../modules/conferences/slot-plan';
import type { DemoConference } from './demo-events';
import { rng } from './rng';

/** Meetings held at the 2020 conferences: 360 in all, as the review counts them. */
export const DEMO_MEETINGS_HELD = 360;

const projectComments = [
  'Échange très utile : le financeur connaissait bien notre secteur.',
  'Bonne écoute, des pistes concrètes pour notre prochain tour de table.',
  'Rendez-vous trop court, mais un contact à reprendre.',
  'Le fonds ne finance pas encore notre stade de développement.',
];
const investorComments = [
  'Projet solide, équipe engagée : nous demandons le plan de financement.',
  'Impact bien mesuré ; le modèle économique reste à consolider.',
  'Intéressant, mais hors de notre ticket pour l’instant.',
];
const leadStages = ['contact', 'due_diligence', 'term_sheet', 'invested', 'declined', 'invested'] as const;

/**
 * The bilateral meetings of the demo's Impact Finance conferences of 2020:
 * slots from 9:00 to 17:30, meetings between attended projects and investors
 * within each one's cap, placed by the scheduling engine, held (a few missed
 * or cancelled), with feedback from both sides and the investment leads that
 * followed (some invested). Its own random stream, so the rest of the network
 * does not move.
 */
export async function seedDemoMeetings(tx: Executor, conferences: readonly DemoConference[]) {
  const r = rng(20201105);
  const base = Math.floor(DEMO_MEETINGS_HELD / conferences.length);
  let extra = DEMO_MEETINGS_HELD - base * conferences.length;
  let held = 0;
  let invested = 0;
  for (const [ci, c] of conferences.entries()) {
    const heldHere = base + (extra-- > 0 ? 1 : 0);
    const { slots } = planSlots({ days: [{ date: c.day, start: '09:00', end: '17:30' }], meetingMinutes: 30, breakMinutes: 5, tables: 20 });
    const slotIds = slots.map(() => r.uuid());
    await replaceSlots(
      tx,
      c.eventId,
      slots.map((s, i) => ({ ...s, id: slotIds[i] as string })),
    );
    await saveSettings(tx, c.eventId, { meeting_minutes: 30, break_minutes: 5, days: [{ date: c.day, start: '09:00', end: '17:30' }] });
    await markPublished(tx, c.eventId, new Date(c.startsAt.getTime() - 7 * 86_400_000));

    // Pairs in a random order, each side within its cap: held ones, two missed, one cancelled.
    const wanted = heldHere + 3;
    const count = new Map<string, number>();
    const pairs: Array<{ p: DemoConference['projects'][number]; f: DemoConference['investors'][number] }> = [];
    const all = r.sample(
      c.projects.flatMap((p) => c.investors.map((f) => ({ p, f }))),
      c.projects.length * c.investors.length,
    );
    for (const pair of all) {
      if (pairs.length === wanted) break;
      if ((count.get(pair.p.registrationId) ?? 0) >= Math.min(pair.p.maxMeetings, slots.length)) continue;
      if ((count.get(pair.f.registrationId) ?? 0) >= Math.min(pair.f.maxMeetings, slots.length)) continue;
      count.set(pair.p.registrationId, (count.get(pair.p.registrationId) ?? 0) + 1);
      count.set(pair.f.registrationId, (count.get(pair.f.registrationId) ?? 0) + 1);
      pairs.push(pair);
    }
    if (pairs.length < wanted) throw new Error(`${c.title} : ${pairs.length} rendez-vous possibles, ${wanted} attendus`);
    const ids = pairs.map(() => r.uuid());
    const out = schedule({
      slots: slotIds.map((id) => ({ id, tables: 20 })),
      participants: [...c.projects.map((p) => ({ id: p.registrationId })), ...c.investors.map((f) => ({ id: f.registrationId }))],
      meetings: pairs.map((x, i) => ({ id: ids[i] as string, a: x.p.registrationId, b: x.f.registrationId })),
    });
    if (out.unscheduled.length) throw new Error(`${c.title} : ${out.unscheduled.length} rendez-vous non placés`);
    const place = new Map(out.assignments.map((a) => [a.meeting, a]));
    await insertMeetings(
      tx,
      pairs.map((x, i) => ({ id: ids[i] as string, eventId: c.eventId, a: x.p.registrationId, b: x.f.registrationId, mutual: r.chance(0.2) })),
    );
    for (const [i, id] of ids.entries()) {
      const a = place.get(id) as { slot: string; table: number };
      const status = i < heldHere ? 'held' : i < heldHere + 2 ? 'no_show' : 'cancelled';
      await tx
        .updateTable('meetings')
        .set({ status, slot_id: a.slot, table_number: a.table, sequence: status === 'cancelled' ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    }
    held += heldHere;

    // Feedback from both sides on some held meetings, and the leads that followed.
    for (let i = 0; i < heldHere; i++) {
      const { p, f } = pairs[i] as (typeof pairs)[number];
      const id = ids[i] as string;
      if (i % 3 === 0) {
        const rating = r.int(3, 5);
        await saveFeedback(tx, { meetingId: id, registrationId: p.registrationId, rating, comment: typo(r.pick(projectComments)), followUp: rating >= 4 });
      }
      if (i % 4 === 0) {
        const rating = r.int(2, 5);
        await saveFeedback(tx, { meetingId: id, registrationId: f.registrationId, rating, comment: typo(r.pick(investorComments)), followUp: rating >= 4 });
      }
      if (i % 13 === 5) {
        const stage = leadStages[(ci + i) % leadStages.length] as (typeof leadStages)[number];
        // Invested within weeks of the conference: in 2020 for the spring and autumn ones, early 2021 for December's.
        const on = new Date(c.startsAt.getTime() + (30 + r.int(0, 20)) * 86_400_000).toISOString().slice(0, 10);
        const amount = stage === 'invested' ? r.int(5, 50) * 10_000 : null;
        if (amount && on.startsWith('2020')) invested += amount;
        await insertLead(tx, {
          id: r.uuid(),
          projectId: p.projectId,
          fundId: f.fundId,
          meetingId: id,
          stage,
          amountEur: amount,
          investedOn: stage === 'invested' ? on : null,
        });
      }
    }
  }
  return { held, invested2020Eur: invested };
}

const cohorts = [
  { cohort: 'Promotion 2019 (Lyon)', on: '2019-10-17' },
  { cohort: 'Promotion 2020 (printemps, à distance)', on: '2020-05-14' },
  { cohort: 'Promotion 2020 (automne, Paris)', on: '2020-10-01' },
];

/**
 * The 45 advisors trained in impact finance: their cohort and date, and two
 * projects each — those met at the conferences where they came, or others.
 */
export async function seedDemoAdvisors(tx: Executor, conferences: readonly DemoConference[]) {
  const r = rng(20201001);
  const advisors = await tx.selectFrom('people').select('id').where('is_advisor', '=', true).orderBy('id').execute();
  const projects = (await tx.selectFrom('projects').select('id').orderBy('id').execute()).map((p) => p.id);
  const atConference = new Map<string, string[]>();
  for (const c of conferences)
    for (const a of c.advisors) atConference.set(a.personId, [...(atConference.get(a.personId) ?? []), ...c.projects.map((p) => p.projectId)]);
  for (const [i, { id }] of advisors.entries()) {
    const c = cohorts[i % cohorts.length] as (typeof cohorts)[number];
    await saveTraining(tx, id, { cohort: c.cohort, trainedOn: c.on });
    for (const projectId of r.sample(atConference.get(id) ?? projects, 2))
      await saveAccompaniment(tx, { advisorId: id, projectId, since: c.on, status: r.chance(0.85) ? 'active' : 'ended' });
  }
  return advisors.length;
}
