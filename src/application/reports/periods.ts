/** Months and quarters as the reports name them: YYYY-MM and YYYY-Qn, in Asia/Shanghai. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const QUARTER = /^(\d{4})-Q([1-4])$/;

export function monthsOfQuarter(quarter: string): string[] {
  const [, year, q] = QUARTER.exec(quarter)!;
  const first = (Number(q) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((month) => `${year}-${String(month).padStart(2, '0')}`);
}

export function previousQuarter(quarter: string): string {
  const [, year, q] = QUARTER.exec(quarter)!;
  return Number(q) === 1 ? `${Number(year) - 1}-Q4` : `${year}-Q${Number(q) - 1}`;
}

export function sameQuarterLastYear(quarter: string): string {
  const [, year, q] = QUARTER.exec(quarter)!;
  return `${Number(year) - 1}-Q${q}`;
}

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
