import { dimensionsOf, occurredAt, projectIdOf, stageBeforeOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { STAGE_CHANGING_TYPES, stageEnteredBy } from '../../src/domain/project/stage-of.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const STAGE_INTERVALS = 'stage_intervals';
export const AMOUNT_HISTORY = 'amount_history';
/** The steps given a deadline (a solution, a bid-document check), one per stage interval that had one: what the reports count overdue. */
export const DUE_STEPS = 'due_steps';

/** An interval's id: its project and when it began, which every later event of the project carries as `stageBefore`. */
const intervalId = (projectId: string, from: string) => `${projectId}|${from}`;

/**
 * The interval an event happened in, found by id rather than by a query: beside every event but a
 * project's first, the command handler writes when the stage the command found was entered. A command
 * that changes the stage does so with its last event (a review's last vote, then its pass), so each of
 * its events happens in that interval, or opens the next.
 */
function intervalOf(stored: StoredEvent, projectId: string): string {
  const before = stageBeforeOf(stored);
  if (!before) throw new Error(`${stored.type} at revision ${stored.revision} of ${stored.stream} has no stageBefore: the interval it belongs to is unknown`);
  return intervalId(projectId, before.enteredAt);
}

/**
 * Every stretch of time a project spent in one stage: from, to (null while it lasts), its class then,
 * the deadline of the step in hand; and every change of the project's amount. The board as of any past
 * date and the time spent per stage are read from them. Both grow with the whole history and are kept
 * large (on disk); the deadlines, which reports read every time, are also kept apart, small, each
 * under the id of its interval and with the project's owner, region and product line. Every change
 * addresses its document by id: no query per event.
 */
export const stageHistoryProjection: Projection = {
  name: 'stage-history',
  eventTypes: [
    ...STAGE_CHANGING_TYPES,
    ...(['SurveyCompleted', 'TenderDocumentsPurchased', 'SolutionSubmitted', 'BidDocumentsChecked', 'QuotationSubmitted'] as const),
  ],
  rebuildCost: 3.4,
  // 2: intervals and deadlines under ids (1 found them by query, the deadline by a `live` flag)
  // 3: a no-bid decision closes the project (CLOSED), no longer LOST
  version: 3,
  collections: [
    {
      name: STAGE_INTERVALS,
      large: true,
      indexes: [
        { name: 'by_project', key: { projectId: 1, to: 1 } },
        { name: 'by_due_month', key: { dueMonth: 1 } },
      ],
    },
    { name: AMOUNT_HISTORY, large: true, indexes: [{ name: 'by_project_time', key: { projectId: 1, at: 1 } }] },
    {
      name: DUE_STEPS,
      indexes: [
        { name: 'by_project', key: { projectId: 1 } },
        { name: 'by_due_month', key: { dueMonth: 1 } },
      ],
    },
  ],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId) return [];
    const event = toDomainEvent(stored);
    const at = occurredAt(stored);
    const changes: Change[] = [];
    const stage = stageEnteredBy(event);
    let open: string | undefined;
    if (stage) {
      // a project's first event opens its first interval; a later one closes the interval it happened in
      if (stored.revision > 0) changes.push({ collection: STAGE_INTERVALS, updateOne: { filter: { _id: intervalOf(stored, projectId) }, update: { $set: { to: at } } } });
      open = intervalId(projectId, at);
      changes.push({
        collection: STAGE_INTERVALS,
        updateOne: { filter: { _id: open }, update: { $set: { projectId, stage, from: at, to: null, projectClass: dimensionsOf(stored)?.projectClass ?? null } }, upsert: true },
      });
    }
    const dueOn =
      event.type === 'ExchangeRecorded' || event.type === 'SurveyCompleted' ? event.data.solutionDueOn
        : event.type === 'TenderDocumentsPurchased' ? event.data.bidDocumentsCheckDueOn : undefined;
    if (dueOn) {
      const due = { dueOn, dueMonth: dueOn.slice(0, 7), step: event.type === 'TenderDocumentsPurchased' ? 'BID_CHECK' : 'SOLUTION' };
      open ??= intervalOf(stored, projectId);
      changes.push({ collection: STAGE_INTERVALS, updateOne: { filter: { _id: open }, update: { $set: due } } });
      changes.push({ collection: DUE_STEPS, updateOne: { filter: { _id: open }, update: { $set: due, $setOnInsert: { projectId, ...dimensionsOf(stored) } }, upsert: true } });
    }
    const stepDone = event.type === 'SolutionSubmitted' ? 'SOLUTION' : event.type === 'BidDocumentsChecked' ? 'BID_CHECK' : undefined;
    if (stepDone) {
      // the step in hand is done, once: a deadline of another kind, or one done already, stays as it is
      const inHand = { _id: (open ??= intervalOf(stored, projectId)), step: stepDone, doneAt: null };
      changes.push({ collection: STAGE_INTERVALS, updateOne: { filter: inHand, update: { $set: { doneAt: at } } } });
      changes.push({ collection: DUE_STEPS, updateOne: { filter: inHand, update: { $set: { doneAt: at } } } });
    }
    const amount =
      event.type === 'LeadRegistered' ? event.data.estimatedAmount
        : event.type === 'QuotationSubmitted' || event.type === 'ContractSigned' ? event.data.amount : undefined;
    if (amount) {
      changes.push({ collection: AMOUNT_HISTORY, updateOne: { filter: { _id: `${projectId}|${stored.revision}` }, update: { $set: { projectId, at, amount } }, upsert: true } });
    }
    return changes;
  },
};
