import { isLocalDate } from '@maison/house';
import { CalendarDay } from './calendar-day.entity';

/** No lookup: a day is its date. A malformed date resolves to null rather than reaching SQL. */
export const calendarReference = {
  CalendarDay: {
    __resolveReference(ref: { date: string }): CalendarDay | null {
      if (typeof ref.date !== 'string' || !isLocalDate(ref.date)) return null;
      const day = new CalendarDay();
      day.date = ref.date;
      return day;
    },
  },
};
