import { DateTime } from 'luxon';

/** The house's time zone: every LocalDate and every opening hour is read in it. */
export const HOUSE_TZ = 'America/Toronto';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  return DateTime.fromISO(value, { zone: HOUSE_TZ }).isValid;
}

/** The instant a local date starts in the house (handles 23- and 25-hour days). */
export function startOfLocalDay(date: string): Date {
  return DateTime.fromISO(date, { zone: HOUSE_TZ }).startOf('day').toJSDate();
}

/** The local date, in the house, of an instant. */
export function localDateOf(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: HOUSE_TZ }).toISODate()!;
}

export function todayInHouse(now = new Date()): string {
  return localDateOf(now);
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Every local date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** ISO 8601 with the house's offset, e.g. 2026-11-26T10:00:00-05:00. */
export function toHouseIso(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: HOUSE_TZ }).toISO({ suppressMilliseconds: true })!;
}

/** A wall-clock time of a local date in the house, as an instant. */
export function houseInstant(date: string, time: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: HOUSE_TZ }).toJSDate();
}
