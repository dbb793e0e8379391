import { addDays, todayInHouse } from '@maison/house';

/**
 * How many days from today (house time) to the first day at least `from` days ahead in one of
 * `months` ("01" … "12"): test data for spaces with a season, whatever the day the tests run. The
 * terrace opens from May to October: `daysAheadIn(['05', '06', '07'])` leaves three months of
 * season after it, `daysAheadIn(['01'])` is a day it is closed.
 */
export function daysAheadIn(months: readonly string[], from = 1): number {
  for (let d = from; d < from + 366; d += 1) if (months.includes(addDays(todayInHouse(), d).slice(5, 7))) return d;
  throw new Error(`no day in months ${months.join(', ')}`);
}
