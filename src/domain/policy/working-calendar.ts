/** Working days on the department's calendar; dates are YYYY-MM-DD in Asia/Shanghai. */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The date `days` working days after `date` (the same date for 0). */
  addWorkingDays(date: string, days: number): string;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Asia/Shanghai calendar date of an instant (China keeps no daylight saving time). */
export const shanghaiDate = (instant: Date): string => new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The instant (ISO-8601 UTC) at which an Asia/Shanghai date ends: an ISO instant before it falls on or before that date. */
export const endOfShanghaiDay = (date: string): string => `${date}T16:00:00.000Z`;

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;
