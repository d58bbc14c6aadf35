import type { DocumentRef, Milestone, Money } from './vocabulary.js';

/** The words of document 004's controls: the sales plan, the task book, costs, war rooms and adjustments. */

/** 售前费用 by kind: travel, hospitality, demos, bids, consultants and outside help, anything else. */
export const COST_CATEGORIES = ['TRAVEL', 'HOSPITALITY', 'DEMO', 'BID', 'CONSULTING', 'OTHER'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** 项目进展分析会: go on selling, or (the sponsor) propose to stop, which the termination rules decide. */
export const WAR_ROOM_DECISIONS = ['CONTINUE', 'PROPOSE_STOP'] as const;
export type WarRoomDecision = (typeof WAR_ROOM_DECISIONS)[number];

/** 项目任务书调整表: a late milestone gets a new date, an overspend extra budget. */
export const ADJUSTMENT_KINDS = ['MILESTONE', 'BUDGET'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** One work item of the sales plan: what is to be done and why, who does it, by when. */
export interface PlanWorkItem {
  task: string;
  ownerId: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /** 该项工作要达到的目的 */
  purpose?: string;
}

/** 项目销售策划案 (表2) as filed: the analysis, the goals and the work plan, the risks and when to withdraw. */
export interface SalesPlanContent {
  strengths: string;
  weaknesses: string;
  goals: string;
  workItems: PlanWorkItem[];
  /** 不能按时签约或不能签约的风险 */
  risks: string;
  /** 撤出标准 */
  withdrawalCriteria: string;
  /** 策划会: who took part (the sponsor among them, as document 004 asks). */
  participants: string[];
}

/** A milestone in force, and the day the manager reported it reached. */
export interface PlannedMilestone extends Milestone {
  reachedOn?: string;
}

/** The budget in force and what is booked against it: each event that changes either says both. */
export interface BudgetStanding {
  budget: Money;
  booked: Money;
}

/** A cost as booked: its kind, amount, day, what it was for and the receipt or document. */
export interface PresalesCost {
  category: CostCategory;
  amount: Money;
  spentOn: string;
  note: string;
  document?: DocumentRef;
}
