/**
 * RFC 5545 text: escaped values, lines folded at 75 octets (never inside a UTF-8 character),
 * CRLF line ends. Times are written in UTC; all-day entries as DATE values.
 */
export interface IcsEvent {
  uid: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  /** A timed entry [start, end)… */
  start?: Date;
  end?: Date;
  /** …or an all-day entry over local dates [firstDay, lastDay], both included. */
  firstDay?: string;
  lastDay?: string;
  categories?: string[];
  url?: string | null;
}

export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

/** Folds a content line into chunks of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    const limit = out.length === 0 ? 75 : 74; // continuation lines spend one octet on the leading space
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const dateValue = (localDate: string) => localDate.replace(/-/g, '');

function nextDay(localDate: string): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function buildCalendar(options: { name: string; description: string; events: IcsEvent[]; now?: Date }): string {
  const stamp = utc(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//La Maison//Calendrier de la maison//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-CALDESC:${escapeText(options.description)}`,
    'X-WR-TIMEZONE:America/Toronto',
  ];
  for (const event of options.events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`);
    if (event.firstDay && event.lastDay) {
      lines.push(`DTSTART;VALUE=DATE:${dateValue(event.firstDay)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(event.lastDay))}`, 'TRANSP:TRANSPARENT');
    } else if (event.start && event.end) {
      lines.push(`DTSTART:${utc(event.start)}`, `DTEND:${utc(event.end)}`);
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
