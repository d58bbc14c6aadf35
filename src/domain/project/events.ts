import type {
  Channel,
  DeclinedSubject,
  Dispatch,
  DocumentRef,
  HandoverItem,
  LeadImportance,
  Milestone,
  Money,
  OutcomeReason,
  ProcurementMethod,
  ProjectClass,
  ReviewScores,
  ReviewSubject,
  Role,
  SignedDocument,
  SignerStep,
  SigningCapacity,
  Vote,
} from './vocabulary.js';
import type { Event, Starts } from './event-shape.js';
import type { BidAdvised, BidDecided, BidLoanSigned, TenderDocumentsPurchased, TenderDocumentsEvaluated, BidKickOffHeld, TechnicalBidSubmitted, BidBondPaid, BidDocumentsChecked, BidSealed, BidSubmitted, BidOpeningRecorded, BidWon, BidLost } from './tender-events.js';
import type { CollaborationRated, SatisfactionSurveyAnswered, SatisfactionSurveySent } from './kpi-events.js';
import type { SalesControlEvent } from './sales-control-events.js';
import type { TrackingNoteAdded, WeeklyTrackingReported, ChallengeRaised, ChallengeAnswered, MeetingMemoRecorded, DemoPlanned, DemoHeld, DemoFeedbackRecorded, CompetitorNoted, CustomerConfirmed, SentToCustomer, SigningBooked } from './events-around-the-steps.js';

export type * from './tender-events.js';
export type * from './events-around-the-steps.js';
export type * from './kpi-events.js';
export type * from './sales-control-events.js';


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
export type ReviewPassed = Event<'ReviewPassed', {
  subject: ReviewSubject;
  version: number;
  approvals: number;
  /** A solution revised after the project left PSM030 (tender, negotiation): it passes where the project stands. */
  revision?: true;
}>;
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
/** `warRoomMeeting`: the sponsor proposed the stop at that war-room meeting (document 004); absent on a request of its own. */
export type TerminationRequested = Event<'TerminationRequested', { reason: string; requestedBy: string; deciders: Role[]; warRoomMeeting?: number }>;
/** The customer declined the solution, the technical agreement or a contract: the project ends as closed, neither lost nor terminated. */
export type CustomerDeclined = Event<'CustomerDeclined', { subject: DeclinedSubject; reason: string; recordedBy: string } & Starts>;
export type ProjectTerminated = Event<'ProjectTerminated', { decidedBy: string; comments?: string } & Starts>;
export type TerminationDeclined = Event<'TerminationDeclined', { decidedBy: string; comments: string }>;
/**
 * 文档移交清单 handed to the delivery team's engineer named: the documents the project holds and those
 * the account manager added. Oral agreements in it wait for the confirmers' word before the receipt.
 * Version 2; lists of version 1 (documents without kinds) read as UNCLASSIFIED items.
 */
export type ProjectHandedOver = Event<'ProjectHandedOver', {
  receivedBy: string;
  /** Absent on lists handed over before it was recorded (version 1). */
  handedOverBy?: string;
  items: HandoverItem[];
  /** The roles that confirm an oral agreement put in writing (the policy's, when handed over). */
  oralAgreementConfirmers: Role[];
}>;
/** 口头协议书面化 confirmed (COO 签字确认) by one of the confirmers the handover names. */
export type OralAgreementConfirmed = Event<'OralAgreementConfirmed', { sha256: string; title: string; confirmedBy: string }>;
/** The named receiver confirms they received the list and its documents: the handover is closed. */
export type HandoverReceived = Event<'HandoverReceived', { receivedBy: string }>;
/** 项目总结 (S4 第六步, 表5): the summary meeting's people and day, the reasons, the report and its lessons. */
export type ProjectSummarized = Event<'ProjectSummarized', {
  /** NOT_BID: a tender the project did not bid for (summaries written before it existed say LOST). */
  outcome: 'WON' | 'LOST' | 'TERMINATED' | 'NOT_BID' | 'CUSTOMER_DECLINED';
  /** Why it was won (a won project) or lost, ended or not bid (any other). */
  reasons: OutcomeReason[];
  text: string;
  /** 项目总结会: who took part (user ids or names); version 1 summaries name nobody. */
  participants: string[];
  /** The day of the summary meeting (YYYY-MM-DD), when one was held. */
  meetingOn?: string;
  /** 经验教训 the lessons, for the knowledge base. */
  lessons?: string;
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
  | BidAdvised
  | BidDecided
  | BidLoanSigned
  | TenderDocumentsPurchased
  | TenderDocumentsEvaluated
  | BidKickOffHeld
  | TechnicalBidSubmitted
  | BidBondPaid
  | BidDocumentsChecked
  | BidSealed
  | BidSubmitted
  | BidOpeningRecorded
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
  | OralAgreementConfirmed
  | HandoverReceived
  | ProjectSummarized
  | TrackingNoteAdded
  | WeeklyTrackingReported
  | ChallengeRaised
  | ChallengeAnswered
  | MeetingMemoRecorded
  | DemoPlanned
  | DemoHeld
  | DemoFeedbackRecorded
  | CompetitorNoted
  | CustomerConfirmed
  | SentToCustomer
  | SigningBooked
  | DocumentAttached
  | SatisfactionSurveySent
  | SatisfactionSurveyAnswered
  | CollaborationRated
  | SalesControlEvent;

export type ProjectEventType = ProjectEvent['type'];

