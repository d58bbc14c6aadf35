import type { SatisfactionSurveySent } from './kpi-events.js';
import type { BidAssignment, CompetitorNoted, DemoPlanned, DocumentAttached, LeadRegistered, MeetingMemoRecorded, OpeningBidder, ProjectSummarized, TrackingNoteAdded } from './events.js';
import type {
  BidDelivery,
  BidStep,
  DocumentRef,
  HandoverItem,
  Milestone,
  Money,
  OutcomeReason,
  ProcurementMethod,
  ReviewScores,
  ReviewSubject,
  Role,
  DeclinedSubject,
  Dispatch,
  LeadImportance,
  SignedDocument,
  SigningCapacity,
  ConfirmedSubject,
  SentDocument,
} from './vocabulary.js';

import type { AdjustmentKind, PresalesCost, SalesPlanContent, WarRoomDecision } from './sales-control-vocabulary.js';

type Command<Type extends string, Data> = { type: Type; data: Data };

export type RegisterLead = Command<'RegisterLead', Omit<LeadRegistered['data'], 'ownerId'>>;
export type ScreenLead = Command<'ScreenLead', {
  decision: 'QUALIFY' | 'REJECT' | 'FORWARD';
  reason?: string;
  businessUnit?: string;
}>;
export type AssignLead = Command<'AssignLead', { ownerId: string; reason?: string }>;
export type DecideForward = Command<'DecideForward', { approve: boolean; comments?: string }>;
export type RequestLeadEvaluation = Command<'RequestLeadEvaluation', { question: string }>;
export type EvaluateLead = Command<'EvaluateLead', { importance: LeadImportance; comments?: string }>;
export type ApproveProject = Command<'ApproveProject', {
  sponsorId: string;
  presalesEngineerId: string;
  hasMatureReference: boolean;
  needsRndChanges?: boolean;
  milestones: Milestone[];
  presalesBudget: Money;
  plan?: DocumentRef;
}>;
export type RequestSolution = Command<'RequestSolution', { need: string; dispatch?: Dispatch }>;
export type SignDispatchRequest = Command<'SignDispatchRequest', { approve: boolean; comments?: string }>;
export type AnswerSolutionRequest = Command<'AnswerSolutionRequest', { willMake: boolean; reason?: string; reply?: DocumentRef }>;
export type DisputeSolutionAnswer = Command<'DisputeSolutionAnswer', { reason: string }>;
export type DecideSolutionDispute = Command<'DecideSolutionDispute', { makeSolution: boolean; reasoning: string }>;
/** 标准方案: the catalogue entry and the version of it sent to the customer. */
export type SendStandardSolution = Command<'SendStandardSolution', { entryId: string; version: number }>;
export type RecordExchange = Command<'RecordExchange', { summary: string; surveyNeeded: boolean; memo?: DocumentRef }>;
export type RecordSurvey = Command<'RecordSurvey', { summary: string; report?: DocumentRef }>;
export type SubmitSolution = Command<'SubmitSolution', { document: DocumentRef }>;
export type SetSystemBudget = Command<'SetSystemBudget', { systemBudget: Money }>;
export type ConveneReview = Command<'ConveneReview', { subject: ReviewSubject; reviewers: string[] }>;
export type ApproveReview = Command<'ApproveReview', { subject: ReviewSubject; documentSha256: string; comments?: string; scores?: ReviewScores }>;
export type RejectReview = Command<'RejectReview', { subject: ReviewSubject; documentSha256: string; comments: string; scores?: ReviewScores }>;
export type SubmitQuotation = Command<'SubmitQuotation', { amount: Money; document: DocumentRef }>;
export type ApproveQuotation = Command<'ApproveQuotation', { documentSha256: string }>;
export type ChooseProcurement = Command<'ChooseProcurement', { method: ProcurementMethod }>;
export type AdviseBid = Command<'AdviseBid', { advice: 'BID' | 'NO_BID'; reason?: string }>;
/** The intent before the tender documents are bought; the final decision once they are evaluated. */
export type DecideBid = Command<'DecideBid', { decision: 'BID' | 'NO_BID'; reason?: string }>;
export type RecordBidStep = Command<'RecordBidStep', {
  step: BidStep;
  /** DOCUMENTS_PURCHASED: the bid opening date (YYYY-MM-DD). */
  openingOn?: string;
  /** DOCUMENTS_PURCHASED: the bond's deadline the tender documents state (YYYY-MM-DD); the policy's default when absent. */
  bondDueOn?: string;
  /** DOCUMENTS_PURCHASED: 购买标书期限, the last day the documents were sold (YYYY-MM-DD). */
  purchaseClosesOn?: string;
  /** LOAN_SIGNED and DOCUMENTS_PURCHASED: the documents' fee; BOND_PAID: the bond; BID_SUBMITTED: our price. */
  amount?: Money;
  /** DOCUMENTS_SEALED: how the sealed bid goes to the opening. */
  delivery?: BidDelivery;
}>;
export type EvaluateTenderDocuments = Command<'EvaluateTenderDocuments', { findings: string; evaluators: string[] }>;
export type HoldBidKickOff = Command<'HoldBidKickOff', { attendees: string[]; assignments: BidAssignment[]; notes?: string }>;
export type SubmitTechnicalBid = Command<'SubmitTechnicalBid', { document: DocumentRef; cost: Money }>;
export type RecordBidOpening = Command<'RecordBidOpening', { attendees: string[]; presentation?: string; technicalQuestions?: string; bidders: OpeningBidder[] }>;
export type RecordBidResult = Command<'RecordBidResult', {
  result: 'WON' | 'LOST';
  winner?: string;
  winningPrice?: Money;
  ourPrice?: Money;
  /** Why it was lost (required) or won (optional): 分析中标、落标原因. */
  reasons?: OutcomeReason[];
  notes?: string;
  competitors?: string[];
}>;
export type RecordNegotiation = Command<'RecordNegotiation', { notes: string; document?: DocumentRef }>;
export type SubmitTechnicalAgreement = Command<'SubmitTechnicalAgreement', {
  document: DocumentRef;
  signingOnSite?: boolean;
  /** 用户自拟: the customer wrote the agreement; it is reviewed the same way. */
  customerWritten?: boolean;
}>;
export type SignTechnicalAgreement = Command<'SignTechnicalAgreement', { documentSha256: string; capacity: SigningCapacity }>;
export type DraftContract = Command<'DraftContract', {
  document: DocumentRef;
  amount: Money;
  /** Extra countersigners, inserted before the BU general manager. */
  extraSigners: Array<{ role: Role; userId?: string }>;
  signingOnSite?: boolean;
}>;
export type Countersign = Command<'Countersign', { decision: 'SIGN' | 'REJECT'; documentSha256: string; comments?: string }>;
export type SignContract = Command<'SignContract', { signedOn: string; document: DocumentRef; capacity: SigningCapacity }>;
export type NameSigningRepresentative = Command<'NameSigningRepresentative', { document: SignedDocument; userId: string }>;
export type ArchiveSignedScan = Command<'ArchiveSignedScan', { document: SignedDocument; scan: DocumentRef }>;
export type RecordCustomerDeclined = Command<'RecordCustomerDeclined', { subject: DeclinedSubject; reason: string }>;
export type RequestTermination = Command<'RequestTermination', { reason: string }>;
export type DecideTermination = Command<'DecideTermination', { approve: boolean; comments?: string }>;
/** The list's documents the project does not hold already (the contract, solution, agreement, quotation and survey report are added). */
export type HandOver = Command<'HandOver', { receivedBy: string; items: HandoverItem[] }>;
export type ConfirmOralAgreement = Command<'ConfirmOralAgreement', { sha256: string }>;
export type ReceiveHandover = Command<'ReceiveHandover', Record<string, never>>;
export type SummarizeProject = Command<'SummarizeProject', {
  reasons: OutcomeReason[];
  text: string;
} & Partial<Pick<ProjectSummarized['data'], 'participants' | 'meetingOn' | 'lessons'>>>;
export type AddTrackingNote = Command<'AddTrackingNote', Omit<TrackingNoteAdded['data'], 'participants'> & { participants?: string[] }>;
export type ReportWeeklyTracking = Command<'ReportWeeklyTracking', { weekStartingOn: string; summary: string }>;
export type RaiseChallenge = Command<'RaiseChallenge', { question: string }>;
export type AnswerChallenge = Command<'AnswerChallenge', { number: number; answer: string }>;
export type RecordMeetingMemo = Command<'RecordMeetingMemo', Omit<MeetingMemoRecorded['data'], 'recordedBy'>>;
export type PlanDemo = Command<'PlanDemo', Omit<DemoPlanned['data'], 'number' | 'plannedBy'>>;
export type RecordDemoHeld = Command<'RecordDemoHeld', { number: number; presenters: string[]; heldOn: string }>;
export type RecordDemoFeedback = Command<'RecordDemoFeedback', { number: number; feedback: string }>;
export type NoteCompetitor = Command<'NoteCompetitor', Omit<CompetitorNoted['data'], 'reportedBy'>>;
export type RecordCustomerConfirmation = Command<'RecordCustomerConfirmation', { subject: ConfirmedSubject; documentSha256: string }>;
export type SendToCustomer = Command<'SendToCustomer', { document: SentDocument; documentSha256: string }>;
export type BookSigning = Command<'BookSigning', { document: SignedDocument; appointedOn: string; place: string }>;
export type AttachDocument = Command<'AttachDocument', DocumentAttached['data']>;
/** 客户满意度调查: the application layer draws the token and passes only its sha256; the link is valid for the policy's days. */
export type SendSatisfactionSurvey = Command<'SendSatisfactionSurvey', { contact: SatisfactionSurveySent['data']['contact']; rates: string[]; tokenSha256: string }>;
export type RateCollaboration = Command<'RateCollaboration', { person: string; score: number; comment: string }>;
// 售前项目管理 (document 004)
export type FileSalesPlan = Command<'FileSalesPlan', SalesPlanContent & { revisionReason?: string }>;
export type FileTaskBook = Command<'FileTaskBook', { expectedGrossMargin: Money; budget: Money; milestones: Milestone[] }>;
export type ConfirmTaskBook = Command<'ConfirmTaskBook', { version: number }>;
export type BookPresalesCost = Command<'BookPresalesCost', PresalesCost>;
export type HoldWarRoomMeeting = Command<'HoldWarRoomMeeting', { heldOn: string; attendees: string[]; minutes: string; decision: WarRoomDecision; stopReason?: string }>;
export type ReportMonthlyProgress = Command<'ReportMonthlyProgress', { month: string; progress: string; nextSteps: string; risks: string; milestonesReached?: string[] }>;
export type RequestPlanAdjustment = Command<'RequestPlanAdjustment', { kind: AdjustmentKind; milestone?: string; newDueOn?: string; extraBudget?: Money; reason: string }>;
export type ConfirmPlanAdjustment = Command<'ConfirmPlanAdjustment', { number: number }>;
export type DecidePlanAdjustment = Command<'DecidePlanAdjustment', { number: number; approve: boolean; comments?: string }>;

