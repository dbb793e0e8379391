import { isLocalDate } from '@maison/house';
import { CalendarDay } from './calendar-day.entity';

export const calendarReference = {
  CalendarDay: {
    /** Any well-formed local date is a day; a malformed one resolves to null rather than reaching SQL. */
    __resolveReference(ref: { date: string }): CalendarDay | null {
      if (typeof ref.date !== 'string' || !isLocalDate(ref.date)) return null;
      const day = new CalendarDay();
      day.date = ref.date;
      return day;
    },
  },
};
