import type { Deadline, DeadlineKind } from '../domain/project/deadlines.js';
import { deadlinesEndedBy, deadlinesStartedBy } from '../domain/project/deadlines-of-events.js';
import type { CompetitorNoted, DemoPlanned, ProjectEvent, ProjectSummarized } from '../domain/project/events.js';
import { emptyTenderRecord, recordTender, type TenderRecord } from './tender-record.js';
import type { DocumentRef, Milestone, Money, ReviewScores, ReviewSubject, Role, Vote } from '../domain/project/vocabulary.js';

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
  /** PSM050 as it happened. */
  tenderWork: TenderRecord;
  handover?: { receivedBy: string; documents: DocumentRef[] };
  summary?: ProjectSummarized['data'];
  /** The clocks still running, by kind. */
  openDeadlines: Deadline[];
}

const emptyRecord = (): ProjectRecord => ({ milestones: [], solutionVersions: [], agreementVersions: [], quotationVersions: [], negotiations: [], demos: [], competitorNotes: [], tenderWork: emptyTenderRecord(), openDeadlines: [] });

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
    case 'ProjectHandedOver':
      into.handover = { receivedBy: event.data.receivedBy, documents: event.data.documents };
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
