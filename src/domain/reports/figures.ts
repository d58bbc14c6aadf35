/**
 * The figures of a report as they were frozen: each by its path (`leads`, `leadsByChannel.WEB`,
 * `averageDaysPerStage.PSM030_SOLUTION`) and its value. A restatement compares two such sets.
 */
export interface Figure {
  figure: string;
  value: number;
}

/** A figure whose value now differs from the one frozen; a figure absent on one side counts as 0 there. */
export interface FigureDifference {
  figure: string;
  frozen: number;
  now: number;
}

/** Every figure whose value differs between what was frozen and what is said now, by path. */
export function differences(frozen: readonly Figure[], now: readonly Figure[]): FigureDifference[] {
  const then = new Map(frozen.map(({ figure, value }) => [figure, value]));
  const current = new Map(now.map(({ figure, value }) => [figure, value]));
  return [...new Set([...then.keys(), ...current.keys()])]
    .sort()
    .map((figure) => ({ figure, frozen: then.get(figure) ?? 0, now: current.get(figure) ?? 0 }))
    .filter(({ frozen: a, now: b }) => a !== b);
}

/** Averages and rates do not add up over months: a quarter's first-pass rate is recomputed from its parts, averages are left out. */
const isRatio = (figure: string) => figure === 'firstPassRate' || figure.startsWith('averageDaysPerStage.');

/** The figures of several months as one period: counts and amounts summed, the first-pass rate recomputed. */
export function summed(sets: ReadonlyArray<readonly Figure[]>): Figure[] {
  const totals = new Map<string, number>();
  for (const { figure, value } of sets.flat()) if (!isRatio(figure)) totals.set(figure, (totals.get(figure) ?? 0) + value);
  const concluded = totals.get('firstReviewsConcluded') ?? 0;
  if (concluded > 0) totals.set('firstPassRate', (totals.get('firstReviewsPassed') ?? 0) / concluded);
  return [...totals].map(([figure, value]) => ({ figure, value })).sort((a, b) => a.figure.localeCompare(b.figure));
}

/** Refuses figures that are not a list of named finite numbers, each named once. */
export function wellFormed(figures: readonly Figure[]): boolean {
  const names = new Set(figures.map(({ figure }) => figure));
  return names.size === figures.length && figures.every(({ figure, value }) => figure.length > 0 && figure.length <= 300 && Number.isFinite(value));
}
