import chineseDays from 'chinese-days';
import type { WorkingCalendar } from './working-calendar.js';

/** Weekends, Chinese public holidays and in-lieu working days (调休), from the chinese-days tables. */
export const chineseWorkingCalendar: WorkingCalendar = {
  isWorkingDay: (date) => chineseDays.isWorkday(date),
  addWorkingDays: (date, days) => (days === 0 ? date : chineseDays.findWorkday(days, date)),
};
