import { monthBounds } from '../../src/application/reports/periods.js';
import type { Document, ReadStore } from '../../src/read-store/read-store.port.js';
import type { Dimension } from './monthly-statistics.projection.js';
import { QUOTATION_VERSIONS, SOLUTION_MONTHS, TERMINATIONS } from './project-figures.projection.js';

type Where = { ownerId?: string; region?: string; productLine?: string };
type QuotationVersion = Document & Where & { projectId: string; version: number; amount: number; requiredApprovals: string[]; approvals?: Record<string, string>; lastApprovalAt: string };
type SolutionMonth = Document & Where & { projectId: string; month: string };
type Termination = Document & Where & { reason: string };

/** The figures of a period counted once per project, for one value of the dimension. */
export interface ProjectFigures {
  /** Projects with a solution (any version) submitted in the period. */
  solutionsSubmitted: number;
  /** Projects with a quotation version fully approved in the period, each counted once. */
  quotations: number;
  /** Their amounts, each project at its latest version approved in the period (fen). */
  quotationAmount: number;
  /** Projects terminated in the period, by the reason their termination was requested for. */
  terminationsByReason: Record<string, number>;
}

export const valueOf = (found: Where, dimension: Dimension): string | undefined =>
  dimension === 'all' ? '*' : dimension === 'owner' ? found.ownerId : found[dimension];

const blank = (): ProjectFigures => ({ solutionsSubmitted: 0, quotations: 0, quotationAmount: 0, terminationsByReason: {} });

/** The latest document of each project, by `newer`. */
function latestPerProject<T extends { projectId: string }>(docs: T[], newer: (a: T, b: T) => boolean): T[] {
  const latest = new Map<string, T>();
  for (const doc of docs) {
    const held = latest.get(doc.projectId);
    if (!held || newer(doc, held)) latest.set(doc.projectId, doc);
  }
  return [...latest.values()];
}

/** 报价数、报价金额 once per project, 方案数 once per project, 终止原因: by value of the dimension. */
export async function projectFigures(reads: ReadStore, months: string[], dimension: Dimension, businessUnit: string | null): Promise<Map<string, ProjectFigures>> {
  const [first, last] = [months[0], months[months.length - 1]];
  const [quotations, solutions, terminations] = await Promise.all([
    reads.find<QuotationVersion>(QUOTATION_VERSIONS, { businessUnit, lastApprovalAt: { $gte: monthBounds(first).start, $lt: monthBounds(last).end } }),
    reads.find<SolutionMonth>(SOLUTION_MONTHS, { month: { $in: months }, businessUnit }),
    reads.find<Termination>(TERMINATIONS, { month: { $in: months }, businessUnit }),
  ]);
  const figures = new Map<string, ProjectFigures>();
  const of = (found: Where) => {
    const value = valueOf(found, dimension);
    if (value === undefined) return undefined;
    if (!figures.has(value)) figures.set(value, blank());
    return figures.get(value)!;
  };
  // a version is approved once every approval it needs is given: then at its last approval
  const approved = quotations.filter((doc) => doc.requiredApprovals.every((role) => doc.approvals?.[role]));
  for (const doc of latestPerProject(approved, (a, b) => a.version > b.version)) {
    const row = of(doc);
    if (row) (row.quotations += 1), (row.quotationAmount += doc.amount);
  }
  for (const doc of latestPerProject(solutions, (a, b) => a.month > b.month)) {
    const row = of(doc);
    if (row) row.solutionsSubmitted += 1;
  }
  for (const doc of terminations) {
    const row = of(doc);
    if (row) row.terminationsByReason[doc.reason] = (row.terminationsByReason[doc.reason] ?? 0) + 1;
  }
  return figures;
}
