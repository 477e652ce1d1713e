import type { Event } from '../../../../shared/schemas/event';
import { eventKindLabels, eventProgrammeLabels } from '../../../../shared/vocabulary';

/** Where an event happens, as a person reads it: « address, commune », « En ligne », or both. */
export function whereOf(e: Pick<Event, 'place' | 'onlineUrl'>): string {
  const place = e.place ? `${e.place.address}, ${e.place.communeName}` : null;
  if (place && e.onlineUrl) return `${place} et en ligne`;
  return place ?? 'En ligne';
}

/** An event's tags: its kind, its programme, and « Réservé au réseau » when it is not public. */
export const eventTags = (e: Pick<Event, 'kind' | 'programme' | 'public'>) => [
  eventKindLabels[e.kind],
  eventProgrammeLabels[e.programme],
  ...(e.public ? [] : ['Réservé au réseau']),
];

/** « 29 inscrits », « 29 inscrits sur 120 places ». */
export function registeredText(e: Pick<Event, 'registeredCount' | 'capacity'>): string {
  const n = e.registeredCount;
  const who = `${n.toLocaleString('fr-FR')} inscrit${n > 1 ? 's' : ''}`;
  return e.capacity ? `${who} sur ${e.capacity.toLocaleString('fr-FR')} place${e.capacity > 1 ? 's' : ''}` : who;
}

const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `monthLabel('2020-11')` → « novembre 2020 ». */
export const monthLabel = (month: string) => monthName.format(new Date(`${month}-01T12:00:00Z`));

/** `shiftMonth('2020-12', 1)` → '2021-01'. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The last day of a month (`'2020-02'` → '2020-02-29'). */
export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The weeks of a month as a calendar shows them (Monday first), each day
 * `YYYY-MM-DD` or null outside the month.
 */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: Array<string | null> = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
