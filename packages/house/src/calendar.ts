import { badUserInput } from '@maison/errors';
import type { Lang } from '@maison/config';
import { addDays, datesBetween, daysBetween, startOfLocalDay } from './time';

/** Longest range of Query.calendar. */
export const MAX_CALENDAR_DAYS = 92;

export function calendarDates(from: string, to: string, lang: Lang): string[] {
  if (to < from) throw badUserInput(lang, 'TO_NOT_BEFORE_FROM');
  if (daysBetween(from, to) + 1 > MAX_CALENDAR_DAYS) throw badUserInput(lang, 'CALENDAR_TOO_LONG', { days: MAX_CALENDAR_DAYS });
  return datesBetween(from, to);
}

/** The half-open instant range [start of the first day, start of the day after the last) of a set of local dates. */
export function instantRangeOf(dates: readonly string[]): { from: Date; to: Date } {
  const sorted = [...dates].sort();
  return { from: startOfLocalDay(sorted[0]!), to: startOfLocalDay(addDays(sorted[sorted.length - 1]!, 1)) };
}

/** Puts each item on every requested local day its [start, end) overlaps. */
export function bucketByDay<T>(dates: readonly string[], items: readonly T[], span: (item: T) => { start: Date; end: Date }): T[][] {
  return dates.map((date) => {
    const dayStart = startOfLocalDay(date).getTime();
    const dayEnd = startOfLocalDay(addDays(date, 1)).getTime();
    return items.filter((item) => {
      const { start, end } = span(item);
      return start.getTime() < dayEnd && end.getTime() > dayStart;
    });
  });
}
