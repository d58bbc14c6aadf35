import { endOfShanghaiDay } from '../policy/working-calendar.js';
import { DEADLINE_KINDS, type Deadline, type DeadlineKind } from './deadlines.js';
import type { ProjectEvent, ProjectEventType } from './events.js';
import { STAGE_CHANGING_TYPES, stageEnteredBy } from './stage-of.js';
import { CLOSED_STAGES } from './state.js';

/** A clock an event stops: `done` when the step itself was done, else it lapsed (replaced, or the project closed). */
export interface DeadlineEnd {
  kind: DeadlineKind;
  done: boolean;
  /** Only a clock waiting for this many parties stops: the countersign that completes its chain. */
  ifWaitingForCount?: number;
}

/** The types of the events that start or stop a clock: read models that follow the clocks fold these. */
export const DEADLINE_EVENT_TYPES: readonly ProjectEventType[] = [
  ...STAGE_CHANGING_TYPES,
  'SolutionRequested', 'DispatchRequestSigned', 'DispatchRequestRefused', 'SolutionRequestAnswered', 'SolutionSubmitted', 'StandardSolutionSent', 'TechnicalAgreementSubmitted', 'ReviewConvened', 'ReviewFailed', 'ContractDrafted', 'ContractCountersigned', 'CountersignRejected',
  'TenderDocumentsPurchased', 'BidBondPaid', 'BidDocumentsChecked', 'ProjectSummarized',
];

const dueAtEndOf = (kind: DeadlineKind, date: string): Deadline =>
  ({ kind, dueAt: endOfShanghaiDay(date), overdueAt: endOfShanghaiDay(date), waitingFor: [] });

/** The clocks an event starts: those it records; for one written before the clocks, the due date it carried (no tolerance, no one named). */
export function deadlinesStartedBy(event: ProjectEvent): Deadline[] {
  if ('deadlines' in event.data && event.data.deadlines) return event.data.deadlines;
  if ((event.type === 'ExchangeRecorded' || event.type === 'SurveyCompleted') && event.data.solutionDueOn) return [dueAtEndOf('SOLUTION', event.data.solutionDueOn)];
  if (event.type === 'TenderDocumentsPurchased') return [dueAtEndOf('BID_CHECK', event.data.bidDocumentsCheckDueOn)];
  return [];
}

const done = (kind: DeadlineKind): DeadlineEnd[] => [{ kind, done: true }];
const lapsed = (kind: DeadlineKind): DeadlineEnd[] => [{ kind, done: false }];

/** The clocks an event stops. A closing event lapses every clock but the summary's, which it starts. */
export function deadlinesEndedBy(event: ProjectEvent): DeadlineEnd[] {
  const stage = stageEnteredBy(event);
  if (stage && CLOSED_STAGES.includes(stage)) return DEADLINE_KINDS.filter((kind) => kind !== 'SUMMARY').flatMap(lapsed);
  switch (event.type) {
    case 'SolutionRequestAnswered':
      return done('SOLUTION_REQUEST');
    case 'SolutionSubmitted':
    case 'StandardSolutionSent':
      return done('SOLUTION');
    case 'ReviewPassed':
    case 'ReviewFailed':
      return event.data.subject === 'TECHNICAL_AGREEMENT' ? done('AGREEMENT_REVIEW') : [];
    // a new version is reviewed on a clock of its own
    case 'TechnicalAgreementSubmitted':
      return lapsed('AGREEMENT_REVIEW');
    // the organisers' part is over: the same clock goes on, waiting for the reviewers (it restarts in the event)
    case 'ReviewConvened':
      return event.data.subject === 'TECHNICAL_AGREEMENT' ? [{ kind: 'AGREEMENT_REVIEW', done: true }] : [];
    case 'ContractDrafted':
      return lapsed('CONTRACT_REVIEW');
    case 'ContractCountersigned':
      return [{ kind: 'CONTRACT_REVIEW', done: true, ifWaitingForCount: event.data.step + 1 }];
    // a rejection concludes the review: the next draft starts another
    case 'CountersignRejected':
      return done('CONTRACT_REVIEW');
    case 'BidDocumentsChecked':
      return done('BID_CHECK');
    case 'BidBondPaid':
      return done('BID_BOND');
    case 'ProjectSummarized':
      return done('SUMMARY');
    default:
      return [];
  }
}
