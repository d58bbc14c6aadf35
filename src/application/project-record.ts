import type { Deadline, DeadlineKind } from '../domain/project/deadlines.js';
import { deadlinesEndedBy, deadlinesStartedBy } from '../domain/project/deadlines-of-events.js';
import type { ChallengeRaised, CompetitorNoted, CustomerConfirmed, DemoPlanned, MeetingMemoRecorded, ProjectEvent, ProjectSummarized, SentToCustomer, SigningBooked, TrackingNoteAdded, WeeklyTrackingReported } from '../domain/project/events.js';
import type { DocumentRef, HandoverItem, Milestone, Money, ReviewScores, ReviewSubject, Role, Vote } from '../domain/project/vocabulary.js';
import { emptyTenderRecord, recordTender, type TenderRecord } from './tender-record.js';

/** One reviewer's vote on a version, with what they wrote and, on a solution, their scores. */
export interface CastVote {
  reviewerId: string;
  vote: Vote;
  comments?: string;
  scores?: ReviewScores;
}

/** One submitted version of a reviewed document and how its review went. */
export interface ReviewedVersion {
  version: number;
  document: DocumentRef;
  authorId?: string;
  reviewers: string[];
  approvalsNeeded: number;
  votes: CastVote[];
  outcome?: 'PASSED' | 'FAILED';
}

export interface QuotationVersion {
  version: number;
  amount: Money;
  document: DocumentRef;
  requiredApprovals: Role[];
  approvals: Array<{ role: Role; approverId: string }>;
}

/** 演示: its plan, then who presented it and when, then what the customer said. */
export type DemoRecord = DemoPlanned['data'] & { held?: { presenters: string[]; heldOn: string }; feedback?: string };

/** 移交: the list as handed over, each oral agreement with who confirmed it, and whether its receiver confirmed receipt. */
export interface HandoverRecord {
  receivedBy: string;
  handedOverBy?: string;
  items: Array<HandoverItem & { confirmedBy?: string }>;
  oralAgreementConfirmers: Role[];
  received: boolean;
}

/** 质询 and, once given, its answer. */
export type ChallengeRecord = ChallengeRaised['data'] & { answer?: string; answeredBy?: string };

/** What the fold forgets but a reader of the project asks for: the history of its steps, as the events recorded them. */
export interface ProjectRecord {
  milestones: Milestone[];
  exchange?: { summary: string; surveyNeeded: boolean; memo?: DocumentRef };
  survey?: { summary: string; report?: DocumentRef };
  solutionVersions: ReviewedVersion[];
  agreementVersions: ReviewedVersion[];
  quotationVersions: QuotationVersion[];
  negotiations: Array<{ notes: string; document?: DocumentRef }>;
  demos: DemoRecord[];
  competitorNotes: Array<CompetitorNoted['data']>;
  /** 客户确认, in order: each names the version of the document it confirms. */
  customerConfirmations: Array<CustomerConfirmed['data']>;
  /** 提交给客户, in order: the approved versions sent. */
  sentToCustomer: Array<SentToCustomer['data']>;
  /** 签约预约, in order. */
  signingAppointments: Array<SigningBooked['data']>;
  /** 项目跟踪, in order. */
  trackingNotes: Array<TrackingNoteAdded['data']>;
  weeklyReports: Array<WeeklyTrackingReported['data']>;
  challenges: ChallengeRecord[];
  meetingMemos: Array<MeetingMemoRecorded['data']>;
  /** PSM050 as it happened. */
  tenderWork: TenderRecord;
  handover?: HandoverRecord;
  summary?: ProjectSummarized['data'];
  /** The clocks still running, by kind. */
  openDeadlines: Deadline[];
}

const emptyRecord = (): ProjectRecord => ({
  milestones: [], solutionVersions: [], agreementVersions: [], quotationVersions: [], negotiations: [], demos: [], competitorNotes: [],
  customerConfirmations: [], sentToCustomer: [], signingAppointments: [], trackingNotes: [], weeklyReports: [], challenges: [], meetingMemos: [], tenderWork: emptyTenderRecord(), openDeadlines: [],
});

/** The version a review event speaks of, in the list of its subject. */
function reviewed(record: ProjectRecord, subject: ReviewSubject, version: number): ReviewedVersion | undefined {
  return (subject === 'SOLUTION' ? record.solutionVersions : record.agreementVersions).find((entry) => entry.version === version);
}

