/** A rate as a percentage with one decimal; an undefined rate (nothing to divide by) as a dash. */
export const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Ranked counts in one cell: 网站 3、电话 2. */
export const keyedCounts = (counts: Array<{ key: string; count: number }>, labelOf: (key: string) => string = (key) => key): string =>
  counts.map(({ key, count }) => `${labelOf(key)} ${count}`).join('、');
