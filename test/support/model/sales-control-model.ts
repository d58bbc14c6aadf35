import type { Policy } from '../../../src/domain/policy/policy.js';
import type { DomainErrorCode } from '../../../src/domain/project/errors.js';
import type { Role } from '../../../src/domain/project/vocabulary.js';

/**
 * The model of document 004's controls, written from the issue and DOMAIN.md: the plan (revised with a reason), the task
 * book (budget within the policy's band of the gross margin, confirmed by the sponsor named at 立项), costs against it,
 * war rooms (only the sponsor proposes a stop, which becomes a termination request), one progress report a month by the
 * owner, and adjustments (owner asks, sponsor confirms, the approvers decide; beyond the limits the executive ones).
 */
export interface ModelControl {
  plan: number;
  taskBook?: { version: number; confirmed: boolean; budgetFen: number; milestones: Array<{ name: string; dueOn: string }> };
  budgetFen: number;
  bookedFen: number;
  milestones: Array<{ name: string; dueOn: string; reached: boolean }>;
  months: string[];
  adjustments: number;
  open?: { number: number; confirmed: boolean; approvers: Role[]; beyond: boolean; milestone?: string; newDueOn?: string; extraFen: number };
}

export const newModelControl = (): ModelControl => ({ plan: 0, budgetFen: 0, bookedFen: 0, milestones: [], months: [], adjustments: 0 });

export const copyControl = (control: ModelControl): ModelControl => ({
  ...control,
  taskBook: control.taskBook && { ...control.taskBook, milestones: control.taskBook.milestones.map((milestone) => ({ ...milestone })) },
  milestones: control.milestones.map((milestone) => ({ ...milestone })),
  months: [...control.months],
  open: control.open && { ...control.open },
});

/** What the model needs of the project around its controls. */
export interface ControlledProject {
  stage: string;
  ownerId?: string;
  sponsorId?: string;
  terminationDeciders?: Role[];
  projectClass?: 'GENERAL' | 'MAJOR';
  control: ModelControl;
}

const CONTROLLED = ['PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT'];
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The events of one of the nine commands and the project after them; `refuse` throws the model's refusal. */
export function decideControl<P extends ControlledProject>(
  policy: Policy, p: P, type: string, input: Record<string, any>, actor: { userId: string; role: Role }, refuse: (code: DomainErrorCode) => never,
): [string[], P] | undefined {
  const c = p.control;
  const sponsor = () => actor.userId === p.sponsorId || refuse('NOT_THE_SPONSOR');
  const manager = () => actor.userId === p.ownerId || refuse('NOT_THE_PROJECT_MANAGER');
  const controlled = () => CONTROLLED.includes(p.stage) || refuse('INVALID_TRANSITION');
  switch (type) {
    case 'FileSalesPlan':
      controlled();
      if (c.plan > 0 && !input.revisionReason) refuse('REASON_REQUIRED');
      c.plan += 1;
      return [['SalesPlanFiled'], p];
    case 'FileTaskBook': {
      controlled();
      if (c.plan === 0 || c.taskBook?.confirmed) refuse('INVALID_TRANSITION');
      const margin = input.expectedGrossMargin.amount;
      const band = [...policy.salesControl.presalesBudgetBands].reverse().find(({ grossMarginFrom }) => margin >= grossMarginFrom)!;
      if (input.budget.amount * 100 > margin * band.percent) refuse('BUDGET_ABOVE_POLICY');
      c.taskBook = { version: (c.taskBook?.version ?? 0) + 1, confirmed: false, budgetFen: input.budget.amount, milestones: input.milestones };
      return [['TaskBookFiled'], p];
    }
    case 'ConfirmTaskBook': {
      controlled();
      const book = c.taskBook;
      if (!book || book.confirmed) return refuse('INVALID_TRANSITION');
      sponsor();
      if (input.version !== book.version) refuse('DOCUMENT_CHANGED');
      book.confirmed = true;
      c.budgetFen = book.budgetFen;
      c.milestones = book.milestones.map(({ name, dueOn }) => ({ name, dueOn, reached: false }));
      return [['TaskBookConfirmed'], p];
    }
    case 'BookPresalesCost':
      controlled();
      if (!c.taskBook?.confirmed) refuse('INVALID_TRANSITION');
      c.bookedFen += input.amount.amount;
      return [['PresalesCostBooked'], p];
    case 'HoldWarRoomMeeting':
      controlled();
      if (c.plan === 0) refuse('INVALID_TRANSITION');
      if (input.decision === 'CONTINUE') return [['WarRoomMeetingHeld'], p];
      sponsor();
      if (p.terminationDeciders) refuse('INVALID_TRANSITION');
      return [['WarRoomMeetingHeld', 'TerminationRequested'], { ...p, terminationDeciders: policy.terminationDeciders[p.projectClass ?? 'GENERAL'] }];
    case 'ReportMonthlyProgress':
      controlled();
      manager();
      if (input.month > thisMonth()) refuse('INVALID_INPUT');
      if (c.months.includes(input.month)) refuse('INVALID_TRANSITION');
      for (const name of input.milestonesReached ?? []) if (!c.milestones.some((milestone) => milestone.name === name && !milestone.reached)) refuse('INVALID_INPUT');
      c.months.push(input.month);
      for (const milestone of c.milestones) if ((input.milestonesReached ?? []).includes(milestone.name)) milestone.reached = true;
      return [['MonthlyProgressReported'], p];
    case 'RequestPlanAdjustment': {
      controlled();
      manager();
      if (!c.taskBook?.confirmed || c.open) refuse('INVALID_TRANSITION');
      const { executiveAbove, executiveApprovers, adjustmentApprovers } = policy.salesControl;
      let beyond: boolean;
      if (input.kind === 'MILESTONE') {
        const milestone = c.milestones.find(({ name, reached }) => name === input.milestone && !reached);
        if (!milestone || input.newDueOn <= milestone.dueOn) return refuse('INVALID_INPUT');
        beyond = days(milestone.dueOn, input.newDueOn) > executiveAbove.delayDays;
      } else beyond = input.extraBudget.amount > executiveAbove.extraBudget;
      c.adjustments += 1;
      c.open = {
        number: c.adjustments, confirmed: false, approvers: beyond ? executiveApprovers : adjustmentApprovers, beyond,
        milestone: input.milestone, newDueOn: input.newDueOn, extraFen: input.extraBudget?.amount ?? 0,
      };
      return [['PlanAdjustmentRequested'], p];
    }
    case 'ConfirmPlanAdjustment':
    case 'DecidePlanAdjustment': {
      controlled();
      const open = c.open;
      if (!open) return refuse('INVALID_TRANSITION');
      if (input.number !== open.number) refuse('INVALID_INPUT');
      if (type === 'ConfirmPlanAdjustment') {
        sponsor();
        if (open.confirmed) refuse('INVALID_TRANSITION');
        open.confirmed = true;
        return [['PlanAdjustmentConfirmed'], p];
      }
      if (!open.confirmed) refuse('ADJUSTMENT_NOT_CONFIRMED');
      if (!open.approvers.includes(actor.role)) refuse(open.beyond ? 'EXECUTIVE_APPROVAL_REQUIRED' : 'APPROVAL_LEVEL_REQUIRED');
      c.open = undefined;
      if (!input.approve) return [['PlanAdjustmentDeclined'], p];
      c.budgetFen += open.extraFen;
      for (const milestone of c.milestones) if (milestone.name === open.milestone && open.newDueOn) milestone.dueOn = open.newDueOn;
      return [['PlanAdjustmentApproved'], p];
    }
    default:
      return undefined;
  }
}
