import { quotationApprovers, raisedByQuotation } from '../policy/policy.js';
import type { ApproveQuotation, ChooseProcurement, SubmitQuotation } from './commands.js';
import { requireMoney, requireSameDocument, requireStage, type DecisionContext } from './decision-context.js';
import { requireConfirmed } from './decide-customer.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { Project, Quotation } from './state.js';

const QUOTING_STAGES = ['PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT'] as const;

export const isFullyApproved = (quotation: Quotation): boolean =>
  quotation.requiredApprovals.every((role) => quotation.approvals.some((approval) => approval.role === role));

/** The quotation in force, fully approved: nothing is offered or signed on an unapproved amount. */
export function approvedQuotation(project: Project): Quotation {
  const quotation = project.quotation;
  if (!quotation) return refuse('QUOTATION_NOT_APPROVED', 'no quotation has been submitted');
  if (!isFullyApproved(quotation)) {
    refuse('QUOTATION_NOT_APPROVED', `quotation v${quotation.version} still needs ${quotation.requiredApprovals.join(' and ')} approval`);
  }
  return quotation;
}

/** A new quotation (a new amount) voids the approvals of the previous one; routing is fixed now. */
export function submitQuotation(project: Project, { data }: SubmitQuotation, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...QUOTING_STAGES);
  if (project.contract?.status === 'SIGNED') refuse('INVALID_TRANSITION', 'the contract is signed');
  // 解决方案、系统预算…得到客户认可: a price follows the solution the customer accepted, the version in force; on the
  // standard route (标准方案) it follows the catalogue's reference solution sent, unless a solution of the project's own is filed since
  const { solution } = project;
  const standardRoute = project.standardSolution !== undefined && (!solution || solution.status === 'FAILED');
  if (!standardRoute) {
    if (solution?.status !== 'PASSED') refuse('INVALID_TRANSITION', `solution v${solution?.version} is under revision: it is reviewed and accepted before a quotation`);
    requireConfirmed(project, 'SOLUTION', solution!.version, 'a quotation');
  }
  const amount = requireMoney(data.amount, 'the quotation amount', context);
  // a GENERAL project quoted above the MAJOR threshold becomes MAJOR: this quotation and every later step follow that class
  const raised: ProjectEvent[] = project.projectClass !== undefined && raisedByQuotation(context.policy, project.projectClass, amount.amount)
    ? [{ type: 'ProjectClassRaised', data: { from: 'GENERAL', to: 'MAJOR', reason: 'QUOTATION_ABOVE_THRESHOLD', amount } }]
    : [];
  const projectClass = raised.length ? 'MAJOR' : (project.projectClass ?? 'GENERAL');
  const requiredApprovals = quotationApprovers(context.policy, projectClass, amount.amount);
  const version = (project.quotation?.version ?? 0) + 1;
  return [...raised, { type: 'QuotationSubmitted', data: { version, amount, document: data.document, requiredApprovals } }];
}

export function approveQuotation(project: Project, { data }: ApproveQuotation, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...QUOTING_STAGES);
  const quotation = project.quotation;
  if (!quotation) return refuse('INVALID_TRANSITION', 'no quotation has been submitted');
  const approverId = context.actor.userId;
  if (quotation.approvals.some((approval) => approval.approverId === approverId)) {
    refuse('ALREADY_VOTED', `${approverId} has already approved quotation v${quotation.version}`);
  }
  const pending = quotation.requiredApprovals.filter((role) => !quotation.approvals.some((approval) => approval.role === role));
  const role = context.actor.roles.find((held) => pending.includes(held));
  if (!role) {
    return refuse('APPROVAL_LEVEL_REQUIRED', pending.length
      ? `quotation v${quotation.version} (${quotation.amount.amount} fen) awaits ${pending.join(' and ')}`
      : `quotation v${quotation.version} is already approved`);
  }
  requireSameDocument(data.documentSha256, quotation.document.sha256, 'quotation');
  return [{ type: 'QuotationApproved', data: { version: quotation.version, role, approverId, documentSha256: data.documentSha256 } }];
}

export function chooseProcurement(project: Project, { data }: ChooseProcurement): ProjectEvent[] {
  requireStage(project, 'PSM040_QUOTATION');
  approvedQuotation(project);
  return [{ type: 'ProcurementChosen', data: { method: data.method } }];
}
