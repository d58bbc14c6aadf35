// The parts of a project's state: its reviews, quotation, tender, contract, demos, handover and solution request.
import type { Deadline } from './deadlines.js';
import type { StandardSolutionSent } from './events.js';
import type { Dispatch, DocumentRef, Money, ReviewSubject, Role, SignerStep, SigningCapacity, Vote } from './vocabulary.js';

/**
 * A document under review: submitted, its committee convened by an organiser (no reviewers until
 * then), then decided by its reviewers' votes, which are bound to the document's sha256.
 */
export interface Review {
  subject: ReviewSubject;
  version: number;
  document: DocumentRef;
  authorId?: string;
  reviewers: string[];
  approvalsNeeded: number;
  votes: Record<string, Vote>;
  status: 'AWAITING_REVIEWERS' | 'OPEN' | 'PASSED' | 'FAILED';
  /** The review's time limit, when it has one (a technical agreement's), as its submission started it. */
  clock?: Deadline;
}

export interface Quotation {
  version: number;
  amount: Money;
  document: DocumentRef;
  requiredApprovals: Role[];
  approvals: Array<{ role: Role; approverId: string }>;
}

/** PSM050 in the procedure's order: intent, loan, purchase, evaluation, final decision, then the bid's work, the opening. */
export interface Tender {
  /** 投标意向: the decision taken before the documents are bought. */
  intent?: 'BID' | 'NO_BID';
  /** The final decision, once the documents are evaluated. */
  decision?: 'BID' | 'NO_BID';
  openingOn?: string;
  loanSigned: boolean;
  documentsPurchased: boolean;
  documentsEvaluated: boolean;
  kickOffHeld: boolean;
  /** The technical bid's versions so far. */
  technicalBids: number;
  bondPaid: boolean;
  documentsChecked: boolean;
  sealed: boolean;
  submitted: boolean;
  openingRecorded: boolean;
}

/** Who signed a document with the customer, in which capacity (absent on signatures recorded before it was asked). */
export interface Signature {
  signerId: string;
  capacity?: SigningCapacity;
}

/** A document signed with the customer: its signature and, once filed, the scan of the signed paper. */
export interface Signed {
  signature?: Signature;
  scan?: DocumentRef;
}

export interface Contract extends Signed {
  version: number;
  document: DocumentRef;
  amount: Money;
  quotationVersion: number;
  chain: SignerStep[];
  /** Who countersigned, in chain order. */
  signers: string[];
  status: 'COUNTERSIGNING' | 'REJECTED' | 'COUNTERSIGNED' | 'SIGNED';
}

/** A demo by its number: planned, then held, then the customer's feedback. */
export interface Demo {
  number: number;
  held: boolean;
  feedback: boolean;
}

/** 客户满意度调查 by number: what its link answers, until it is answered once. */
export interface SatisfactionSurvey {
  number: number;
  tokenSha256: string;
  expiresAt: string;
  rates: string[];
  questions: Array<{ id: string; text: string }>;
  scale: { min: number; max: number };
  answered: boolean;
}

/** A handover list on its way to the delivery team: open until its named receiver confirms receipt. */
export interface Handover {
  receivedBy: string;
  oralAgreements: Array<{ sha256: string; title: string; confirmed: boolean }>;
  oralAgreementConfirmers: Role[];
  received: boolean;
}

/** 方案申请表 and what became of it: the dispatch's signature, the team's answer, a dispute and its binding decision. */
export interface SolutionRequest {
  status: 'AWAITING_DISPATCH_SIGNATURE' | 'AWAITING_ANSWER' | 'ACCEPTED' | 'DECLINED' | 'DISPUTED';
  need: string;
  requestedBy: string;
  onBehalfOf?: string;
  dispatch?: Dispatch & { status: 'AWAITING_SIGNATURE' | 'SIGNED' | 'REFUSED'; signers: Role[]; decidedBy?: string; comments?: string };
  answer?: { willMake: boolean; reason?: string; reply?: DocumentRef; answeredBy: string };
  dispute?: { raisedBy: string; reason: string; deciders: Role[]; decision?: { makeSolution: boolean; reasoning: string; decidedBy: string } };
}

/** 标准方案: the catalogue entry and version sent in place of a reviewed solution. */
export type StandardSolutionUse = StandardSolutionSent['data'];

