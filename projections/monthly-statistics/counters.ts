/**
 * The counters of 每月信息统计表, as stored per month and dimension, and their sums over months. Three are counted
 * once per project rather than per event, from documents of their own (project-figures.ts): solutionsSubmitted
 * (projects with a solution submitted), quotations and quotationAmount (projects at their latest approved version).
 */
export const SCALAR_COUNTERS = [
  'leads', 'leadsScreened', 'leadsQualified', 'leadsRejected', 'leadsForwarded', 'leadsAssigned', 'approvals', 'solutionVersions', 'solutionsSubmitted', 'solutionReviewsPassed', 'solutionReviewsFailed', 'firstReviewsConcluded',
  'firstReviewsPassed', 'agreementReviewsPassed', 'agreementReviewsFailed', 'quotations', 'quotationAmount', 'bidDecisions',
  'noBidDecisions', 'bidsSubmitted', 'bidsWon', 'bidsLost', 'contractsSigned', 'contractAmount', 'losses', 'terminations',
] as const;
/** Counters under a key; stageDays and stageIntervals sum the stages left in the period, by stage. */
export const KEYED_COUNTERS = ['leadsByChannel', 'approvalsByClass', 'lossesByReason', 'stageDays', 'stageIntervals'] as const;

export type ScalarCounter = (typeof SCALAR_COUNTERS)[number];
export type KeyedCounter = (typeof KEYED_COUNTERS)[number];
export type Counters = Record<ScalarCounter, number> & Record<KeyedCounter, Record<string, number>>;

export function emptyCounters(): Counters {
  return {
    ...(Object.fromEntries(SCALAR_COUNTERS.map((name) => [name, 0])) as Record<ScalarCounter, number>),
    ...(Object.fromEntries(KEYED_COUNTERS.map((name) => [name, {}])) as Record<KeyedCounter, Record<string, number>>),
  };
}

/** Adds a stored document (or another sum) into `into`; missing counters count as zero. */
export function addCounters(into: Counters, from: Partial<Record<string, unknown>>): Counters {
  for (const name of SCALAR_COUNTERS) into[name] += Number(from[name] ?? 0);
  for (const name of KEYED_COUNTERS) {
    for (const [key, count] of Object.entries((from[name] as Record<string, number> | undefined) ?? {})) {
      into[name][key] = (into[name][key] ?? 0) + count;
    }
  }
  return into;
}

/** First-pass review rate: first versions whose review passed, of first versions whose review concluded. */
export const firstPassRate = (counters: Counters): number | null =>
  counters.firstReviewsConcluded ? counters.firstReviewsPassed / counters.firstReviewsConcluded : null;

/** 中标率: bids won of bids whose result is known. */
export const bidHitRate = (won: number, lost: number): number | null => (won + lost ? won / (won + lost) : null);

/** Average days per stage, of the stages left in the period. */
export const averageDaysPerStage = (counters: Counters) =>
  Object.entries(counters.stageIntervals)
    .map(([stage, intervals]) => ({ stage, intervals, averageDays: Math.round((counters.stageDays[stage] / intervals) * 10) / 10 }))
    .sort((a, b) => a.stage.localeCompare(b.stage));

export const ranked = (counts: Record<string, number>) =>
  Object.entries(counts).map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
