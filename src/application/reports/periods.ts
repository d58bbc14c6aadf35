import { MONTH } from '../../domain/reports/periods.js';

/** Months and quarters as the reports name them (YYYY-MM, YYYY-Qn, in Asia/Shanghai): the domain's, and the read side's bounds. */
export { MONTH, QUARTER, monthsOfQuarter, previousQuarter, sameQuarterLastYear } from '../../domain/reports/periods.js';

/** The UTC instants bounding a Shanghai month: [start, end). */
export function monthBounds(month: string): { start: string; end: string } {
  const [, year, m] = MONTH.exec(month)!;
  const start = new Date(Date.UTC(Number(year), Number(m) - 1, 1) - 8 * 3600_000);
  const end = new Date(Date.UTC(Number(year), Number(m), 1) - 8 * 3600_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

/** The first day of the month after, YYYY-MM-DD: deadlines before it fall in the month. */
export const monthDays = (month: string) => {
  const [, year, m] = MONTH.exec(month)!;
  const next = new Date(Date.UTC(Number(year), Number(m), 1)).toISOString().slice(0, 10);
  return { first: `${month}-01`, next };
};

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let [year, month] = from.split('-').map(Number); `${year}-${String(month).padStart(2, '0')}` <= to; month === 12 ? ((month = 1), (year += 1)) : (month += 1)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}
