import type {
  Channel,
  Dispatch,
  DocumentRef,
  Milestone,
  Money,
  OutcomeReason,
  ProcurementMethod,
  ProjectClass,
  ReviewScores,
  ReviewSubject,
  Role,
  SignerStep,
  LeadImportance,
  TrackingKind,
  Vote,
  DeclinedSubject,
  SignedDocument,
  SigningCapacity,
} from './vocabulary.js';
import type { Deadline } from './deadlines.js';

type Event<Type extends string, Data> = { type: Type; data: Data };
/** The SLA clocks an event starts (absent on events written before the clocks, and where it starts none). */
type Starts = { deadlines?: Deadline[] };

export type LeadRegistered = Event<'LeadRegistered', {
  projectId: string;
  title: string;
  customer: string;
  contact: { name: string; phone?: string; email?: string };
  need: string;
  channel: Channel;
  estimatedAmount: Money;
  region: string;
  productLine: string;
  ownerId: string;
  /** The business unit the lead was registered in: the registrant's; absent in a single-unit company. */
  businessUnit?: string;
}>;
export type LeadQualified = Event<'LeadQualified', { screenedBy: string }>;
export type LeadRejected = Event<'LeadRejected', { screenedBy: string; reason: string }>;
/** The lead went to another business unit: proposed by its screener, approved by the forward approver (absent on events before approval was asked). */
export type LeadForwarded = Event<'LeadForwarded', { screenedBy: string; businessUnit: string; reason?: string; approvedBy?: string }>;
/** A screener without the right to forward proposes it; the lead waits for the forward approver (部长). */
export type LeadForwardProposed = Event<'LeadForwardProposed', { proposedBy: string; businessUnit: string; reason?: string }>;
export type LeadForwardDeclined = Event<'LeadForwardDeclined', { decidedBy: string; comments: string }>;
/** 分派: the lead is handed to an account manager, who owns it from now on (visibility and per-owner reports follow). */
export type LeadAssigned = Event<'LeadAssigned', { ownerId: string; previousOwnerId: string; assignedBy: string; reason?: string }>;
/** An unclear lead is sent to the evaluator (部长) with the question to answer. */
export type LeadEvaluationRequested = Event<'LeadEvaluationRequested', { requestedBy: string; question: string }>;
/** 确定项目参与程度或重要程度: the evaluator sets the lead's importance. */
export type LeadEvaluated = Event<'LeadEvaluated', { importance: LeadImportance; evaluatedBy: string; comments?: string }>;
export type ProjectApproved = Event<'ProjectApproved', {
  projectClass: ProjectClass;
  approvedBy: string;
  sponsorId: string;
  presalesEngineerId?: string;
  hasMatureReference: boolean;
  /** 研发中心参与修改软件: the project needs R&D changes (absent on events written before it was asked). */
  needsRndChanges?: boolean;
  milestones: Milestone[];
  presalesBudget: Money;
  plan?: DocumentRef;
}>;
/** A GENERAL project became MAJOR: a quotation above the MAJOR threshold. Its later approvals follow the new class. */
export type ProjectClassRaised = Event<'ProjectClassRaised', { from: ProjectClass; to: ProjectClass; reason: 'QUOTATION_ABOVE_THRESHOLD'; amount: Money }>;
/**
 * 方案申请表: the account manager (or the supervisor on their behalf, `onBehalfOf` the owner) asks the technical
 * team for a solution. With a dispatch (申请派人交流单) it first waits for the director's signature, and the
 * team's clock starts then; without one, the clock starts here.
 */
export type SolutionRequested = Event<'SolutionRequested', {
  need: string;
  requestedBy: string;
  onBehalfOf?: string;
  dispatch?: Dispatch;
  /** The roles that sign the dispatch, under the policy in force. */
  dispatchSigners?: Role[];
} & Starts>;
/** 部长签字: the director signed the dispatch request; the request goes on to the technical team. */
export type DispatchRequestSigned = Event<'DispatchRequestSigned', { signedBy: string; comments?: string } & Starts>;
/** The director refused the trip: the request goes on to the technical team without it. */
export type DispatchRequestRefused = Event<'DispatchRequestRefused', { decidedBy: string; comments: string } & Starts>;
/** The technical team's answer: it makes the solution, or its manager declines in writing (书面回复, `reply` the letter filed with sales). */
export type SolutionRequestAnswered = Event<'SolutionRequestAnswered', { willMake: boolean; reason?: string; reply?: DocumentRef; answeredBy: string }>;
/** 异议: sales disputes the team's refusal; the deciders (销售总经理) under the policy in force. */
export type SolutionAnswerDisputed = Event<'SolutionAnswerDisputed', { raisedBy: string; reason: string; deciders: Role[] }>;
/** 评判: the sales GM's decision, which binds: `makeSolution` makes the request accepted. */
export type SolutionDisputeDecided = Event<'SolutionDisputeDecided', { makeSolution: boolean; reasoning: string; decidedBy: string }>;
/**
 * 标准方案 (document 003 L33, 001 L447): a standard mature product's reference solution and reference price, from
 * the catalogue, went to the customer; the project goes on to its quotation without a committee review.
 */
