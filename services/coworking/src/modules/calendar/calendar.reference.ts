import { isLocalDate } from '@maison/house';
import { CalendarDay } from './calendar-day.entity';

/** No lookup: a day is its date. A malformed date resolves to null rather than reaching SQL. */
export const calendarReference = {
  CalendarDay: {
    __resolveReference(ref: { date: string }): CalendarDay | null {
      return typeof ref.date === 'string' && isLocalDate(ref.date) ? Object.assign(new CalendarDay(), { date: ref.date }) : null;
    },
  },
};
