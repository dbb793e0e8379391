/**
 * The common shape of an instant, RFC 3339's `2026-11-26T10:00:00.000-05:00` (seconds and their
 * fraction of up to 3 digits optional, `Z` or an offset ±HH:MM), read without luxon: luxon's ISO
 * parser (its regexes, its zone and its DateTime object) was the largest share of checking a
 * DateTime input, once per value in the gateway and again in the subgraph. Anything else (another
 * ISO form, hour 24, a value out of range, a year outside 1900–9999) is left to luxon (undefined),
 * so every value is accepted or refused exactly as before; `iso-instant.test.ts` compares both.
 */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** The instant of a value of the common shape, or undefined when luxon must decide. */
export function commonInstant(value: string): Date | undefined {
  const m = SHAPE.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (!m[8]) {
    const [offsetHours, offsetMins] = [Number(m[10]), Number(m[11])];
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}