function record(into: ProjectRecord, event: ProjectEvent): void {
  switch (event.type) {
    case 'ProjectApproved':
      into.milestones = event.data.milestones;
      return;
    case 'ExchangeRecorded':
      into.exchange = { summary: event.data.summary, surveyNeeded: event.data.surveyNeeded, ...(event.data.memo ? { memo: event.data.memo } : {}) };
      return;
    case 'SurveyCompleted':
      into.survey = { summary: event.data.summary, ...(event.data.report ? { report: event.data.report } : {}) };
      return;
    case 'SolutionSubmitted':
    case 'TechnicalAgreementSubmitted': {
      const { version, document, authorId, reviewers, approvalsNeeded } = event.data;
      const list = event.type === 'SolutionSubmitted' ? into.solutionVersions : into.agreementVersions;
      list.push({ version, document, ...(authorId ? { authorId } : {}), reviewers: reviewers ?? [], approvalsNeeded: approvalsNeeded ?? 0, votes: [] });
      return;
    }
    case 'ReviewConvened': {
      const entry = reviewed(into, event.data.subject, event.data.version);
      if (entry) Object.assign(entry, { reviewers: event.data.reviewers, approvalsNeeded: event.data.approvalsNeeded });
      return;
    }
    case 'ReviewVoteCast': {
      const { reviewerId, vote, comments, scores } = event.data;
      reviewed(into, event.data.subject, event.data.version)?.votes.push({ reviewerId, vote, ...(comments ? { comments } : {}), ...(scores ? { scores } : {}) });
      return;
    }
    case 'ReviewPassed':
    case 'ReviewFailed': {
      const entry = reviewed(into, event.data.subject, event.data.version);
      if (entry) entry.outcome = event.type === 'ReviewPassed' ? 'PASSED' : 'FAILED';
      return;
    }
    case 'QuotationSubmitted':
      into.quotationVersions.push({ ...event.data, approvals: [] });
      return;
    case 'QuotationApproved':
      into.quotationVersions.find((entry) => entry.version === event.data.version)?.approvals.push({ role: event.data.role, approverId: event.data.approverId });
      return;
    case 'NegotiationRecorded':
      into.negotiations.push({ notes: event.data.notes, ...(event.data.document ? { document: event.data.document } : {}) });
      return;
    case 'DemoPlanned':
      into.demos.push({ ...event.data });
      return;
    case 'DemoHeld': {
      const demo = into.demos.find((entry) => entry.number === event.data.number);
      if (demo) demo.held = { presenters: event.data.presenters, heldOn: event.data.heldOn };
      return;
    }
    case 'DemoFeedbackRecorded': {
      const demo = into.demos.find((entry) => entry.number === event.data.number);
      if (demo) demo.feedback = event.data.feedback;
      return;
    }
    case 'CompetitorNoted':
      into.competitorNotes.push(event.data);
      return;
    case 'CustomerConfirmed':
      into.customerConfirmations.push(event.data);
      return;
    case 'SentToCustomer':
      into.sentToCustomer.push(event.data);
      return;
    case 'SigningBooked':
      into.signingAppointments.push(event.data);
      return;
    case 'TrackingNoteAdded':
      into.trackingNotes.push(event.data);
      return;
    case 'WeeklyTrackingReported':
      into.weeklyReports.push(event.data);
      return;
    case 'ChallengeRaised':
      into.challenges.push({ ...event.data });
      return;
    case 'ChallengeAnswered': {
      const challenge = into.challenges.find((entry) => entry.number === event.data.number);
      if (challenge) Object.assign(challenge, { answer: event.data.answer, answeredBy: event.data.answeredBy });
      return;
    }
    case 'MeetingMemoRecorded':
      into.meetingMemos.push(event.data);
      return;
    case 'ProjectHandedOver':
      into.handover = { ...event.data, items: event.data.items.map((item) => ({ ...item })), received: false };
      return;
    case 'OralAgreementConfirmed': {
      const oral = into.handover?.items.find((item) => item.kind === 'ORAL_AGREEMENT' && item.sha256 === event.data.sha256);
      if (oral) oral.confirmedBy = event.data.confirmedBy;
      return;
    }
    case 'HandoverReceived':
      if (into.handover) into.handover.received = true;
      return;
    case 'ProjectSummarized':
      into.summary = event.data;
      return;
    default:
      recordTender(into.tenderWork, event);
      return;
  }
}

/** The clocks an event leaves running, as the board's projection follows them (a countersign stops the contract's only when it completes the chain). */
function followClocks(open: Map<DeadlineKind, Deadline>, event: ProjectEvent): void {
  const started = deadlinesStartedBy(event);
  for (const { kind, ifWaitingForCount } of deadlinesEndedBy(event)) {
    if (started.some((deadline) => deadline.kind === kind)) continue;
    if (ifWaitingForCount === undefined || open.get(kind)?.waitingFor.length === ifWaitingForCount) open.delete(kind);
  }
  for (const deadline of started) open.set(deadline.kind, deadline);
}

/** The record of a project's history, folded from its events in order. */
export function projectRecordOf(events: readonly ProjectEvent[]): ProjectRecord {
  const into = emptyRecord();
  const open = new Map<DeadlineKind, Deadline>();
  for (const event of events) {
    record(into, event);
    followClocks(open, event);
  }
  into.openDeadlines = [...open.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return into;
}
