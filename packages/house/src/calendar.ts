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

/**
 * The [start, end) instants (ms) of each date's local day, in the order given. A calendar's dates are
 * consecutive: then neighbouring days share their edges, one startOfLocalDay per day.
 */
export function localDayBounds(dates: readonly string[]): { starts: number[]; ends: number[] } {
  if (dates.length === 0) return { starts: [], ends: [] };
  const sorted = [...dates].sort();
  const last = sorted[sorted.length - 1]!;
  if (new Set(dates).size !== dates.length || daysBetween(sorted[0]!, last) !== sorted.length - 1) {
    return { starts: dates.map((d) => startOfLocalDay(d).getTime()), ends: dates.map((d) => startOfLocalDay(addDays(d, 1)).getTime()) };
  }
  const edges = [...sorted, addDays(last, 1)].map((d) => startOfLocalDay(d).getTime());
  const index = new Map(sorted.map((d, i) => [d, i]));
  return { starts: dates.map((d) => edges[index.get(d)!]!), ends: dates.map((d) => edges[index.get(d)! + 1]!) };
}

/** Puts each item on every requested local day its [start, end) overlaps, in the items' order; each span is read once. */
export function bucketByDay<T>(dates: readonly string[], items: readonly T[], span: (item: T) => { start: Date; end: Date }): T[][] {
  const { starts, ends } = localDayBounds(dates);
  const spans = items.map((item) => {
    const { start, end } = span(item);
    return [start.getTime(), end.getTime()] as const;
  });
  return dates.map((_, d) => items.filter((_, i) => spans[i]![0] < ends[d]! && spans[i]![1] > starts[d]!));
}
