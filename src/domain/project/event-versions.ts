import type { ProjectEventType } from './events.js';

/**
 * The schema version each event type is written at. A changed shape raises its type's version here and
 * adds an upcaster from the version before to PROJECT_UPCASTERS: stored events are never edited.
 */
export const EVENT_VERSIONS: Readonly<Record<ProjectEventType, number>> = {
  LeadRegistered: 1,
  LeadQualified: 1,
  LeadRejected: 1,
  LeadForwarded: 1,
  LeadForwardProposed: 1,
  LeadForwardDeclined: 1,
  LeadAssigned: 1,
  LeadEvaluationRequested: 1,
  LeadEvaluated: 1,
  ProjectApproved: 1,
  ProjectClassRaised: 1,
  SolutionRequested: 1,
  DispatchRequestSigned: 1,
  DispatchRequestRefused: 1,
  SolutionRequestAnswered: 1,
  SolutionAnswerDisputed: 1,
  SolutionDisputeDecided: 1,
  StandardSolutionSent: 1,
  ExchangeRecorded: 1,
  SurveyCompleted: 1,
  SolutionSubmitted: 1,
  SystemBudgetSet: 1,
  ReviewConvened: 1,
  ReviewVoteCast: 1,
  ReviewPassed: 1,
  ReviewFailed: 1,
  QuotationSubmitted: 1,
  QuotationApproved: 1,
  ProcurementChosen: 1,
  BidAdvised: 1,
  BidDecided: 1,
  BidLoanSigned: 1,
  TenderDocumentsPurchased: 1,
  TenderDocumentsEvaluated: 1,
  BidKickOffHeld: 1,
  TechnicalBidSubmitted: 1,
  BidBondPaid: 1,
  BidDocumentsChecked: 1,
  BidSealed: 1,
  BidSubmitted: 1,
  BidOpeningRecorded: 1,
  BidWon: 1,
  BidLost: 1,
  NegotiationRecorded: 1,
  TechnicalAgreementSubmitted: 1,
  TechnicalAgreementSigned: 1,
  ContractDrafted: 1,
  ContractCountersigned: 1,
  CountersignRejected: 1,
  ContractSigned: 1,
  SigningRepresentativeNamed: 1,
  SignedScanArchived: 1,
  TerminationRequested: 1,
  ProjectTerminated: 1,
  CustomerDeclined: 1,
  TerminationDeclined: 1,
  ProjectHandedOver: 2,
  OralAgreementConfirmed: 1,
  HandoverReceived: 1,
  ProjectSummarized: 2,
  TrackingNoteAdded: 2,
  WeeklyTrackingReported: 1,
  ChallengeRaised: 1,
  ChallengeAnswered: 1,
  MeetingMemoRecorded: 1,
  DemoPlanned: 1,
  DemoHeld: 1,
  DemoFeedbackRecorded: 1,
  CompetitorNoted: 1,
  CustomerConfirmed: 1,
  SentToCustomer: 1,
  SigningBooked: 1,
  DocumentAttached: 1,
  SatisfactionSurveySent: 1,
  SatisfactionSurveyAnswered: 1,
  CollaborationRated: 1,
  SalesPlanFiled: 1,
  TaskBookFiled: 1,
  TaskBookConfirmed: 1,
  PresalesCostBooked: 1,
  WarRoomMeetingHeld: 1,
  MonthlyProgressReported: 1,
  PlanAdjustmentRequested: 1,
  PlanAdjustmentConfirmed: 1,
  PlanAdjustmentApproved: 1,
  PlanAdjustmentDeclined: 1,
};

/** Turns one type's data from schema version `fromVersion` into `fromVersion + 1`. Pure. */
export interface ProjectUpcaster {
  type: ProjectEventType;
  fromVersion: number;
  upcast: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** Every upcaster of the project log, in one list: each reader of the log reads through all of them. */
export const PROJECT_UPCASTERS: readonly ProjectUpcaster[] = [
  {
    // the list had no kinds, versions nor confirmers: its documents become UNCLASSIFIED items, none an oral agreement
    type: 'ProjectHandedOver',
    fromVersion: 1,
    upcast: ({ documents, ...data }) => ({
      ...data,
      items: ((documents ?? []) as Array<Record<string, unknown>>).map((document) => ({ ...document, kind: 'UNCLASSIFIED', version: '' })),
      oralAgreementConfirmers: [],
    }),
  },
  // 2: a note names who took part (S2 §沟通记录); a note of version 1 named nobody
  { type: 'TrackingNoteAdded', fromVersion: 1, upcast: (data) => ({ ...data, participants: [] }) },
  // 2: a summary names the people of its meeting (S4 第六步); a summary of version 1 named nobody
  { type: 'ProjectSummarized', fromVersion: 1, upcast: (data) => ({ ...data, participants: [] }) },
];
