/**
 * A calendar file (RFC 5545) of a participant's meetings: one VEVENT per
 * meeting whose UID never changes, whose SEQUENCE rises with each change of
 * time or table, the table in LOCATION, a cancelled meeting kept with
 * STATUS:CANCELLED so that subscribed calendars remove it.
 */
export interface IcsEvent {
  uid: string;
  sequence: number;
  /** When this version of the meeting was written (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

export interface IcsCalendar {
  name: string;
  events: IcsEvent[];
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values: backslash, semicolon, comma and line breaks escaped. */
const text = (v: string) =>
  v
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Lines longer than 75 octets folded (CRLF then a space), never inside a UTF-8 character. */
function fold(line: string): string {
  const bytes = Buffer.byteLength(line);
  if (bytes <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * @example
 * writeIcs({ name: 'Mon agenda', events: [{ uid: 'meeting-1@essaim', sequence: 0, stamp, start, end, summary: 'Rendez-vous', status: 'CONFIRMED' }] })
 * // → 'BEGIN:VCALENDAR\r\n…BEGIN:VEVENT\r\nUID:meeting-1@essaim\r\n…'
 */
export function writeIcs(calendar: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Essaim//Rencontres Impact Finance//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(calendar.name)}`,
    'X-WR-TIMEZONE:Europe/Paris',
  ];
  for (const e of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${utc(e.stamp)}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SUMMARY:${text(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${text(e.description)}`] : []),
      ...(e.location ? [`LOCATION:${text(e.location)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      `STATUS:${e.status}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
