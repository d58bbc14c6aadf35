/** Months (YYYY-MM) and quarters (YYYY-Qn) as the reports name them, in Asia/Shanghai. */
const shanghaiNow = () => new Date(Date.now() + 8 * 3600_000);

export const currentMonth = (): string => shanghaiNow().toISOString().slice(0, 7);

export function currentQuarter(): string {
  const now = shanghaiNow();
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** `count` months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, count: number): string[] {
  const [year, index] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, index - count + i, 1)).toISOString().slice(0, 7));
}

/** The first and last month of a quarter: winLossAnalysis's from and to. */
export function monthsOfQuarter(quarter: string): { from: string; to: string } {
  const [year, n] = quarter.split('-Q').map(Number);
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { from: month(3 * n - 2), to: month(3 * n) };
}
