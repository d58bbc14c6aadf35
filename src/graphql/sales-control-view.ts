import type { SalesControlRecord } from '../application/sales-control-record.js';
import { shanghaiDate } from '../domain/policy/working-calendar.js';
import type { Project } from '../domain/project/state.js';
import type { SalesControlView } from './sales-control.types.js';

/** A milestone not reached is overdue once its day is over in Beijing. */
const milestoneOverdue = (milestone: { dueOn: string; reachedOn?: string }, today: string) => !milestone.reachedOn && milestone.dueOn < today;

/** 售前项目管理 as GraphQL shows it at `at`: the record's versions and entries, the budget against what is booked, the milestones overdue. */
export function salesControlViewOf(project: Project, record: SalesControlRecord, at: string): SalesControlView {
  const { budget, booked, milestones, taskBook } = project.control;
  const today = shanghaiDate(new Date(at));
  const spent = booked ?? (budget && { amount: 0, currency: budget.currency });
  return {
    ...record,
    milestones: milestones.map((milestone) => ({ ...milestone, overdue: milestoneOverdue(milestone, today) })),
    budget: budget && spent && {
      budget,
      booked: spent,
      remaining: { amount: budget.amount - spent.amount, currency: budget.currency },
      overPlan: spent.amount > budget.amount,
      basis: taskBook?.confirmed ? 'TASK_BOOK' : 'APPROVAL',
    },
  };
}
