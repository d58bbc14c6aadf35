import type { StoredEvent } from '../../../src/event-store/event-store.port.js';
import { monthFormat } from './statistics.js';

/** The SLA clocks the events ran, followed again from DOMAIN.md: independent of the deadlines the code keeps. */
/** The stage each event type enters, written out again from DOMAIN.md. */
export const STAGE_OF: Record<string, (data: Record<string, any>) => string | undefined> = {
  LeadRegistered: () => 'LEAD', LeadQualified: () => 'QUALIFIED', LeadRejected: () => 'CLOSED', LeadForwarded: () => 'CLOSED',
  ProjectApproved: () => 'PSM010_EXCHANGE', ExchangeRecorded: (d) => (d.surveyNeeded ? 'PSM020_SURVEY' : 'PSM030_SOLUTION'),
  SurveyCompleted: () => 'PSM030_SOLUTION', ReviewPassed: (d) => (d.subject === 'SOLUTION' && !d.revision ? 'PSM040_QUOTATION' : undefined), // a revision passes where the project stands
  ProcurementChosen: (d) => (d.method === 'TENDER' ? 'PSM050_TENDER' : 'PSM060_NEGOTIATION'),
  BidDecided: (d) => (d.decision === 'NO_BID' ? 'CLOSED' : undefined), BidWon: () => 'PSM060_NEGOTIATION', BidLost: () => 'LOST',
  TechnicalAgreementSigned: () => 'PSM070_CONTRACT', ContractSigned: () => 'WON', ProjectTerminated: () => 'TERMINATED', CustomerDeclined: () => 'CLOSED',
  StandardSolutionSent: () => 'PSM040_QUOTATION',
};

/** The clocks a closing event lapses (every one but the summary's), and the steps that stop a clock by being done, written out again from DOMAIN.md. */
const CLOSING = new Set(['LeadRejected', 'LeadForwarded', 'BidLost', 'ContractSigned', 'ProjectTerminated', 'CustomerDeclined']);
const DONE_BY: Record<string, (data: Record<string, any>) => string | undefined> = {
  SolutionSubmitted: () => 'SOLUTION', StandardSolutionSent: () => 'SOLUTION', SolutionRequestAnswered: () => 'SOLUTION_REQUEST', BidDocumentsChecked: () => 'BID_CHECK', BidBondPaid: () => 'BID_BOND', ProjectSummarized: () => 'SUMMARY',
  ReviewPassed: (d) => (d.subject === 'TECHNICAL_AGREEMENT' ? 'AGREEMENT_REVIEW' : undefined), ReviewFailed: (d) => (d.subject === 'TECHNICAL_AGREEMENT' ? 'AGREEMENT_REVIEW' : undefined),
  CountersignRejected: () => 'CONTRACT_REVIEW',
  // the organisers' part of an agreement's review: the reviewers they name take the same limit on
  ReviewConvened: (d) => (d.subject === 'TECHNICAL_AGREEMENT' ? 'AGREEMENT_REVIEW' : undefined),
};

type Clock = { kind: string; overdueAt: string; waitingFor: Array<{ userId?: string; role?: string }>; stoppedAt?: string; doneBy?: string };

/** Every SLA clock the events ran: when it stopped, and who did the step when it was done. */
export function clocksOf(events: StoredEvent[]): Clock[] {
  const clocks: Clock[] = [];
  const open = new Map<string, Map<string, Clock>>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const running = open.get(event.stream) ?? new Map<string, Clock>();
    open.set(event.stream, running);
    const when = event.metadata.occurredAt as string;
    const stop = (kind: string, doneBy?: string) => {
      const clock = running.get(kind);
      if (clock) Object.assign(clock, { stoppedAt: when, doneBy });
      running.delete(kind);
    };
    const closing = CLOSING.has(event.type) || (event.type === 'BidDecided' && data.decision === 'NO_BID');
    if (closing) for (const kind of [...running.keys()]) stop(kind);
    const doneKind = DONE_BY[event.type]?.(data);
    if (doneKind) stop(doneKind, (event.metadata.actor as { userId: string }).userId);
    if (event.type === 'ContractCountersigned' && running.get('CONTRACT_REVIEW')?.waitingFor.length === data.step + 1) stop('CONTRACT_REVIEW', (event.metadata.actor as { userId: string }).userId);
    if (event.type === 'TechnicalAgreementSubmitted') stop('AGREEMENT_REVIEW');
    if (event.type === 'ContractDrafted') stop('CONTRACT_REVIEW');
    for (const deadline of data.deadlines ?? []) {
      const clock: Clock = { kind: deadline.kind, overdueAt: deadline.overdueAt, waitingFor: deadline.waitingFor };
      clocks.push(clock);
      running.set(clock.kind, clock);
    }
  }
  return clocks;
}

/** Overdue steps per month and person as of `at`: who did a step late, else the people it waited for, else the roles. */
export function overdueByMonthAndPerson(events: StoredEvent[], at: string): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (const clock of clocksOf(events)) {
    if (!(clock.overdueAt < at && (clock.stoppedAt === undefined || clock.stoppedAt > clock.overdueAt))) continue;
    const month = monthFormat.format(new Date(Date.parse(clock.overdueAt) - 1)).slice(0, 7);
    const named = clock.waitingFor.flatMap((party) => (party.userId ? [party.userId] : []));
    const people = clock.doneBy ? [clock.doneBy] : named.length ? named : clock.waitingFor.map((party) => party.role!);
    const byPerson = counts.get(month) ?? {};
    counts.set(month, byPerson);
    for (const person of people) byPerson[person] = (byPerson[person] ?? 0) + 1;
  }
  return counts;
}
