import { allowedPresalesBudget } from '../policy/policy.js';
import type { BookPresalesCost, ConfirmTaskBook, FileSalesPlan, FileTaskBook } from './commands.js';
import { requireMoney, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { namesOf, requirePastDay } from './decide-tracking.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { COST_CATEGORIES, type PlanWorkItem } from './sales-control-vocabulary.js';
import type { Project, Stage } from './state.js';
import type { Milestone, Money } from './vocabulary.js';

// 售前项目管理 (document 004) steps 3 and 4: the sales plan, the task book and the costs booked against it.

/** After 立项 and while the project is open: the plan and its controls belong to an approved project. */
export const CONTROLLED_STAGES: readonly Stage[] = ['PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const requireDay = (day: string | undefined, what: string): string => (day && DAY.test(day) && !Number.isNaN(Date.parse(day)) ? day : refuse('INVALID_INPUT', `${what} must be a day (YYYY-MM-DD)`));

/** The sponsor named at 立项 acts as the sponsor: holding a sponsor's role (the policy's sponsorProject) is not enough. */
export function requireSponsor(project: Project, context: DecisionContext, what: string): string {
  if (context.actor.userId !== project.sponsorId) refuse('NOT_THE_SPONSOR', `${what} is the sponsor's, ${project.sponsorId ?? 'nobody'} on this project`);
  return context.actor.userId;
}

/** The project's manager is its owner (the account manager it is assigned to). */
export function requireManager(project: Project, context: DecisionContext, what: string): string {
  if (context.actor.userId !== project.lead.ownerId) refuse('NOT_THE_PROJECT_MANAGER', `${what} is the project manager's, ${project.lead.ownerId} on this project`);
  return context.actor.userId;
}

function workItemsOf(items: readonly PlanWorkItem[]): PlanWorkItem[] {
  if (items.length === 0) refuse('INVALID_INPUT', 'the plan names at least one work item with its owner and due date');
  return items.map(({ task, ownerId, dueOn, purpose }) => ({
    task: requireText(task, 'a work item\'s task'),
    ownerId: requireText(ownerId, 'a work item\'s owner'),
    dueOn: requireDay(dueOn, 'a work item\'s due date'),
    ...(purpose?.trim() ? { purpose } : {}),
  }));
}

/** 项目销售策划案 (表2): filed after 立项, revised any number of times; a revision says why, every version is kept. */
export function fileSalesPlan(project: Project, { data }: FileSalesPlan, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  const version = project.control.planVersion + 1;
  const revisionReason = version > 1 ? requireText(data.revisionReason, 'the reason for revising the plan') : undefined;
  return [{
    type: 'SalesPlanFiled',
    data: {
      version,
      strengths: requireText(data.strengths, 'the strengths (客户关系、技术、合作伙伴)'),
      weaknesses: requireText(data.weaknesses, 'the weaknesses'),
      goals: requireText(data.goals, 'the sales goals'),
      workItems: workItemsOf(data.workItems),
      risks: requireText(data.risks, 'the risks of not signing (on time)'),
      withdrawalCriteria: requireText(data.withdrawalCriteria, 'the withdrawal criteria (撤出标准)'),
      participants: namesOf(data.participants, 'the planning meeting\'s participants'),
      filedBy: context.actor.userId,
      ...(revisionReason ? { revisionReason } : {}),
    },
  }];
}

function milestonesOf(milestones: readonly Milestone[]): Milestone[] {
  if (milestones.length === 0) refuse('INVALID_INPUT', 'the task book needs milestones with dates');
  const named = milestones.map(({ name, dueOn }) => ({ name: requireText(name, 'a milestone\'s name').trim(), dueOn: requireDay(dueOn, 'a milestone\'s date') }));
  if (new Set(named.map(({ name }) => name)).size !== named.length) refuse('INVALID_INPUT', 'each milestone has a name of its own');
  return named;
}

/**
 * 售前项目任务书 (表3): the manager sets the budget from the expected gross margin under the policy's bands, with the
 * milestones, after the sales plan; it may be filed again until the sponsor confirms it, then only adjusted.
 */
export function fileTaskBook(project: Project, { data }: FileTaskBook, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  if (project.control.planVersion === 0) refuse('INVALID_TRANSITION', 'the task book follows the sales plan: file the plan first');
  if (project.control.taskBook?.confirmed) refuse('INVALID_TRANSITION', 'the task book is confirmed: change it with an adjustment form');
  const margin = requireMoney(data.expectedGrossMargin, 'the expected gross margin', context);
  const budget = requireMoney(data.budget, 'the pre-sales budget', context);
  const allowedBudget: Money = { amount: allowedPresalesBudget(context.policy, margin.amount), currency: margin.currency };
  if (budget.amount > allowedBudget.amount) {
    refuse('BUDGET_ABOVE_POLICY', `the policy allows at most ${allowedBudget.amount} fen of pre-sales budget for a gross margin of ${margin.amount} fen`, { allowedBudget });
  }
  const milestones = milestonesOf(data.milestones);
  return [{
    type: 'TaskBookFiled',
    data: { version: (project.control.taskBook?.version ?? 0) + 1, expectedGrossMargin: margin, budget, allowedBudget, milestones, filedBy: context.actor.userId, sponsorId: project.sponsorId ?? '' },
  }];
}

/** 经项目发起人确认: the sponsor confirms the version in force; its budget and milestones replace those of 立项. */
export function confirmTaskBook(project: Project, { data }: ConfirmTaskBook, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  const { taskBook, booked } = project.control;
  if (!taskBook || taskBook.confirmed) return refuse('INVALID_TRANSITION', 'no task book waits for confirmation');
  const confirmedBy = requireSponsor(project, context, 'confirming the task book');
  if (data.version !== taskBook.version) refuse('DOCUMENT_CHANGED', `the task book in force is version ${taskBook.version}`);
  return [{
    type: 'TaskBookConfirmed',
    data: { version: taskBook.version, confirmedBy, budget: taskBook.budget, booked: booked ?? { amount: 0, currency: taskBook.budget.currency }, milestones: taskBook.milestones },
  }];
}

/** 售前费用: a cost booked against the confirmed task book; the total booked may pass the budget (it shows over plan). */
export function bookPresalesCost(project: Project, { data }: BookPresalesCost, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...CONTROLLED_STAGES);
  const { taskBook, budget, booked, costs } = project.control;
  if (!taskBook?.confirmed || !budget) return refuse('INVALID_TRANSITION', 'costs are booked against a task book the sponsor confirmed');
  if (!COST_CATEGORIES.includes(data.category)) refuse('INVALID_INPUT', `a cost's category is one of ${COST_CATEGORIES.join(', ')}`);
  const amount = requireMoney(data.amount, 'the cost', context);
  const total = (booked?.amount ?? 0) + amount.amount;
  return [{
    type: 'PresalesCostBooked',
    data: {
      number: costs + 1,
      category: data.category,
      amount,
      spentOn: requirePastDay(requireDay(data.spentOn, 'the day it was spent'), 'the day it was spent', context),
      note: requireText(data.note, 'what the cost was for'),
      ...(data.document ? { document: data.document } : {}),
      bookedBy: context.actor.userId,
      budget,
      booked: { amount: total, currency: amount.currency },
    },
  }];
}
