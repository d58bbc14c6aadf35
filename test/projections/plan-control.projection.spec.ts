import { planControlItems } from '../../projections/my-work/plan-control-items.js';
import { myWorkProjection, WORK_ITEMS } from '../../projections/my-work/my-work.projection.js';
import { PIPELINE_CARDS, pipelineBoardProjection } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { boardCard, type CardDocument } from '../../projections/pipeline-board/pipeline-board.query.js';
import { chineseWorkingCalendar } from '../../src/domain/policy/chinese-working-calendar.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { projectAll, storedEvents } from '../support/stored-events.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import { AM, cny, PROJECT } from '../unit/domain/fixtures.js';
import { after, am, confirmedBook, sponsor } from '../unit/domain/sales-control-fixtures.js';

const cardOf = async (events: ProjectEvent[]) => (await projectAll(pipelineBoardProjection, storedEvents(PROJECT, events))).findOne<CardDocument>(PIPELINE_CARDS, { _id: PROJECT });
const cost = (yuan: number) => ({ type: 'BookPresalesCost' as const, data: { category: 'TRAVEL' as const, amount: cny(yuan), spentOn: '2026-11-20', note: '差旅' } });
/** The day after the task book's first milestone (2026-12-01) and in the month after 立项. */
const LATER = new Date('2026-12-03T02:00:00Z');

describe('document 004 on the board and in my work: milestones overdue, budgets over plan, the missing monthly report', () => {
  it('keeps the sponsor, the budget in force, what is booked and the milestones on the card, and flags them at an instant', async () => {
    const over = after(confirmedBook(), [cost(70_000), am]);
    const card = (await cardOf(over))!;
    expect(card.control).toMatchObject({ sponsorId: 'dir-sun', budget: cny(60_000), booked: cny(70_000), milestones: [{ name: 'solution', dueOn: '2026-12-01' }, { name: 'contract', dueOn: '2027-02-28' }] });
    expect(boardCard(card, new Date('2026-11-24T02:00:00Z'))).toMatchObject({ sponsorId: 'dir-sun', milestoneOverdue: false, overBudget: true });
    expect(boardCard(card, LATER)).toMatchObject({ milestoneOverdue: true });
    // reached in the monthly report, the milestone is no longer overdue; approved extra budget ends the overspend
    const settled = after(over,
      [{ type: 'ReportMonthlyProgress', data: { month: '2026-11', progress: 'p', nextSteps: 'n', risks: 'r', milestonesReached: ['solution'] } }, am],
      [{ type: 'RequestPlanAdjustment', data: { kind: 'BUDGET', extraBudget: cny(15_000), reason: 'demo' } }, am],
      [{ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor],
      [{ type: 'DecidePlanAdjustment', data: { number: 1, approve: true } }, sponsor]);
    expect(boardCard((await cardOf(settled))!, LATER)).toMatchObject({ milestoneOverdue: false, overBudget: false });
  });

  it('shows the manager and the sponsor each overdue milestone and the overspend, and the manager last month\'s missing report, due by the policy\'s working day', async () => {
    const card = (await cardOf(after(confirmedBook(), [cost(70_000), am])))!;
    const items = (userId: string) => planControlItems([card], userId, LATER, ENTERPRISE_STANDARD, chineseWorkingCalendar);
    expect(items(AM).map(({ kind, overdue }) => [kind, overdue])).toEqual([['MILESTONE_OVERDUE', true], ['OVER_BUDGET', false], ['MONTHLY_PROGRESS_REPORT', false]]);
    // November's report is due by the fifth working day of December 2026: Monday 7 December
    expect(items(AM)[2]).toMatchObject({ month: '2026-11', dueAt: '2026-12-07T16:00:00.000Z' });
    expect(items('dir-sun').map(({ kind }) => kind)).toEqual(['MILESTONE_OVERDUE', 'OVER_BUDGET']);
    const reported = (await cardOf(after(confirmedBook(), [{ type: 'ReportMonthlyProgress', data: { month: '2026-11', progress: 'p', nextSteps: 'n', risks: 'r' } }, am])))!;
    expect(planControlItems([reported], AM, LATER, ENTERPRISE_STANDARD, chineseWorkingCalendar).map(({ kind }) => kind)).toEqual(['MILESTONE_OVERDUE']);
  });

  it('asks the sponsor to confirm a task book and an adjustment, then the adjustment\'s approvers to decide it', async () => {
    const requested = after(confirmedBook(), [{ type: 'RequestPlanAdjustment', data: { kind: 'BUDGET', extraBudget: cny(30_000), reason: 'demo' } }, am]);
    const reads = await projectAll(myWorkProjection, storedEvents(PROJECT, requested));
    expect((await reads.find(WORK_ITEMS)).map(({ kind, assignee }) => [kind, assignee])).toEqual([['ADJUSTMENT_CONFIRMATION', 'dir-sun']]);
    const confirmed = after(requested, [{ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor]);
    const then = await projectAll(myWorkProjection, storedEvents(PROJECT, confirmed));
    expect((await then.find(WORK_ITEMS)).map(({ kind, assignee }) => [kind, assignee])).toEqual([['ADJUSTMENT_DECISION', 'EXECUTIVE']]);
  });
});
