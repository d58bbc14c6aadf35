import { daysBetween, shanghaiDate } from '../policy/working-calendar.js';
import type { DecideBid, RecordBidResult, RecordBidStep, RecordNegotiation } from './commands.js';
import type { Responsibility } from '../policy/responsibilities.js';
import { approvedQuotation } from './decide-quotation.js';
import { bidCheckDueOn, defaultBondDueOn, summaryDeadline, tenderDeadlines } from './deadlines.js';
import { requireMoney, requireResponsibility, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { Project } from './state.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The bid decider decides twice: the intent (投标意向) before the documents are bought, and the final
 * decision once they are evaluated (S3 4: 评估…最终决定是否参与投标). Either NO_BID ends the project.
 */
export function decideBid(project: Project, { data }: DecideBid, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  const { tender } = project;
  if (tender.decision) refuse('INVALID_TRANSITION', 'the final bid / no-bid decision is already taken');
  if (tender.intent && !tender.documentsPurchased) refuse('INVALID_TRANSITION', 'the bid intent is decided: buy the tender documents, evaluate them, then decide');
  if (tender.intent && !tender.documentsEvaluated) refuse('INVALID_TRANSITION', 'evaluate the tender documents before the final bid decision');
  const phase = tender.intent ? 'FINAL' : 'INTENT';
  const reason = data.decision === 'NO_BID' ? requireText(data.reason, 'a reason for not bidding') : data.reason;
  const summary = data.decision === 'NO_BID' ? summaryDeadline(project, context) : {};
  return [{ type: 'BidDecided', data: { decision: data.decision, reason, decidedBy: context.actor.userId, phase, ...summary } }];
}

/** Each bid step is a responsibility of its own: the profile says who signs the loan, buys, pays, checks, seals and submits. */
const STEP_RESPONSIBILITY: Record<RecordBidStep['data']['step'], Responsibility> = {
  LOAN_SIGNED: 'signBidLoan', DOCUMENTS_PURCHASED: 'buyTenderDocuments', BOND_PAID: 'payBidBond', DOCUMENTS_CHECKED: 'checkBidDocuments',
  DOCUMENTS_SEALED: 'sealBid', BID_SUBMITTED: 'submitBid',
};

/** The final decision is BID: the bid's own work may go on. */
export function requireBidding(project: Project): void {
  requireStage(project, 'PSM050_TENDER');
  if (project.tender.decision !== 'BID') refuse('INVALID_TRANSITION', project.tender.intent === 'BID' ? 'evaluate the tender documents and take the final bid decision first' : 'decide to bid first');
}

/**
 * On the intent to bid: the loan signed, the documents bought. On the final decision to bid: the bond paid,
 * the documents checked in time, then bound and sealed, then the bid submitted.
 */
export function recordBidStep(project: Project, { data }: RecordBidStep, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  const { tender } = project;
  if (data.step === 'LOAN_SIGNED' || data.step === 'DOCUMENTS_PURCHASED') {
    if (tender.intent !== 'BID') refuse('INVALID_TRANSITION', 'decide to bid first');
  } else {
    requireBidding(project);
  }
  const today = shanghaiDate(context.now);
  requireResponsibility(context, STEP_RESPONSIBILITY[data.step]);
  switch (data.step) {
    case 'LOAN_SIGNED':
      // 购买标书借款单由部长签字: signed before finance pays for the documents
      if (tender.documentsPurchased) refuse('INVALID_TRANSITION', 'the tender documents are already purchased');
      if (tender.loanSigned) refuse('INVALID_TRANSITION', 'the loan for the tender documents is already signed');
      return [{ type: 'BidLoanSigned', data: { fee: requireMoney(data.amount, 'the tender documents\' fee', context), signedBy: context.actor.userId } }];
    case 'DOCUMENTS_PURCHASED': {
      if (tender.documentsPurchased) refuse('INVALID_TRANSITION', 'the tender documents are already purchased');
      const openingOn = data.openingOn;
      if (!openingOn || !ISO_DATE.test(openingOn) || daysBetween(today, openingOn) < 0) {
        return refuse('INVALID_INPUT', 'the bid opening date (YYYY-MM-DD, not in the past) is required');
      }
      const bondDueOn = data.bondDueOn ?? defaultBondDueOn(openingOn, context.policy);
      if (!ISO_DATE.test(bondDueOn) || daysBetween(bondDueOn, openingOn) < 0) refuse('INVALID_INPUT', 'the bond deadline (YYYY-MM-DD) falls on or before the opening');
      if (data.purchaseClosesOn !== undefined && (!ISO_DATE.test(data.purchaseClosesOn) || daysBetween(data.purchaseClosesOn, openingOn) < 0)) {
        refuse('INVALID_INPUT', 'the purchase deadline (YYYY-MM-DD) falls no later than the opening');
      }
      const checkDue = bidCheckDueOn(openingOn, context.policy);
      return [{
        type: 'TenderDocumentsPurchased',
        data: {
          openingOn, bidDocumentsCheckDueOn: checkDue,
          ...(data.amount ? { fee: requireMoney(data.amount, 'the tender documents\' fee', context) } : {}),
          ...(data.purchaseClosesOn ? { purchaseClosesOn: data.purchaseClosesOn } : {}),
          deadlines: tenderDeadlines(checkDue, bondDueOn, context.policy),
        },
      }];
    }
    case 'BOND_PAID':
      // a decision recorded before intent and final were told apart came before the purchase
      if (!tender.documentsPurchased) refuse('INVALID_TRANSITION', 'purchase the tender documents first');
      if (tender.bondPaid) refuse('INVALID_TRANSITION', 'the bid bond is already paid');
      return [{ type: 'BidBondPaid', data: { amount: requireMoney(data.amount, 'the bid bond', context) } }];
    case 'DOCUMENTS_CHECKED':
      // 开标前3日内: planned for the 3 days before the opening; earlier is fine, later is overdue, never refused before the opening
      if (!tender.documentsPurchased) refuse('INVALID_TRANSITION', 'purchase the tender documents first');
      if (tender.documentsChecked) refuse('INVALID_TRANSITION', 'the bid documents are already checked');
      requireBeforeOpening(tender.openingOn!, today);
      return [{ type: 'BidDocumentsChecked', data: { checkedBy: context.actor.userId } }];
    case 'DOCUMENTS_SEALED':
      // 对确认后的标书进行编制及装订 / 审核通过后…密封和装订: what is sealed is the checked bid
      if (!tender.documentsChecked) refuse('INVALID_TRANSITION', 'the bid documents must be checked before they are bound and sealed');
      if (tender.sealed) refuse('INVALID_TRANSITION', 'the bid is already sealed');
      if (!data.delivery) refuse('INVALID_INPUT', 'how the sealed bid goes to the opening (POST, COURIER or IN_PERSON) is required');
      requireBeforeOpening(tender.openingOn!, today);
      return [{ type: 'BidSealed', data: { delivery: data.delivery!, sealedBy: context.actor.userId } }];
    case 'BID_SUBMITTED': {
      if (!tender.documentsChecked) refuse('INVALID_TRANSITION', 'the bid documents must be checked first');
      if (!tender.sealed) refuse('INVALID_TRANSITION', 'the bid must be bound and sealed first');
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

/** After the opening nothing can be prepared, checked, sealed or submitted for it: the tender is decided. */
export function requireBeforeOpening(openingOn: string, today: string): void {
  if (daysBetween(today, openingOn) < 0) refuse('DEADLINE_PASSED', `the bid opening on ${openingOn} has passed`);
}

export function recordBidResult(project: Project, { data }: RecordBidResult, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM050_TENDER');
  if (!project.tender.submitted) refuse('INVALID_TRANSITION', 'no bid has been submitted');
  const competitors = data.competitors?.length ? { competitors: data.competitors } : {};
  // 分析中标、落标原因,并分享: why it was won is recorded when known, why it was lost always
  if (data.result === 'WON') {
    return [{ type: 'BidWon', data: { ...competitors, ...(data.reasons?.length ? { reasons: data.reasons } : {}), ...(data.notes?.trim() ? { notes: data.notes } : {}) } }];
  }
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