export type StandardSolutionSent = Event<'StandardSolutionSent', {
  entryId: string;
  name: string;
  version: number;
  referenceSolution: DocumentRef;
  referencePrice: Money;
  sentBy: string;
}>;
export type ExchangeRecorded = Event<'ExchangeRecorded', {
  summary: string;
  surveyNeeded: boolean;
  memo?: DocumentRef;
  /** Set when no survey follows: the solution's due date under the policy in force. */
  solutionDueOn?: string;
} & Starts>;
export type SurveyCompleted = Event<'SurveyCompleted', { summary: string; report?: DocumentRef; solutionDueOn: string } & Starts>;
/**
 * A document submitted for review; the profile's organisers convene its committee (ReviewConvened).
 * Events written before reviews were organised carry the author's reviewers and budget instead: their
 * review opened at submission.
 */
interface Submitted {
  version: number;
  document: DocumentRef;
  /** Who wrote it: never among its reviewers. */
  authorId?: string;
  /** The roles that convene its review, under the policy in force. */
  organisers?: Role[];
  reviewers?: string[];
  approvalsNeeded?: number;
}
export type SolutionSubmitted = Event<'SolutionSubmitted', Submitted & { systemBudget?: Money }>;
/** 系统预算: the account manager sets the system budget of the solution. */
export type SystemBudgetSet = Event<'SystemBudgetSet', { systemBudget: Money; setBy: string }>;
/** The organiser convenes the committee of one version: its reviewers, and the approvals that pass it. */
export type ReviewConvened = Event<'ReviewConvened', {
  subject: ReviewSubject;
  version: number;
  reviewers: string[];
  approvalsNeeded: number;
  convenedBy: string;
} & Starts>;
export type ReviewVoteCast = Event<'ReviewVoteCast', {
  subject: ReviewSubject;
  version: number;
  reviewerId: string;
  vote: Vote;
  comments?: string;
  documentSha256: string;
  /** A reviewer's scores of a solution (合理性, 创新性, 完整性), for the quality KPI. */
  scores?: ReviewScores;
}>;
export type ReviewPassed = Event<'ReviewPassed', { subject: ReviewSubject; version: number; approvals: number }>;
export type ReviewFailed = Event<'ReviewFailed', { subject: ReviewSubject; version: number; reviewerId: string; comments: string }>;
export type QuotationSubmitted = Event<'QuotationSubmitted', {
  version: number;
  amount: Money;
  document: DocumentRef;
  requiredApprovals: Role[];
}>;
export type QuotationApproved = Event<'QuotationApproved', {
  version: number;
  role: Role;
  approverId: string;
  documentSha256: string;
}>;
export type ProcurementChosen = Event<'ProcurementChosen', { method: ProcurementMethod }>;
export type BidDecided = Event<'BidDecided', { decision: 'BID' | 'NO_BID'; reason?: string; decidedBy: string } & Starts>;
export type TenderDocumentsPurchased = Event<'TenderDocumentsPurchased', { openingOn: string; bidDocumentsCheckDueOn: string } & Starts>;
export type BidBondPaid = Event<'BidBondPaid', { amount: Money }>;
export type BidDocumentsChecked = Event<'BidDocumentsChecked', { checkedBy: string }>;
export type BidSubmitted = Event<'BidSubmitted', { price: Money }>;
export type BidWon = Event<'BidWon', { competitors?: string[] }>;
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
export type NegotiationRecorded = Event<'NegotiationRecorded', { notes: string; document?: DocumentRef }>;
export type TechnicalAgreementSubmitted = Event<'TechnicalAgreementSubmitted', Submitted & {
  /** The agreement is signed on site: its review is due within hours. */
  signingOnSite?: boolean;
  /** 用户自拟: the customer wrote it. */
  customerWritten?: boolean;
} & Starts>;
/** capacity is absent on events written before it was asked: the signer was then the technical lead, or the owner without one. */
export type TechnicalAgreementSigned = Event<'TechnicalAgreementSigned', { version: number; signerId: string; capacity?: SigningCapacity; documentSha256: string }>;
export type ContractDrafted = Event<'ContractDrafted', {
  version: number;
  document: DocumentRef;
  amount: Money;
  quotationVersion: number;
  chain: SignerStep[];
  /** The contract is signed on site: its review is due within hours. */
  signingOnSite?: boolean;
} & Starts>;
export type ContractCountersigned = Event<'ContractCountersigned', {
  version: number;
  step: number;
  signerId: string;
  role: Role;
  documentSha256: string;
}>;
export type CountersignRejected = Event<'CountersignRejected', {
  version: number;
  step: number;
  signerId: string;
  role: Role;
  comments: string;
}>;
/** signerId and capacity are absent on events written before they were asked: the owner signed then. */
export type ContractSigned = Event<'ContractSigned', {
  version: number;
  amount: Money;
  signedOn: string;
  document: DocumentRef;
  signerId?: string;
  capacity?: SigningCapacity;
} & Starts>;
/** 部门领导 names who signs a document with the customer on their behalf (代表人), for this project. */
export type SigningRepresentativeNamed = Event<'SigningRepresentativeNamed', { document: SignedDocument; userId: string; namedBy: string }>;
/** 纸质签字版: the signed paper's scan, its own document, linked to the electronic version it signs. */
export type SignedScanArchived = Event<'SignedScanArchived', { document: SignedDocument; scan: DocumentRef; signedVersionSha256: string; archivedBy: string }>;
export type TerminationRequested = Event<'TerminationRequested', { reason: string; requestedBy: string; deciders: Role[] }>;
/** The customer declined the solution, the technical agreement or a contract: the project ends as closed, neither lost nor terminated. */
export type CustomerDeclined = Event<'CustomerDeclined', { subject: DeclinedSubject; reason: string; recordedBy: string } & Starts>;
export type ProjectTerminated = Event<'ProjectTerminated', { decidedBy: string; comments?: string } & Starts>;
export type TerminationDeclined = Event<'TerminationDeclined', { decidedBy: string; comments: string }>;
export type ProjectHandedOver = Event<'ProjectHandedOver', { receivedBy: string; documents: DocumentRef[] }>;
export type ProjectSummarized = Event<'ProjectSummarized', {
  /** NOT_BID: a tender the project did not bid for (summaries written before it existed say LOST). */
  outcome: 'WON' | 'LOST' | 'TERMINATED' | 'NOT_BID' | 'CUSTOMER_DECLINED';
  reasons: OutcomeReason[];
  text: string;
}>;
export type TrackingNoteAdded = Event<'TrackingNoteAdded', {
  kind: TrackingKind;
  note: string;
  nextAction?: string;
  nextActionOn?: string;
}>;
/** 演示方案: a demo planned for the customer: who it is for, where it runs, what it shows and for how long. */
export type DemoPlanned = Event<'DemoPlanned', {
  number: number;
  audience: string;
  environment: string;
  agenda: string;
  durationMinutes: number;
  /** The day agreed with the customer (YYYY-MM-DD), when one is. */
  plannedOn?: string;
  plannedBy: string;
}>;
/** 演示实施: the demo was held, by whom and on which day; counted per presenter in the month it was held. */
export type DemoHeld = Event<'DemoHeld', { number: number; presenters: string[]; heldOn: string }>;
/** 客户反馈: what the customer said of the demo. */
export type DemoFeedbackRecorded = Event<'DemoFeedbackRecorded', { number: number; feedback: string }>;
/** 竞争信息: what is known of a competitor on this project, and who reported it. */
export type CompetitorNoted = Event<'CompetitorNoted', {
  competitor: string;
  strengths?: string;
  weaknesses?: string;
  /** Their price, where known. */
  price?: Money;
  reportedBy: string;
}>;
export type DocumentAttached = Event<'DocumentAttached', { kind: string; version: string } & DocumentRef>;

