import type { Event } from './event-shape.js';
import type { AdjustmentKind, BudgetStanding, PlannedMilestone, PresalesCost, SalesPlanContent, WarRoomDecision } from './sales-control-vocabulary.js';
import type { Milestone, Money, Role } from './vocabulary.js';

// 售前项目管理 (document 004): the sales plan, the task book, costs, war rooms, progress reports and adjustments.

/** 项目销售策划案 (表2): a version of the plan; every version is kept, a revision says why. */
export type SalesPlanFiled = Event<'SalesPlanFiled', SalesPlanContent & { version: number; filedBy: string; revisionReason?: string }>;
/**
 * 售前项目任务书 (表3): the budget from the expected gross margin (at most `allowedBudget` under the policy) and the
 * milestones; a version waits for the sponsor named at 立项 (`sponsorId`) to confirm it.
 */
export type TaskBookFiled = Event<'TaskBookFiled', {
  version: number;
  expectedGrossMargin: Money;
  budget: Money;
  allowedBudget: Money;
  milestones: Milestone[];
  filedBy: string;
  sponsorId: string;
}>;
/** The sponsor confirmed the task book: its budget and milestones are in force from now on, in place of those of 立项. */
export type TaskBookConfirmed = Event<'TaskBookConfirmed', BudgetStanding & { version: number; confirmedBy: string; milestones: PlannedMilestone[] }>;
/** 售前费用: a cost booked against the task book, numbered in order; `booked` is the total after it. */
export type PresalesCostBooked = Event<'PresalesCostBooked', PresalesCost & BudgetStanding & { number: number; bookedBy: string }>;
/** 项目进展分析会: who met, the minutes, and the decision; a proposal to stop comes with its termination request. */
export type WarRoomMeetingHeld = Event<'WarRoomMeetingHeld', {
  number: number;
  heldOn: string;
  attendees: string[];
  minutes: string;
  decision: WarRoomDecision;
  stopReason?: string;
  recordedBy: string;
}>;
/** 项目月度进展情况报告: one a month per project, by its manager; the milestones it reports reached are so from now on. */
export type MonthlyProgressReported = Event<'MonthlyProgressReported', {
  /** YYYY-MM */
  month: string;
  progress: string;
  nextSteps: string;
  risks: string;
  milestonesReached: string[];
  /** The milestones in force after it. */
  milestones: PlannedMilestone[];
  reportedBy: string;
}>;
/**
 * 项目任务书调整表: a late milestone's new date, or extra budget; the sponsor confirms it, then `approvers` decide
 * (the executive approvers when it is beyond the policy's limits: `beyondLimit`).
 */
export type PlanAdjustmentRequested = Event<'PlanAdjustmentRequested', {
  number: number;
  kind: AdjustmentKind;
  milestone?: string;
  fromDueOn?: string;
  newDueOn?: string;
  extraBudget?: Money;
  reason: string;
  requestedBy: string;
  sponsorId: string;
  approvers: Role[];
  beyondLimit: boolean;
}>;
export type PlanAdjustmentConfirmed = Event<'PlanAdjustmentConfirmed', { number: number; confirmedBy: string; approvers: Role[] }>;
/** Approved: the budget and milestones in force after it. */
export type PlanAdjustmentApproved = Event<'PlanAdjustmentApproved', BudgetStanding & { number: number; approvedBy: string; comments?: string; milestones: PlannedMilestone[] }>;
export type PlanAdjustmentDeclined = Event<'PlanAdjustmentDeclined', { number: number; decidedBy: string; comments: string }>;

export type SalesControlEvent =
  | SalesPlanFiled
  | TaskBookFiled
  | TaskBookConfirmed
  | PresalesCostBooked
  | WarRoomMeetingHeld
  | MonthlyProgressReported
  | PlanAdjustmentRequested
  | PlanAdjustmentConfirmed
  | PlanAdjustmentApproved
  | PlanAdjustmentDeclined;
