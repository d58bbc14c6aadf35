import type { ProjectApproved } from './events.js';
import type { SalesControlEvent } from './sales-control-events.js';
import type { AdjustmentKind, PlannedMilestone } from './sales-control-vocabulary.js';
import type { Milestone, Money, Role } from './vocabulary.js';

/** A task-book adjustment as it stands: requested, confirmed by the sponsor, then approved or declined. */
export interface Adjustment {
  number: number;
  kind: AdjustmentKind;
  status: 'REQUESTED' | 'CONFIRMED' | 'APPROVED' | 'DECLINED';
  approvers: Role[];
  beyondLimit: boolean;
  milestone?: string;
  newDueOn?: string;
  extraBudget?: Money;
}

/**
 * 售前项目管理 (document 004): the plan's version, the task book, the budget and milestones in force (those of 立项
 * until the sponsor confirms a task book), what is booked, the meetings, the months reported and the adjustments.
 */
export interface SalesControl {
  planVersion: number;
  /** The task book in force: its version, budget and milestones as filed, and whether the sponsor confirmed it. */
  taskBook?: { version: number; confirmed: boolean; budget: Money; milestones: Milestone[] };
  budget?: Money;
  booked?: Money;
  milestones: PlannedMilestone[];
  costs: number;
  meetings: number;
  monthsReported: string[];
  adjustments: Adjustment[];
}

export const blankSalesControl = (): SalesControl => ({ planVersion: 0, milestones: [], costs: 0, meetings: 0, monthsReported: [], adjustments: [] });

/** 立项 sets the first budget and milestones: the task book, once confirmed, takes their place. */
export const approvedControl = (control: SalesControl, { presalesBudget, milestones }: ProjectApproved['data']): SalesControl => ({
  ...control,
  budget: presalesBudget,
  booked: { amount: 0, currency: presalesBudget.currency },
  milestones: milestones.map(({ name, dueOn }) => ({ name, dueOn })),
});

/** The open adjustment, if any: one at a time. */
export const openAdjustment = (control: SalesControl) => control.adjustments.find(({ status }) => status === 'REQUESTED' || status === 'CONFIRMED');

export function evolveSalesControl(control: SalesControl, event: SalesControlEvent): SalesControl {
  const withAdjustment = (number: number, change: Partial<Adjustment>) => control.adjustments.map((adjustment) => (adjustment.number === number ? { ...adjustment, ...change } : adjustment));
  switch (event.type) {
    case 'SalesPlanFiled':
      return { ...control, planVersion: event.data.version };
    case 'TaskBookFiled':
      return { ...control, taskBook: { version: event.data.version, confirmed: false, budget: event.data.budget, milestones: event.data.milestones } };
    case 'TaskBookConfirmed':
      return { ...control, taskBook: control.taskBook && { ...control.taskBook, confirmed: true }, budget: event.data.budget, booked: event.data.booked, milestones: event.data.milestones };
    case 'PresalesCostBooked':
      return { ...control, costs: event.data.number, booked: event.data.booked };
    case 'WarRoomMeetingHeld':
      return { ...control, meetings: event.data.number };
    case 'MonthlyProgressReported':
      return { ...control, monthsReported: [...control.monthsReported, event.data.month], milestones: event.data.milestones };
    case 'PlanAdjustmentRequested': {
      const { number, kind, approvers, beyondLimit, milestone, newDueOn, extraBudget } = event.data;
      const adjustment: Adjustment = { number, kind, status: 'REQUESTED', approvers, beyondLimit, ...(milestone ? { milestone } : {}), ...(newDueOn ? { newDueOn } : {}), ...(extraBudget ? { extraBudget } : {}) };
      return { ...control, adjustments: [...control.adjustments, adjustment] };
    }
    case 'PlanAdjustmentConfirmed':
      return { ...control, adjustments: withAdjustment(event.data.number, { status: 'CONFIRMED', approvers: event.data.approvers }) };
    case 'PlanAdjustmentApproved':
      return { ...control, adjustments: withAdjustment(event.data.number, { status: 'APPROVED' }), budget: event.data.budget, booked: event.data.booked, milestones: event.data.milestones };
    case 'PlanAdjustmentDeclined':
      return { ...control, adjustments: withAdjustment(event.data.number, { status: 'DECLINED' }) };
  }
}
