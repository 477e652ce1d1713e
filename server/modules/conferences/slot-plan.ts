import { parisInstant } from '../../../shared/paris-time';

/** One conference day in Paris wall-clock time: `{ date: '2020-11-03', start: '09:00', end: '12:30' }`. */
export interface PlanDay {
  date: string;
  start: string;
  end: string;
}

export interface SlotPlan {
  days: PlanDay[];
  meetingMinutes: number;
  breakMinutes: number;
  tables: number;
}

export interface PlannedSlot {
  startsAt: Date;
  endsAt: Date;
  tables: number;
}

export interface PlanIssue {
  path: string;
  message: string;
}

/** The most slots one conference may have (32 a day over a week is ~220). */
export const MAX_SLOTS = 400;

const MINUTE = 60_000;

const minutesOf = (hhmm: string) => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};

const validDate = (date: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/**
 * Cut each day into meetings of `meetingMinutes` separated by `breakMinutes`,
 * from its start; the last slot ends by the day's end. Days are Paris
 * wall-clock times, slots instants. Every problem is named (path and French
 * message) rather than a slot silently dropped.
 *
 * @example
 * planSlots({ days: [{ date: '2020-11-03', start: '09:00', end: '10:00' }], meetingMinutes: 25, breakMinutes: 5, tables: 3 })
 * // → { slots: [09:00–09:25, 09:30–09:55] (as instants, 3 tables each), issues: [] }
 */
export function planSlots(plan: SlotPlan): { slots: PlannedSlot[]; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const slots: PlannedSlot[] = [];
  const seen = new Set<string>();
  if (plan.days.length === 0) issues.push({ path: 'days', message: 'Indiquez au moins une journée.' });
  if (!Number.isInteger(plan.meetingMinutes) || plan.meetingMinutes < 5 || plan.meetingMinutes > 240)
    issues.push({ path: 'meetingMinutes', message: 'La durée d’un rendez-vous va de 5 à 240 minutes.' });
  if (!Number.isInteger(plan.breakMinutes) || plan.breakMinutes < 0 || plan.breakMinutes > 240)
    issues.push({ path: 'breakMinutes', message: 'La pause entre deux rendez-vous va de 0 à 240 minutes.' });
  if (!Number.isInteger(plan.tables) || plan.tables < 1 || plan.tables > 1000) issues.push({ path: 'tables', message: 'Le nombre de tables va de 1 à 1000.' });
  if (issues.length) return { slots, issues };
  for (const [i, day] of plan.days.entries()) {
    const path = `days.${i}`;
    const start = minutesOf(day.start);
    const end = minutesOf(day.end);
    if (!validDate(day.date)) {
      issues.push({ path: `${path}.date`, message: `La date « ${day.date} » n’existe pas (AAAA-MM-JJ attendu).` });
      continue;
    }
    if (seen.has(day.date)) {
      issues.push({ path: `${path}.date`, message: `La journée du ${day.date} est donnée deux fois.` });
      continue;
    }
    seen.add(day.date);
    if (start === undefined) {
      issues.push({ path: `${path}.start`, message: `L’heure de début « ${day.start} » est invalide (HH:MM attendu).` });
      continue;
    }
    if (end === undefined) {
      issues.push({ path: `${path}.end`, message: `L’heure de fin « ${day.end} » est invalide (HH:MM attendu).` });
      continue;
    }
    // Elapsed time, not wall-clock: on the days the hour changes they differ by an hour,
    // and a slot counted on the wall clock could end after the day (found by the property test).
    const from = parisInstant(day.date, day.start).getTime();
    const until = parisInstant(day.date, day.end).getTime();
    if (until - from < plan.meetingMinutes * MINUTE) {
      issues.push({
        path: `${path}.end`,
        message: `Le ${day.date}, de ${day.start} à ${day.end}, aucun rendez-vous de ${plan.meetingMinutes} minutes ne tient.`,
      });
      continue;
    }
    for (let t = from; t + plan.meetingMinutes * MINUTE <= until; t += (plan.meetingMinutes + plan.breakMinutes) * MINUTE)
      slots.push({ startsAt: new Date(t), endsAt: new Date(t + plan.meetingMinutes * MINUTE), tables: plan.tables });
  }
  if (slots.length > MAX_SLOTS) issues.push({ path: 'days', message: `Cela fait ${slots.length} créneaux\u202F: ${MAX_SLOTS} au plus.` });
  slots.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  return { slots: issues.length ? [] : slots, issues };
}