export type ProjectCommand =
  | RegisterLead
  | ScreenLead
  | AssignLead
  | DecideForward
  | RequestLeadEvaluation
  | EvaluateLead
  | ApproveProject
  | RequestSolution
  | SignDispatchRequest
  | AnswerSolutionRequest
  | DisputeSolutionAnswer
  | DecideSolutionDispute
  | SendStandardSolution
  | RecordExchange
  | RecordSurvey
  | SubmitSolution
  | SetSystemBudget
  | ConveneReview
  | ApproveReview
  | RejectReview
  | SubmitQuotation
  | ApproveQuotation
  | ChooseProcurement
  | AdviseBid
  | DecideBid
  | RecordBidStep
  | EvaluateTenderDocuments
  | HoldBidKickOff
  | SubmitTechnicalBid
  | RecordBidOpening
  | RecordBidResult
  | RecordNegotiation
  | SubmitTechnicalAgreement
  | SignTechnicalAgreement
  | DraftContract
  | Countersign
  | SignContract
  | NameSigningRepresentative
  | ArchiveSignedScan
  | RecordCustomerDeclined
  | RequestTermination
  | DecideTermination
  | HandOver
  | ConfirmOralAgreement
  | ReceiveHandover
  | SummarizeProject
  | AddTrackingNote
  | ReportWeeklyTracking
  | RaiseChallenge
  | AnswerChallenge
  | RecordMeetingMemo
  | PlanDemo
  | RecordDemoHeld
  | RecordDemoFeedback
  | NoteCompetitor
  | RecordCustomerConfirmation
  | SendToCustomer
  | BookSigning
  | AttachDocument
  | SendSatisfactionSurvey
  | RateCollaboration
  | FileSalesPlan
  | FileTaskBook
  | ConfirmTaskBook
  | BookPresalesCost
  | HoldWarRoomMeeting
  | ReportMonthlyProgress
  | RequestPlanAdjustment
  | ConfirmPlanAdjustment
  | DecidePlanAdjustment;

export type ProjectCommandType = ProjectCommand['type'];
