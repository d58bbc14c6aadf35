/** Months and quarters as the reports name them: YYYY-MM and YYYY-Qn, in Asia/Shanghai. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The instant a month of Asia/Shanghai ends (UTC+8, no daylight saving). */
export function monthEnd(month: string): Date {
  const [, year, m] = MONTH.exec(month)!;
  return new Date(Date.UTC(Number(year), Number(m), 1) - 8 * 3_600_000);
}

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
