import { daysBetween, shanghaiDate } from '../policy/working-calendar.js';
import type { DecideBid, RecordBidResult, RecordBidStep, RecordNegotiation } from './commands.js';
import type { Responsibility } from '../policy/responsibilities.js';
import { approvedQuotation } from './decide-quotation.js';
import { defaultBondDueOn, summaryDeadline, tenderDeadlines } from './deadlines.js';
import { requireMoney, requireResponsibility, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { Project } from './state.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function decideBid(project: Project, { data }: DecideBid, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  if (project.tender.decision) refuse('INVALID_TRANSITION', 'the bid / no-bid decision is already taken');
  const reason = data.decision === 'NO_BID' ? requireText(data.reason, 'a reason for not bidding') : data.reason;
  const summary = data.decision === 'NO_BID' ? summaryDeadline(project, context) : {};
  return [{ type: 'BidDecided', data: { decision: data.decision, reason, decidedBy: context.actor.userId, ...summary } }];
}

/** Each bid step is a responsibility of its own: the profile says who buys, pays, checks and submits. */
const STEP_RESPONSIBILITY: Record<RecordBidStep['data']['step'], Responsibility> = {
  DOCUMENTS_PURCHASED: 'buyTenderDocuments', BOND_PAID: 'payBidBond', DOCUMENTS_CHECKED: 'checkBidDocuments', BID_SUBMITTED: 'submitBid',
};

/** Documents bought, bond paid, documents checked in time, bid submitted: in that order. */
export function recordBidStep(project: Project, { data }: RecordBidStep, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  const { tender } = project;
  if (tender.decision !== 'BID') refuse('INVALID_TRANSITION', 'decide to bid first');
  const today = shanghaiDate(context.now);
  requireResponsibility(context, STEP_RESPONSIBILITY[data.step]);
  switch (data.step) {
    case 'DOCUMENTS_PURCHASED': {
      if (tender.documentsPurchased) refuse('INVALID_TRANSITION', 'the tender documents are already purchased');
      const openingOn = data.openingOn;
      if (!openingOn || !ISO_DATE.test(openingOn) || daysBetween(today, openingOn) < 0) {
        return refuse('INVALID_INPUT', 'the bid opening date (YYYY-MM-DD, not in the past) is required');
      }
      const bondDueOn = data.bondDueOn ?? defaultBondDueOn(openingOn, context.policy);
      if (!ISO_DATE.test(bondDueOn) || daysBetween(bondDueOn, openingOn) < 0) refuse('INVALID_INPUT', 'the bond deadline (YYYY-MM-DD) falls on or before the opening');
      const checkDue = new Date(Date.parse(openingOn) - context.policy.sla.bidCheckDaysBeforeOpening * 86_400_000).toISOString().slice(0, 10);
      return [{ type: 'TenderDocumentsPurchased', data: { openingOn, bidDocumentsCheckDueOn: checkDue, deadlines: tenderDeadlines(checkDue, bondDueOn, context.policy) } }];
    }
    case 'BOND_PAID':
      if (!tender.documentsPurchased) refuse('INVALID_TRANSITION', 'purchase the tender documents first');
      if (tender.bondPaid) refuse('INVALID_TRANSITION', 'the bid bond is already paid');
      return [{ type: 'BidBondPaid', data: { amount: requireMoney(data.amount, 'the bid bond', context) } }];
    case 'DOCUMENTS_CHECKED':
      // 开标前3日内: planned for the 3 days before the opening; earlier is fine, later is overdue, never refused before the opening
      if (!tender.documentsPurchased) refuse('INVALID_TRANSITION', 'purchase the tender documents first');
      if (tender.documentsChecked) refuse('INVALID_TRANSITION', 'the bid documents are already checked');
      requireBeforeOpening(tender.openingOn!, today);
      return [{ type: 'BidDocumentsChecked', data: { checkedBy: context.actor.userId } }];
    case 'BID_SUBMITTED': {
      if (!tender.documentsChecked) refuse('INVALID_TRANSITION', 'the bid documents must be checked first');
      if (tender.submitted) refuse('INVALID_TRANSITION', 'the bid is already submitted');
      requireBeforeOpening(tender.openingOn!, today);
      // nothing is bid at an unapproved amount, as nothing is signed at one
      const quotation = approvedQuotation(project);
      const price = requireMoney(data.amount, 'our bid price', context);
      if (price.amount !== quotation.amount.amount || price.currency !== quotation.amount.currency) {
        refuse('QUOTATION_NOT_APPROVED', `our bid price ${price.amount} is not the approved quotation's amount (v${quotation.version}: ${quotation.amount.amount})`);
      }
      return [{ type: 'BidSubmitted', data: { price } }];
    }
  }
}

/** After the opening nothing can be checked or submitted for it: the tender is decided. */
function requireBeforeOpening(openingOn: string, today: string): void {
  if (daysBetween(today, openingOn) < 0) refuse('DEADLINE_PASSED', `the bid opening on ${openingOn} has passed`);
}

export function recordBidResult(project: Project, { data }: RecordBidResult, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  if (!project.tender.submitted) refuse('INVALID_TRANSITION', 'no bid has been submitted');
  const competitors = data.competitors?.length ? { competitors: data.competitors } : {};
  if (data.result === 'WON') return [{ type: 'BidWon', data: competitors }];
  if (!data.reasons?.length) refuse('REASON_REQUIRED', 'a loss records its reasons');
  return [{
    type: 'BidLost',
    data: {
      winner: requireText(data.winner, 'the winner'),
      // the winning price is recorded when the customer discloses it: a loss is recorded either way
      ...(data.winningPrice ? { winningPrice: requireMoney(data.winningPrice, 'the winning price', context) } : {}),
      ourPrice: requireMoney(data.ourPrice, 'our price', context),
      reasons: data.reasons!,
      notes: data.notes,
      ...competitors,
      ...summaryDeadline(project, context),
    },
  }];
}

export function recordNegotiation(project: Project, { data }: RecordNegotiation): ProjectEvent[] {
  requireStage(project, 'PSM060_NEGOTIATION');
  return [{ type: 'NegotiationRecorded', data: { notes: requireText(data.notes, 'the negotiation notes'), document: data.document } }];
}
