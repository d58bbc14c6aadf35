import type { Policy } from '../../src/domain/policy/policy.js';
import { endOfShanghaiDay, shanghaiDate, type WorkingCalendar } from '../../src/domain/policy/working-calendar.js';
import { overdueMilestones, type CardDocument } from '../pipeline-board/pipeline-board.query.js';
import type { WorkItem } from './my-work.query.js';

/** The open cards a person manages (owns) or sponsors: those these items are worked out from. */
export const PLAN_CONTROL_FILTER = (userId: string) => ({ open: true, $or: [{ ownerId: userId }, { 'control.sponsorId': userId }] });

const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const monthBefore = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);

/**
 * What document 004's controls ask of a person now, worked out from the cards at each read (they depend on the day):
 * the manager (owner) and the sponsor see each milestone overdue and a budget over plan; the manager sees last
 * month's progress report while it is missing, due by the policy's working day of this month.
 */
export function planControlItems(cards: readonly CardDocument[], userId: string, now: Date, policy: Policy, calendar: WorkingCalendar): Array<WorkItem & { overdue: boolean }> {
  const today = shanghaiDate(now);
  const lastMonth = monthBefore(today);
  return cards.flatMap((card) => {
    const { control } = card;
    if (!control?.sponsorId) return [];
    const item = (kind: string, extra: Partial<WorkItem> & { overdue: boolean }, key = ''): WorkItem & { overdue: boolean } =>
      ({ _id: `${card._id}|${kind}|${key}`, projectId: card._id, kind, assigneeType: 'USER', assignee: userId, since: card.stageEnteredAt, ...extra });
    const items = overdueMilestones(control, today).map((milestone) =>
      item('MILESTONE_OVERDUE', { since: endOfShanghaiDay(milestone.dueOn), dueAt: endOfShanghaiDay(milestone.dueOn), overdueAt: endOfShanghaiDay(milestone.dueOn), overdue: true, milestone: milestone.name }, milestone.name));
    if (control.budget && control.booked && control.booked.amount > control.budget.amount) {
      items.push(item('OVER_BUDGET', { overdue: false, budget: control.budget, booked: control.booked }));
    }
    const unreported = card.ownerId === userId && (control.approvedMonth ?? today) <= lastMonth && !(control.monthsReported ?? []).includes(lastMonth);
    if (unreported) {
      const due = endOfShanghaiDay(calendar.addWorkingDays(lastDayOf(lastMonth), policy.salesControl.progressReportWorkingDays));
      items.push(item('MONTHLY_PROGRESS_REPORT', { since: `${today.slice(0, 7)}-01T00:00:00+08:00`, dueAt: due, overdueAt: due, overdue: due < now.toISOString(), month: lastMonth }, lastMonth));
    }
    return items;
  });
}
