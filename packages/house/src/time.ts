import { DateTime } from 'luxon';

/** The house's time zone: every LocalDate and every opening hour is read in it. */
export const HOUSE_TZ = 'America/Toronto';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date of the house's own arithmetic: LocalDate's four-digit years, or the day after 9999-12-31 (+010000-01-01, as JavaScript writes it). */
const REACHABLE_DATE = /^(\d{4}|\+\d{6})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The number written by the decimal digits of text[from, to), or -1 if one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Midnight UTC of a YYYY-MM-DD date, in ms; NaN when it is not a real calendar date. A calendar
 * reads dozens of dates per request in every subgraph (each day's bounds, each representation's
 * date): the usual shape, a real date of a year from 100, is read digit by digit into Date.UTC
 * (which is exact from year 100 on). Anything else takes the general reading below, the only one
 * that answers NaN.
 */
function utcMidnight(date: string): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4);
    const mo = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]!)) return Date.UTC(y, mo - 1, d);
  }
  return generalUtcMidnight(date);
}

/** utcMidnight of any text: years 0–99 and the day after 9999-12-31 included. */
function generalUtcMidnight(date: string): number {
  const m = REACHABLE_DATE.exec(date);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d); // unlike Date.UTC, keeps years 0–99 as they are
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? back.getTime() : Number.NaN;
}

/** The YYYY-MM-DD of a UTC midnight; remembered (a bounded map), as the same few dates come back on every request. */
const isoDates = new Map<number, string>();
function isoDate(ms: number): string {
  let text = isoDates.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString().split('T')[0]!;
    if (isoDates.size >= 4096) isoDates.clear();
    isoDates.set(ms, text);
  }
  return text;
}

export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && !Number.isNaN(utcMidnight(value));
}

/** The instant a local date starts in the house (handles 23- and 25-hour days). */
export function startOfLocalDay(date: string): Date {
  const midnight = utcMidnight(date);
  if (Number.isNaN(midnight)) return DateTime.fromISO(date, { zone: HOUSE_TZ }).startOf('day').toJSDate(); // Invalid Date, as before
  // Midnight always exists in the house (changes happen at 2:00): guess with the offset at UTC midnight, correct once.
  let offset = houseOffsetMinutes(new Date(midnight));
  const guess = midnight - offset * 60_000;
  offset = houseOffsetMinutes(new Date(guess));
  return new Date(midnight - offset * 60_000);
}

const HOUR_MS = 3_600_000;
const offsets = new Map<number, number>();

/**
 * The house's UTC offset in minutes at an instant. America/Toronto changes offset only on whole
 * UTC hours, so the offset is looked up (through luxon and Intl, slow) once per hour of time and
 * remembered: serializing a DateTime is on the hot path of every answer.
 */
export function houseOffsetMinutes(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = DateTime.fromMillis(hour * HOUR_MS, { zone: HOUSE_TZ }).offset;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The wall clock of the house at an instant, as the UTC fields of a Date. */
const wallClock = (instant: Date, offset: number) => new Date(instant.getTime() + offset * 60_000);

/** The local date, in the house, of an instant. */
export function localDateOf(instant: Date): string {
  return wallClock(instant, houseOffsetMinutes(instant)).toISOString().slice(0, 10);
}

export function todayInHouse(now = new Date()): string {
  return localDateOf(now);
}

export function addDays(date: string, days: number): string {
  const midnight = utcMidnight(date);
  if (Number.isNaN(midnight)) throw new RangeError(`not a calendar date: ${date}`);
  return isoDate(midnight + days * DAY_MS);
}

/** Every local date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  // By count, not by comparing texts: the day after 9999-12-31 is written +010000-01-01, which sorts first.
  for (let i = 0, days = daysBetween(from, to); i <= days; i += 1) out.push(addDays(from, i));
  return out;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO 8601 with the house's offset, e.g. 2026-11-26T10:00:00-05:00. */
export function toHouseIso(instant: Date): string {
  // Before 1895 the house's zone kept local mean time (-05:17:32): a whole-minute offset, the clock shown to match, keeps the text RFC 3339.
  const offset = Math.trunc(houseOffsetMinutes(instant));
  const local = wallClock(instant, offset).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ, years 0–9999
  const clock = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  const abs = Math.abs(offset);
  return `${clock}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A wall-clock time of a local date in the house, as an instant. */
export function houseInstant(date: string, time: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: HOUSE_TZ }).toJSDate();
}