export type ProjectEvent =
  | LeadRegistered
  | LeadQualified
  | LeadRejected
  | LeadForwarded
  | LeadForwardProposed
  | LeadForwardDeclined
  | LeadAssigned
  | LeadEvaluationRequested
  | LeadEvaluated
  | ProjectApproved
  | ProjectClassRaised
  | SolutionRequested
  | DispatchRequestSigned
  | DispatchRequestRefused
  | SolutionRequestAnswered
  | SolutionAnswerDisputed
  | SolutionDisputeDecided
  | StandardSolutionSent
  | ExchangeRecorded
  | SurveyCompleted
  | SolutionSubmitted
  | SystemBudgetSet
  | ReviewConvened
  | ReviewVoteCast
  | ReviewPassed
  | ReviewFailed
  | QuotationSubmitted
  | QuotationApproved
  | ProcurementChosen
  | BidDecided
  | TenderDocumentsPurchased
  | BidBondPaid
  | BidDocumentsChecked
  | BidSubmitted
  | BidWon
  | BidLost
  | NegotiationRecorded
  | TechnicalAgreementSubmitted
  | TechnicalAgreementSigned
  | ContractDrafted
  | ContractCountersigned
  | CountersignRejected
  | ContractSigned
  | SigningRepresentativeNamed
  | SignedScanArchived
  | TerminationRequested
  | CustomerDeclined
  | ProjectTerminated
  | TerminationDeclined
  | ProjectHandedOver
  | ProjectSummarized
  | TrackingNoteAdded
  | DemoPlanned
  | DemoHeld
  | DemoFeedbackRecorded
  | CompetitorNoted
  | DocumentAttached;

export type ProjectEventType = ProjectEvent['type'];

