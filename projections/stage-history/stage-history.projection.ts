import { dimensionsOf, occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { STAGE_CHANGING_TYPES, stageEnteredBy } from '../../src/domain/project/stage-of.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const STAGE_INTERVALS = 'stage_intervals';
export const AMOUNT_HISTORY = 'amount_history';
/** The steps given a deadline (a solution, a bid-document check), one per stage interval that had one: what the reports count overdue. */
export const DUE_STEPS = 'due_steps';

/**
 * Every stretch of time a project spent in one stage: from, to (null while it lasts), the deadline of
 * the step in hand; and every change of the project's amount. The board as of any past date and the
 * time spent per stage are read from them. Both grow with the whole history and are kept large (on
 * disk); the deadlines, which reports read every time, are also kept apart, small.
 */
export const stageHistoryProjection: Projection = {
  name: 'stage-history',
  eventTypes: [
    ...STAGE_CHANGING_TYPES,
    ...(['SurveyCompleted', 'TenderDocumentsPurchased', 'SolutionSubmitted', 'BidDocumentsChecked', 'QuotationSubmitted'] as const),
  ],
  rebuildCost: 4.9,
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
    const open = { projectId, to: null };
    // the due step of the open interval, if it has one
    const live = { projectId, live: true };
    const changes: Change[] = [];
    const stage = stageEnteredBy(event);
    if (stage) {
      changes.push({ collection: STAGE_INTERVALS, updateMany: { filter: open, update: { $set: { to: at } } } });
      changes.push({ collection: DUE_STEPS, updateMany: { filter: live, update: { $unset: { live: '' } } } });
      changes.push({
        collection: STAGE_INTERVALS,
        updateOne: {
          filter: { _id: `${projectId}|${stored.revision}` },
          update: { $set: { projectId, stage, from: at, to: null, ...dimensionsOf(stored) } },
          upsert: true,
        },
      });
    }
    const dueOn =
      event.type === 'ExchangeRecorded' || event.type === 'SurveyCompleted' ? event.data.solutionDueOn
        : event.type === 'TenderDocumentsPurchased' ? event.data.bidDocumentsCheckDueOn : undefined;
    if (dueOn) {
      const due = { dueOn, dueMonth: dueOn.slice(0, 7), step: event.type === 'TenderDocumentsPurchased' ? 'BID_CHECK' : 'SOLUTION' };
      changes.push({ collection: STAGE_INTERVALS, updateMany: { filter: open, update: { $set: due } } });
      changes.push({
        collection: DUE_STEPS,
        updateOne: { filter: live, update: { $set: due, $setOnInsert: { _id: `${projectId}|${stored.revision}`, ...dimensionsOf(stored) } }, upsert: true },
      });
    }
    const stepDone = event.type === 'SolutionSubmitted' ? 'SOLUTION' : event.type === 'BidDocumentsChecked' ? 'BID_CHECK' : undefined;
    if (stepDone) {
      changes.push({ collection: STAGE_INTERVALS, updateMany: { filter: { projectId, to: null, step: stepDone, doneAt: null }, update: { $set: { doneAt: at } } } });
      changes.push({ collection: DUE_STEPS, updateMany: { filter: { projectId, live: true, step: stepDone, doneAt: null }, update: { $set: { doneAt: at } } } });
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
