/**
 * iCalendar (RFC 5545) files, written by hand: small, and the same for an
 * event's own file and for the agendas built on events. Pure: the caller
 * gives every instant, including `stamp` (DTSTAMP), so the output of the same
 * data is the same bytes.
 *
 * @example
 * icsCalendar({ name: 'Conférence Impact Finance' }, [{
 *   uid: 'event-…@essaim', stamp: updatedAt, start, end, summary: 'Conférence Impact Finance',
 * }]) // → "BEGIN:VCALENDAR\r\n…END:VCALENDAR\r\n"
 */
export interface IcsEvent {
  /** Never changes for the same thing (a calendar updates the entry it already has). */
  uid: string;
  /** When this version was written (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  /** Raised at each change a calendar should notice (time, place). */
  sequence?: number | undefined;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' | undefined;
  lastModified?: Date | undefined;
}

/** `20201103T080000Z`: an instant in UTC, as iCalendar writes it. */
export const icsInstant = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
export const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** A content line folded at 75 octets (continuation lines start with a space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  if (bytes(line) <= 75) return line;
  const out: string[] = [];
  let current = '';
  let limit = 75;
  for (const ch of line) {
    if (bytes(current) + bytes(ch) > limit) {
      out.push(current);
      current = '';
      limit = 74; // the leading space counts
    }
    current += ch;
  }
  out.push(current);
  return out.join('\r\n ');
}

function vevent(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${icsText(e.uid)}`,
    `DTSTAMP:${icsInstant(e.stamp)}`,
    `DTSTART:${icsInstant(e.start)}`,
    `DTEND:${icsInstant(e.end)}`,
    `SUMMARY:${icsText(e.summary)}`,
  ];
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.description) lines.push(`DESCRIPTION:${icsText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${icsText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${icsInstant(e.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole calendar file (CRLF line ends) holding these events. */
export function icsCalendar(calendar: { name: string }, events: readonly IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Essaim//Evenements//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(calendar.name)}`,
    ...events.flatMap(vevent),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
