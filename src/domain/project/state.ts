import type { Deadline } from './deadlines.js';
import type { LeadRegistered, ProjectEvent, SolutionSubmitted, StandardSolutionSent } from './events.js';
import { approvedControl, blankSalesControl, evolveSalesControl, type SalesControl } from './sales-control-state.js';
import type { Review, Quotation, Tender, Signature, Signed, Contract, Demo, Handover, SolutionRequest, StandardSolutionUse, SatisfactionSurvey } from './state-parts.js';
import type {
  ConfirmedSubject,
  CustomerDocument,
  DocumentRef,
  LeadImportance,
  Money,
  ProcurementMethod,
  ProjectClass,
  ReviewSubject,
  Role,
  SignedDocument,
} from './vocabulary.js';

export type * from './state-parts.js';
export type { SalesControl, Adjustment } from './sales-control-state.js';

export type Stage =
  | 'LEAD'
  | 'QUALIFIED'
  | 'PSM010_EXCHANGE'
  | 'PSM020_SURVEY'
  | 'PSM030_SOLUTION'
  | 'PSM040_QUOTATION'
  | 'PSM050_TENDER'
  | 'PSM060_NEGOTIATION'
  | 'PSM070_CONTRACT'
  | 'WON'
  | 'LOST'
  | 'TERMINATED'
  | 'CLOSED';

export const CLOSED_STAGES: readonly Stage[] = ['WON', 'LOST', 'TERMINATED', 'CLOSED'];

export interface Project {
  stage: Stage;
  id: string;
  /** The lead as registered, with its current owner (ownerId follows assignments). */
  lead: LeadRegistered['data'];
  /** A forward proposed by a screener, waiting for the forward approver. */
  pendingForward?: { proposedBy: string; businessUnit: string; reason?: string };
  evaluationRequested: boolean;
  importance?: LeadImportance;
  projectClass?: ProjectClass;
  sponsorId?: string;
  presalesEngineerId?: string;
  /** 成熟产品: a mature reference case at 立项; with single equipment, the account manager drafts the agreement (profile). */
  hasMatureReference?: boolean;
  /** 代表人 the department leader named to sign each document. */
  representatives?: Partial<Record<SignedDocument, string>>;
  solutionDueOn?: string;
  /** A solution request waiting for the director's signature of its dispatch or for the technical team's answer. */
  solutionRequestOpen: boolean;
  /** The latest solution request. */
  solutionRequest?: SolutionRequest;
  /** 标准方案: the reference solution and price sent from the catalogue, in place of a committee review. */
  standardSolution?: StandardSolutionUse;
  solution?: Review;
  systemBudget?: Money;
  quotation?: Quotation;
  procurement?: ProcurementMethod;
  tender: Tender;
  agreement?: Review & Signed & { signed: boolean };
  contract?: Contract;
  signedAmount?: Money;
  termination?: { reason: string; requestedBy: string; deciders: Role[] };
  /** 演示, in the order they were planned. */
  demos: Demo[];
  /** 交流备忘录 as the exchange recorded it, when it filed one. */
  exchangeMemo?: DocumentRef;
  /** 客户确认: the version of its document the customer last confirmed, by subject (absent: never). */
  confirmed?: Partial<Record<ConfirmedSubject, number>>;
  /** The version of each document the customer last received: sent to them, or confirmed by them. */
  withCustomer?: Partial<Record<CustomerDocument, number>>;
  /** 质询 by number, in the order raised: answered or not. */
  challenges: Array<{ number: number; answered: boolean }>;
  /** The weeks (their Mondays) whose tracking summary is reported. */
  weeksReported: string[];
  outcome?: 'REJECTED' | 'FORWARDED' | 'NO_BID' | 'BID_LOST' | 'CUSTOMER_DECLINED';
  /** 客户需求调查: the survey's report, handed over as the customer's needs. */
  surveyReport?: DocumentRef;
  handedOver: boolean;
  /** 移交: who receives it, the oral agreements awaiting confirmation, whether it was received. */
  handover?: Handover;
  summarized: boolean;
  /** 客户满意度调查, in the order sent (absent: none sent). */
  surveys?: SatisfactionSurvey[];
  /** 沟通协作评价 given: `rater|person` (absent: none). */
  collaborationRatings?: string[];
  /** 售前项目管理 (document 004): plan, task book, budget and milestones in force, costs, meetings, reports, adjustments. */
  control: SalesControl;
}

