/**
 * Time in Europe/Paris, where every event of the network happens: instants
 * are stored and exchanged in UTC, and written, read and grouped by day in
 * Paris time (summer time included), whatever the zone of the machine.
 */
export const PARIS = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock fields of an instant in Paris. */
function wallClock(d: Date) {
  const f = Object.fromEntries(parts.formatToParts(d).map((p) => [p.type, p.value]));
  return { y: Number(f.year), m: Number(f.month), d: Number(f.day), h: Number(f.hour), mi: Number(f.minute), s: Number(f.second) };
}

/** Minutes Paris is ahead of UTC at this instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(d: Date): number {
  const w = wallClock(d);
  return Math.round((Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant of a day and a wall-clock time in Paris.
 *
 * @example parisInstant('2020-11-03', '09:00').toISOString() // → '2020-11-03T08:00:00.000Z'
 * @example parisInstant('2020-10-08', '09:00').toISOString() // → '2020-10-08T07:00:00.000Z' (summer time)
 */
export function parisInstant(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, mi);
  let out = asUtc - parisOffsetMinutes(new Date(asUtc)) * 60000;
  // Near a change of offset, the offset at the result is the right one.
  out = asUtc - parisOffsetMinutes(new Date(out)) * 60000;
  return new Date(out);
}

/** `parisDay(instant)` → '2020-11-03': the day it is in Paris. */
export function parisDay(d: Date | string): string {
  const w = wallClock(new Date(d));
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** `parisTime(instant)` → '09:00': the time it is in Paris. */
export function parisTime(d: Date | string): string {
  const w = wallClock(new Date(d));
  return `${String(w.h).padStart(2, '0')}:${String(w.mi).padStart(2, '0')}`;
}

const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const hourMinute = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS, hour: '2-digit', minute: '2-digit' });

/** « mardi 3 novembre 2020 ». */
export const formatParisDay = (d: Date | string) => longDay.format(new Date(d));
/** « 09:00 ». */
export const formatParisTime = (d: Date | string) => hourMinute.format(new Date(d));

/**
 * An event's dates as a person reads them, in Paris time:
 * « mardi 3 novembre 2020, de 09:00 à 17:30 », or over several days
 * « du mardi 3 novembre 2020 à 09:00 au mercredi 4 novembre 2020 à 18:00 ».
 */
export function formatParisSpan(start: Date | string, end: Date | string): string {
  if (parisDay(start) === parisDay(end)) return `${formatParisDay(start)}, de ${formatParisTime(start)} à ${formatParisTime(end)}`;
  return `du ${formatParisDay(start)} à ${formatParisTime(start)} au ${formatParisDay(end)} à ${formatParisTime(end)}`;
}
