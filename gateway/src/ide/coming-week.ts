import { addDays, daysBetween, houseInstant, isLocalDate, localDateOf, toHouseIso } from '@maison/house';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T.+(?:Z|[+-]\d{2}:\d{2})$/;

const isDate = (value: unknown): value is string => typeof value === 'string' && (isLocalDate(value) || DATE_TIME.test(value));
const dayOf = (value: string) => (isLocalDate(value) ? value : localDateOf(new Date(value)));

/** A date (YYYY-MM-DD) or an instant moved by whole days; an instant keeps its wall-clock time in the house, with the offset of its new day. */
function moved(value: string, days: number): string {
  if (isLocalDate(value)) return addDays(value, days);
  const instant = new Date(value);
  const wallClock = toHouseIso(instant).slice(11, 19); // hh:mm:ss
  return toHouseIso(houseInstant(addDays(localDateOf(instant), days), wallClock));
}

/**
 * The README's variables are examples of one week: the IDE moves them so that the earliest date is
 * today in the house, keeping the span, so the operations show this week's data.
 */
export function toComingWeek(variables: Record<string, unknown>, today: string): Record<string, unknown> {
  const dates = Object.values(variables).filter(isDate);
  if (dates.length === 0) return variables;
  const days = daysBetween(dates.map(dayOf).sort()[0]!, today);
  return Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, isDate(value) ? moved(value, days) : value]));
}
