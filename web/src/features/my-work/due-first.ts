import type { MyWorkQuery } from '../../graphql/generated/graphql';

export type WorkItem = MyWorkQuery['myWork'][number];

/** Overdue first, then by due date (undated last), then the longest waiting. */
export function dueFirst(a: WorkItem, b: WorkItem): number {
  if (a.project.overdue !== b.project.overdue) return a.project.overdue ? -1 : 1;
  const dueA = a.project.dueOn ?? '9999-12-31';
  const dueB = b.project.dueOn ?? '9999-12-31';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.since < b.since ? -1 : a.since > b.since ? 1 : 0;
}
