import type { MyWorkQuery } from '../../graphql/generated/graphql';

export type WorkItem = MyWorkQuery['myWork'][number];

/** Whether an item is overdue: its project's step, or a management report's item by its own due instant. */
export const isOverdue = (item: WorkItem) => (item.project ? item.project.overdue : item.overdue);
/** The day an item is due: its project's step's, or its own (a follow-up action's). */
export const dueOnOf = (item: WorkItem) => (item.project ? item.project.dueOn : item.dueAt ? new Date(Date.parse(item.dueAt) + 8 * 3_600_000 - 1).toISOString().slice(0, 10) : null);

/** Overdue first, then by due date (undated last), then the longest waiting. */
export function dueFirst(a: WorkItem, b: WorkItem): number {
  if (isOverdue(a) !== isOverdue(b)) return isOverdue(a) ? -1 : 1;
  const dueA = dueOnOf(a) ?? '9999-12-31';
  const dueB = dueOnOf(b) ?? '9999-12-31';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.since < b.since ? -1 : a.since > b.since ? 1 : 0;
}
