import type { Event, Starts } from './event-shape.js';
import type { BidDecisionPhase, BidDelivery, DocumentRef, Money, OutcomeReason } from './vocabulary.js';

// PSM050 as it happens: advice, decisions, the documents, the bid's work, the opening and the result.

/** 投标建议: the account manager's advice to bid or not, before the decision it informs. */
export type BidAdvised = Event<'BidAdvised', { advice: 'BID' | 'NO_BID'; reason?: string; advisedBy: string }>;
/**
 * The bid decider's decision: the intent (投标意向) before the documents are bought, then the final one once
 * they are evaluated. phase is absent on decisions written before the two were told apart: that one decision was both.
 */
export type BidDecided = Event<'BidDecided', { decision: 'BID' | 'NO_BID'; reason?: string; decidedBy: string; phase?: BidDecisionPhase } & Starts>;
/** 购买标书借款单: the loan for the tender documents' fee, signed by the director before finance pays. */
export type BidLoanSigned = Event<'BidLoanSigned', { fee: Money; signedBy: string }>;
export type TenderDocumentsPurchased = Event<'TenderDocumentsPurchased', {
  openingOn: string;
  bidDocumentsCheckDueOn: string;
  /** 标书费用, when the documents cost something (absent on purchases recorded before it was asked). */
  fee?: Money;
  /** 购买标书期限: the last day the tenderer sold the documents, YYYY-MM-DD. */
  purchaseClosesOn?: string;
} & Starts>;
/** 评估标书: the documents' contents and terms evaluated, by whom, before the final bid decision. */
export type TenderDocumentsEvaluated = Event<'TenderDocumentsEvaluated', { findings: string; evaluators: string[]; evaluatedBy: string }>;
/** One share of the bid's writing (分工) given at the kick-off, with its 时间节点 when set. */
export interface BidAssignment {
  assignee: string;
  task: string;
  /** YYYY-MM-DD, not after the opening. */
  dueOn?: string;
}
/** 碰头会议: the tender and the customer analysed, and the bid's writing divided. */
export type BidKickOffHeld = Event<'BidKickOffHeld', { attendees: string[]; assignments: BidAssignment[]; notes?: string; heldBy: string }>;
/** 投标技术方案与项目成本: the technical team's part of the bid, by version. */
export type TechnicalBidSubmitted = Event<'TechnicalBidSubmitted', { version: number; document: DocumentRef; cost: Money; submittedBy: string }>;
export type BidBondPaid = Event<'BidBondPaid', { amount: Money }>;
export type BidDocumentsChecked = Event<'BidDocumentsChecked', { checkedBy: string }>;
/** 装订密封、邮寄: the checked bid bound and sealed, and how it goes to the opening. */
export type BidSealed = Event<'BidSealed', { delivery: BidDelivery; sealedBy: string }>;
export type BidSubmitted = Event<'BidSubmitted', { price: Money }>;
/** One bidder at the opening as read out (开标记录): the name, and its price when read. */
export interface OpeningBidder {
  bidder: string;
  price?: Money;
}
/** 开标: who went, the bid presented (讲解), the technical questions answered (答疑), and the other bidders. */
export type BidOpeningRecorded = Event<'BidOpeningRecorded', {
  attendees: string[];
  presentation?: string;
  technicalQuestions?: string;
  bidders: OpeningBidder[];
  recordedBy: string;
}>;
/** reasons and notes: why it was won (分析中标原因), absent on wins recorded before they were asked. */
export type BidWon = Event<'BidWon', { competitors?: string[]; reasons?: OutcomeReason[]; notes?: string }>;
export type BidLost = Event<'BidLost', {
  winner: string;
  /** Absent when the customer did not disclose it. */
  winningPrice?: Money;
  ourPrice: Money;
  reasons: OutcomeReason[];
  notes?: string;
  /** Other bidders met at the opening. */
  competitors?: string[];
} & Starts>;
