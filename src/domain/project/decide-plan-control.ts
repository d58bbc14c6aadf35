import { daysBetween, shanghaiDate } from '../policy/working-calendar.js';
import type { ConfirmPlanAdjustment, DecidePlanAdjustment, HoldWarRoomMeeting, ReportMonthlyProgress, RequestPlanAdjustment } from './commands.js';
import { CONTROLLED_STAGES, requireDay, requireManager, requireSponsor } from './decide-sales-plan.js';
import { namesOf, requirePastDay } from './decide-tracking.js';
import { hasRole, requireMoney, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { openAdjustment, type Adjustment } from './sales-control-state.js';
import { ADJUSTMENT_KINDS, WAR_ROOM_DECISIONS, type PlannedMilestone } from './sales-control-vocabulary.js';
import type { Project } from './state.js';

// 售前项目管理 (document 004) step 5: war-room meetings, monthly progress reports and the task book's adjustments.

/**
 * 项目进展分析会: who met, the minutes, the decision. Only the sponsor proposes to stop (决定是否继续项目的销售), and the
 * proposal is a termination request the termination rules decide (报请有关领导批准): the policy's deciders for the class.
 */
export function holdWarRoomMeeting(project: Project, { data }: HoldWarRoomMeeting, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  if (project.control.planVersion === 0) refuse('INVALID_TRANSITION', 'a war-room meeting weighs the project against its sales plan: file the plan first');
  if (!WAR_ROOM_DECISIONS.includes(data.decision)) refuse('INVALID_INPUT', `the decision is one of ${WAR_ROOM_DECISIONS.join(', ')}`);
  const number = project.control.meetings + 1;
  const attendees = namesOf(data.attendees, 'the attendees');
  if (attendees.length === 0) refuse('INVALID_INPUT', 'a meeting has attendees');
  const meeting = {
    number,
    heldOn: requirePastDay(requireDay(data.heldOn, 'the meeting day'), 'the meeting day', context),
    attendees,
    minutes: requireText(data.minutes, 'the minutes'),
    decision: data.decision,
    recordedBy: context.actor.userId,
  };
  if (data.decision === 'CONTINUE') return [{ type: 'WarRoomMeetingHeld', data: meeting }];
  const requestedBy = requireSponsor(project, context, 'proposing to stop the project');
  if (project.termination) refuse('INVALID_TRANSITION', 'a termination request is already waiting for a decision');
  const stopReason = requireText(data.stopReason, 'why the sales should stop');
  const deciders = context.policy.terminationDeciders[project.projectClass ?? 'GENERAL'];
  return [
    { type: 'WarRoomMeetingHeld', data: { ...meeting, stopReason } },
    { type: 'TerminationRequested', data: { reason: stopReason, requestedBy, deciders, warRoomMeeting: number } },
  ];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 项目月度进展情况报告: one a month per project by its manager, for a month begun; it may report milestones reached. */
export function reportMonthlyProgress(project: Project, { data }: ReportMonthlyProgress, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  const reportedBy = requireManager(project, context, 'the monthly progress report');
  if (!MONTH.test(data.month)) refuse('INVALID_INPUT', 'the month is YYYY-MM');
  if (data.month > shanghaiDate(context.now).slice(0, 7)) refuse('INVALID_INPUT', `the month ${data.month} has not begun`);
  if (project.control.monthsReported.includes(data.month)) refuse('INVALID_TRANSITION', `${data.month} is already reported on this project`);
  const reached = [...new Set(data.milestonesReached ?? [])];
  const today = shanghaiDate(context.now);
  for (const name of reached) {
    const milestone = project.control.milestones.find((candidate) => candidate.name === name);
    if (!milestone || milestone.reachedOn) refuse('INVALID_INPUT', `"${name}" is not a milestone still to be reached`);
  }
  const milestones: PlannedMilestone[] = project.control.milestones.map((milestone) => (reached.includes(milestone.name) ? { ...milestone, reachedOn: today } : milestone));
  return [{
    type: 'MonthlyProgressReported',
    data: {
      month: data.month,
      progress: requireText(data.progress, 'the progress'),
      nextSteps: requireText(data.nextSteps, 'the next steps (应对措施)'),
      risks: requireText(data.risks, 'the situation and risks'),
      milestonesReached: reached,
      milestones,
      reportedBy,
    },
  }];
}

/**
 * 项目任务书调整表: the manager asks for a late milestone's new date or for extra budget, against a confirmed task book,
 * one at a time; beyond the policy's limits only the executive approvers decide it.
 */
export function requestPlanAdjustment(project: Project, { data }: RequestPlanAdjustment, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  const requestedBy = requireManager(project, context, 'an adjustment of the task book');
  const { taskBook, milestones } = project.control;
  if (!taskBook?.confirmed) refuse('INVALID_TRANSITION', 'an adjustment changes a task book the sponsor confirmed');
  const open = openAdjustment(project.control);
  if (open) refuse('INVALID_TRANSITION', `adjustment ${open.number} is still waiting for a decision`);
  if (!ADJUSTMENT_KINDS.includes(data.kind)) refuse('INVALID_INPUT', `the kind is one of ${ADJUSTMENT_KINDS.join(', ')}`);
  const reason = requireText(data.reason, 'the reason for the adjustment');
  const { salesControl } = context.policy;
  let change: { milestone: string; fromDueOn: string; newDueOn: string } | { extraBudget: { amount: number; currency: string } };
  let beyondLimit: boolean;
  if (data.kind === 'MILESTONE') {
    const milestone = milestones.find(({ name }) => name === data.milestone);
    if (!milestone || milestone.reachedOn) return refuse('INVALID_INPUT', `"${data.milestone ?? ''}" is not a milestone still to be reached`);
    const newDueOn = requireDay(data.newDueOn, 'the milestone\'s new date');
    if (newDueOn <= milestone.dueOn) refuse('INVALID_INPUT', `the new date comes after ${milestone.dueOn}`);
    change = { milestone: milestone.name, fromDueOn: milestone.dueOn, newDueOn };
    beyondLimit = daysBetween(milestone.dueOn, newDueOn) > salesControl.executiveAbove.delayDays;
  } else {
    const extraBudget = requireMoney(data.extraBudget, 'the extra budget', context);
    change = { extraBudget };
    beyondLimit = extraBudget.amount > salesControl.executiveAbove.extraBudget;
  }
  const approvers = beyondLimit ? salesControl.executiveApprovers : salesControl.adjustmentApprovers;
  return [{
    type: 'PlanAdjustmentRequested',
    data: { number: project.control.adjustments.length + 1, kind: data.kind, ...change, reason, requestedBy, sponsorId: project.sponsorId ?? '', approvers, beyondLimit },
  }];
}

function requireOpen(project: Project, number: number): Adjustment {
  const open = openAdjustment(project.control);
  if (!open) return refuse('INVALID_TRANSITION', 'no adjustment is waiting');
  if (open.number !== number) refuse('INVALID_INPUT', `the adjustment waiting is number ${open.number}`);
  return open;
}

/** 经项目发起人确认: the sponsor confirms the form before it goes to its approvers (those of the policy in force now). */
export function confirmPlanAdjustment(project: Project, { data }: ConfirmPlanAdjustment, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  const adjustment = requireOpen(project, data.number);
  const confirmedBy = requireSponsor(project, context, 'confirming an adjustment');
  if (adjustment.status !== 'REQUESTED') refuse('INVALID_TRANSITION', `adjustment ${adjustment.number} is already confirmed`);
  return [{ type: 'PlanAdjustmentConfirmed', data: { number: adjustment.number, confirmedBy, approvers: adjustment.approvers } }];
}

/** 报总经理或销售总监审批 (企业领导 beyond the limits): once the sponsor confirmed it; approved, the task book changes. */
export function decidePlanAdjustment(project: Project, { data }: DecidePlanAdjustment, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  const adjustment = requireOpen(project, data.number);
  if (adjustment.status !== 'CONFIRMED') refuse('ADJUSTMENT_NOT_CONFIRMED', `adjustment ${adjustment.number} waits for the sponsor's confirmation`);
  if (!hasRole(context, adjustment.approvers)) {
    refuse(adjustment.beyondLimit ? 'EXECUTIVE_APPROVAL_REQUIRED' : 'APPROVAL_LEVEL_REQUIRED',
      `adjustment ${adjustment.number}${adjustment.beyondLimit ? ', beyond the policy\'s limits,' : ''} is approved by ${adjustment.approvers.join(' or ')}`);
  }
  const decidedBy = context.actor.userId;
  if (!data.approve) return [{ type: 'PlanAdjustmentDeclined', data: { number: adjustment.number, decidedBy, comments: requireText(data.comments, 'comments on a declined adjustment') } }];
  const { budget, booked, milestones } = project.control;
  const extra = adjustment.extraBudget?.amount ?? 0;
  const currency = budget?.currency ?? context.policy.currency;
  return [{
    type: 'PlanAdjustmentApproved',
    data: {
      number: adjustment.number,
      approvedBy: decidedBy,
      ...(data.comments?.trim() ? { comments: data.comments } : {}),
      budget: { amount: (budget?.amount ?? 0) + extra, currency },
      booked: booked ?? { amount: 0, currency },
      milestones: milestones.map((milestone) => (milestone.name === adjustment.milestone && adjustment.newDueOn ? { ...milestone, dueOn: adjustment.newDueOn } : milestone)),
    },
  }];
}
