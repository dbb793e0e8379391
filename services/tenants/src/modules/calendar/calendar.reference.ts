import { CalendarDay } from './calendar-day.entity';

export const calendarReference = {
  CalendarDay: {
    __resolveReference(ref: { date: string }): CalendarDay {
      return Object.assign(new CalendarDay(), { date: ref.date });
    },
  },
};