export type ProjectState = { stage: 'NONE' } | Project;

export const initialState = (): ProjectState => ({ stage: 'NONE' });

/** A submitted version; one submitted before reviews were organised named its reviewers itself. */
const submittedReview = (
  subject: ReviewSubject,
  { version, document, authorId, reviewers, approvalsNeeded, deadlines }: SolutionSubmitted['data'] & { deadlines?: Deadline[] },
): Review => {
  const clock = deadlines?.find((deadline) => deadline.kind === 'AGREEMENT_REVIEW');
  return {
    subject, version, document, ...(authorId ? { authorId } : {}), reviewers: reviewers ?? [], approvalsNeeded: approvalsNeeded ?? 0, votes: {},
    status: reviewers ? 'OPEN' : 'AWAITING_REVIEWERS', ...(clock ? { clock } : {}),
  };
};

/** Folds one event into the state. Pure; events are facts, so nothing here refuses anything. */
export function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'LeadRegistered') {
    return { stage: 'LEAD', id: event.data.projectId, lead: event.data, tender: blankTender(), solutionRequestOpen: false, evaluationRequested: false, demos: [], challenges: [], weeksReported: [], handedOver: false, summarized: false, control: blankSalesControl() };
  }
  if (state.stage === 'NONE') return state;
  const project: Project = state;
  switch (event.type) {
    case 'LeadQualified':
      return { ...project, stage: 'QUALIFIED' };
    case 'LeadRejected':
      return { ...project, stage: 'CLOSED', outcome: 'REJECTED' };
    case 'LeadForwarded':
      return { ...project, stage: 'CLOSED', outcome: 'FORWARDED', pendingForward: undefined };
    case 'LeadForwardProposed':
      return { ...project, pendingForward: event.data };
    case 'LeadForwardDeclined':
      return { ...project, pendingForward: undefined };
    case 'LeadAssigned':
      return { ...project, lead: { ...project.lead, ownerId: event.data.ownerId } };
    case 'LeadEvaluationRequested':
      return { ...project, evaluationRequested: true };
    case 'LeadEvaluated':
      return { ...project, evaluationRequested: false, importance: event.data.importance };
    case 'ProjectApproved':
      return {
        ...project,
        stage: 'PSM010_EXCHANGE',
        projectClass: event.data.projectClass,
        sponsorId: event.data.sponsorId,
        presalesEngineerId: event.data.presalesEngineerId,
        hasMatureReference: event.data.hasMatureReference,
        control: approvedControl(project.control, event.data),
      };
    case 'ProjectClassRaised':
      return { ...project, projectClass: event.data.to };
    case 'SolutionRequested': {
      const { need, requestedBy, onBehalfOf, dispatch, dispatchSigners } = event.data;
      const request: SolutionRequest = {
        status: dispatch ? 'AWAITING_DISPATCH_SIGNATURE' : 'AWAITING_ANSWER', need, requestedBy, ...(onBehalfOf ? { onBehalfOf } : {}),
        ...(dispatch ? { dispatch: { ...dispatch, status: 'AWAITING_SIGNATURE', signers: dispatchSigners ?? [] } } : {}),
      };
      return { ...project, solutionRequestOpen: true, solutionRequest: request };
    }
    case 'DispatchRequestSigned':
    case 'DispatchRequestRefused':
      return withSolutionRequest(project, (request) => ({
        ...request,
        status: 'AWAITING_ANSWER',
        dispatch: request.dispatch && {
          ...request.dispatch,
          ...(event.type === 'DispatchRequestSigned' ? { status: 'SIGNED', decidedBy: event.data.signedBy } : { status: 'REFUSED', decidedBy: event.data.decidedBy }),
          ...(event.data.comments ? { comments: event.data.comments } : {}),
        },
      }));
    case 'SolutionRequestAnswered': {
      const { willMake, reason, reply, answeredBy } = event.data;
      const answer = { willMake, ...(reason ? { reason } : {}), ...(reply ? { reply } : {}), answeredBy };
      return { ...withSolutionRequest(project, (request) => ({ ...request, status: willMake ? 'ACCEPTED' : 'DECLINED', answer })), solutionRequestOpen: false };
    }
    case 'SolutionAnswerDisputed':
      return withSolutionRequest(project, (request) => ({ ...request, status: 'DISPUTED', dispute: event.data }));
    case 'SolutionDisputeDecided':
      return withSolutionRequest(project, (request) => ({
        ...request,
        status: event.data.makeSolution ? 'ACCEPTED' : 'DECLINED',
        dispute: request.dispute && { ...request.dispute, decision: event.data },
      }));
    case 'StandardSolutionSent':
      return { ...project, stage: 'PSM040_QUOTATION', standardSolution: event.data };
    case 'ExchangeRecorded': {
      const memo = event.data.memo ? { exchangeMemo: event.data.memo } : {};
      return event.data.surveyNeeded
        ? { ...project, ...memo, stage: 'PSM020_SURVEY' }
        : { ...project, ...memo, stage: 'PSM030_SOLUTION', solutionDueOn: event.data.solutionDueOn };
    }
    case 'SurveyCompleted':
      return { ...project, stage: 'PSM030_SOLUTION', solutionDueOn: event.data.solutionDueOn, ...(event.data.report ? { surveyReport: event.data.report } : {}) };
    case 'SolutionSubmitted':
      return {
        ...project,
        solution: submittedReview('SOLUTION', event.data),
        ...(event.data.systemBudget ? { systemBudget: event.data.systemBudget } : {}),
      };
    case 'SystemBudgetSet':
      return { ...project, systemBudget: event.data.systemBudget };
    case 'ReviewConvened':
      return withReview(project, event.data.subject, (review) => ({
        ...review, reviewers: event.data.reviewers, approvalsNeeded: event.data.approvalsNeeded, status: 'OPEN',
      }));
    case 'ReviewVoteCast':
      return withReview(project, event.data.subject, (review) => ({
        ...review,
        votes: { ...review.votes, [event.data.reviewerId]: event.data.vote },
      }));
    case 'ReviewPassed': {
      const passed = withReview(project, event.data.subject, (review) => ({ ...review, status: 'PASSED' }));
      // a solution revised in tender or negotiation passes where the project stands
      return event.data.subject === 'SOLUTION' && project.stage === 'PSM030_SOLUTION' ? { ...passed, stage: 'PSM040_QUOTATION' } : passed;
    }
    case 'ReviewFailed':
      return withReview(project, event.data.subject, (review) => ({ ...review, status: 'FAILED' }));
    case 'QuotationSubmitted':
      return { ...project, quotation: { ...event.data, approvals: [] } };
    case 'QuotationApproved':
      return {
        ...project,
        quotation: project.quotation && {
          ...project.quotation,
          approvals: [...project.quotation.approvals, { role: event.data.role, approverId: event.data.approverId }],
        },
      };
    case 'ProcurementChosen':
      return {
        ...project,
        procurement: event.data.method,
        stage: event.data.method === 'TENDER' ? 'PSM050_TENDER' : 'PSM060_NEGOTIATION',
      };
    case 'BidAdvised':
      return project;
    case 'BidDecided': {
      const { decision, phase } = event.data;
      // a decision written before intent and final were told apart was both
      const decided = phase === 'INTENT' ? { intent: decision } : phase === 'FINAL' ? { decision } : { intent: decision, decision };
      const tender = { ...project.tender, ...decided };
      return decision === 'BID' ? { ...project, tender } : { ...project, tender, stage: 'CLOSED', outcome: 'NO_BID' };
    }
    case 'BidLoanSigned':
      return withTender(project, { loanSigned: true });
    case 'TenderDocumentsPurchased':
      return withTender(project, { documentsPurchased: true, openingOn: event.data.openingOn });
    case 'TenderDocumentsEvaluated':
      return withTender(project, { documentsEvaluated: true });
    case 'BidKickOffHeld':
      return withTender(project, { kickOffHeld: true });
    case 'TechnicalBidSubmitted':
      return withTender(project, { technicalBids: event.data.version });
    case 'BidBondPaid':
      return withTender(project, { bondPaid: true });
    case 'BidDocumentsChecked':
      return withTender(project, { documentsChecked: true });
    case 'BidSealed':
      return withTender(project, { sealed: true });
    case 'BidSubmitted':
      return withTender(project, { submitted: true });
    case 'BidOpeningRecorded':
      return withTender(project, { openingRecorded: true });
    case 'BidWon':
      return { ...project, stage: 'PSM060_NEGOTIATION' };
    case 'BidLost':
      return { ...project, stage: 'LOST', outcome: 'BID_LOST' };
    case 'NegotiationRecorded':
      return project;
    case 'TechnicalAgreementSubmitted':
      return { ...project, agreement: { ...submittedReview('TECHNICAL_AGREEMENT', event.data), signed: false } };
    case 'TechnicalAgreementSigned':
      return { ...project, agreement: project.agreement && { ...project.agreement, signed: true, signature: signatureOf(event.data) }, stage: 'PSM070_CONTRACT' };
    case 'ContractDrafted':
      return { ...project, contract: { ...event.data, signers: [], status: 'COUNTERSIGNING' } };
    case 'ContractCountersigned': {
      if (!project.contract) return project;
      const signers = [...project.contract.signers, event.data.signerId];
      const status = signers.length === project.contract.chain.length ? 'COUNTERSIGNED' : 'COUNTERSIGNING';
      return { ...project, contract: { ...project.contract, signers, status } };
    }
    case 'CountersignRejected':
      return { ...project, contract: project.contract && { ...project.contract, status: 'REJECTED' } };
    case 'ContractSigned':
      return {
        ...project,
        stage: 'WON',
        signedAmount: event.data.amount,
        contract: project.contract && { ...project.contract, status: 'SIGNED', ...(event.data.signerId ? { signature: signatureOf({ signerId: event.data.signerId, capacity: event.data.capacity }) } : {}) },
      };
    case 'SigningRepresentativeNamed':
      return { ...project, representatives: { ...project.representatives, [event.data.document]: event.data.userId } };
    case 'SignedScanArchived':
      return event.data.document === 'CONTRACT'
        ? { ...project, contract: project.contract && { ...project.contract, scan: event.data.scan } }
        : { ...project, agreement: project.agreement && { ...project.agreement, scan: event.data.scan } };
    case 'TerminationRequested':
      return { ...project, termination: event.data };
    case 'CustomerDeclined':
      return { ...project, stage: 'CLOSED', outcome: 'CUSTOMER_DECLINED', termination: undefined };
    case 'ProjectTerminated':
      return { ...project, stage: 'TERMINATED', termination: undefined };
    case 'TerminationDeclined':
      return { ...project, termination: undefined };
    case 'ProjectHandedOver': {
      const { receivedBy, items, oralAgreementConfirmers } = event.data;
      const oralAgreements = items.filter((item) => item.kind === 'ORAL_AGREEMENT').map(({ sha256, title }) => ({ sha256, title, confirmed: false }));
      return { ...project, handedOver: true, handover: { receivedBy, oralAgreements, oralAgreementConfirmers, received: false } };
    }
    case 'OralAgreementConfirmed':
    case 'HandoverReceived': {
      if (!project.handover) return project;
      const { handover } = project;
      if (event.type === 'HandoverReceived') return { ...project, handover: { ...handover, received: true } };
      const oralAgreements = handover.oralAgreements.map((oral) => (oral.sha256 === event.data.sha256 ? { ...oral, confirmed: true } : oral));
      return { ...project, handover: { ...handover, oralAgreements } };
    }
    case 'ProjectSummarized':
      return { ...project, summarized: true };
    case 'DemoPlanned':
      return { ...project, demos: [...project.demos, { number: event.data.number, held: false, feedback: false }] };
    case 'DemoHeld':
    case 'DemoFeedbackRecorded': {
      const change = event.type === 'DemoHeld' ? { held: true } : { feedback: true };
      return { ...project, demos: project.demos.map((demo) => (demo.number === event.data.number ? { ...demo, ...change } : demo)) };
    }
    case 'WeeklyTrackingReported':
      return { ...project, weeksReported: [...project.weeksReported, event.data.weekStartingOn] };
    case 'ChallengeRaised':
      return { ...project, challenges: [...project.challenges, { number: event.data.number, answered: false }] };
    case 'ChallengeAnswered':
      return { ...project, challenges: project.challenges.map((challenge) => (challenge.number === event.data.number ? { ...challenge, answered: true } : challenge)) };
    case 'CustomerConfirmed':
      return {
        ...project,
        confirmed: { ...project.confirmed, [event.data.subject]: event.data.version },
        withCustomer: { ...project.withCustomer, [event.data.document]: event.data.version },
      };
    case 'SentToCustomer':
      return { ...project, withCustomer: { ...project.withCustomer, [event.data.document]: event.data.version } };
    case 'SatisfactionSurveySent': {
      const { number, tokenSha256, expiresAt, rates, questions, scale } = event.data;
      return { ...project, surveys: [...(project.surveys ?? []), { number, tokenSha256, expiresAt, rates, questions, scale, answered: false }] };
    }
    case 'SatisfactionSurveyAnswered':
      return { ...project, surveys: (project.surveys ?? []).map((survey) => (survey.number === event.data.number ? { ...survey, answered: true } : survey)) };
    case 'CollaborationRated':
      return { ...project, collaborationRatings: [...(project.collaborationRatings ?? []), `${event.data.ratedBy}|${event.data.person}`] };
    case 'SalesPlanFiled':
    case 'TaskBookFiled':
    case 'TaskBookConfirmed':
    case 'PresalesCostBooked':
    case 'WarRoomMeetingHeld':
    case 'MonthlyProgressReported':
    case 'PlanAdjustmentRequested':
    case 'PlanAdjustmentConfirmed':
    case 'PlanAdjustmentApproved':
    case 'PlanAdjustmentDeclined':
      return { ...project, control: evolveSalesControl(project.control, event) };
    case 'SigningBooked':
    case 'TrackingNoteAdded':
    case 'MeetingMemoRecorded':
    case 'CompetitorNoted':
    case 'DocumentAttached':
      return project;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

const signatureOf = ({ signerId, capacity }: Signature): Signature => (capacity ? { signerId, capacity } : { signerId });

const blankTender = (): Tender => ({
  loanSigned: false, documentsPurchased: false, documentsEvaluated: false, kickOffHeld: false, technicalBids: 0, bondPaid: false, documentsChecked: false, sealed: false, submitted: false, openingRecorded: false,
});

const withTender = (project: Project, change: Partial<Tender>): Project => ({ ...project, tender: { ...project.tender, ...change } });

/** A request's later facts change it; one written before requests were kept whole has none to change. */
function withSolutionRequest(project: Project, change: (request: SolutionRequest) => SolutionRequest): Project {
  return project.solutionRequest ? { ...project, solutionRequest: change(project.solutionRequest) } : project;
}

function withReview(project: Project, subject: ReviewSubject, change: (review: Review) => Review): Project {
  if (subject === 'SOLUTION') return { ...project, solution: project.solution && change(project.solution) };
  return { ...project, agreement: project.agreement && { ...change(project.agreement), signed: project.agreement.signed } };
}

export const fold = (events: ProjectEvent[], state: ProjectState = initialState()): ProjectState => events.reduce(evolve, state);
