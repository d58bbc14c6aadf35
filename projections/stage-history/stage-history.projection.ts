import { dimensionsOf, occurredAt, projectIdOf, stageBeforeOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { DEADLINE_EVENT_TYPES, deadlinesEndedBy, deadlinesStartedBy } from '../../src/domain/project/deadlines-of-events.js';
import { ownerSetBy } from '../../src/domain/project/members.js';
import { STAGE_CHANGING_TYPES, stageEnteredBy } from '../../src/domain/project/stage-of.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const STAGE_INTERVALS = 'stage_intervals';
export const AMOUNT_HISTORY = 'amount_history';
/** Every change of a project's owner (registration, 分派): whose a card was at a past instant. */
export const OWNER_HISTORY = 'owner_history';
/** Every SLA clock a project ran, open or stopped: the board as of an instant shows them, the reports count them overdue. */
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

/** The month (Asia/Shanghai) a clock runs out in: an instant at the end of a day belongs to that day. */
const monthOfLimit = (instant: string) => shanghaiDate(new Date(Date.parse(instant) - 1)).slice(0, 7);

/** The SLA clocks an event stops, then those it starts: a clock stops only if started by an earlier event (redelivery changes nothing). */
function clockChanges(stored: StoredEvent, event: ProjectEvent, projectId: string, at: string): Change[] {
  const doneBy = stored.metadata.actor?.userId;
  const stops = deadlinesEndedBy(event).map(({ kind, done, ifWaitingForCount }): Change => ({
    collection: DUE_STEPS,
    updateMany: {
      filter: { projectId, kind, stoppedAt: null, revision: { $lt: stored.revision }, ...(ifWaitingForCount ? { waitingFor: { $size: ifWaitingForCount } } : {}) },
      update: { $set: { stoppedAt: at, ...(done && doneBy ? { doneBy } : {}) } },
    },
  }));
  const starts = deadlinesStartedBy(event).map((deadline): Change => ({
    collection: DUE_STEPS,
    updateOne: {
      filter: { _id: `${projectId}|${deadline.kind}|${stored.revision}` },
      update: {
        $set: { ...deadline, revision: stored.revision, startedAt: at, stoppedAt: null, dueMonth: monthOfLimit(deadline.overdueAt) },
        $setOnInsert: { projectId, ...dimensionsOf(stored) },
      },
      upsert: true,
    },
  }));
  return [...stops, ...starts];
}

/**
 * Every stretch of time a project spent in one stage: from, to (null while it lasts), its class then;
 * every change of the project's amount; every SLA clock it ran, with the project's owner, region and
 * product line. The board as of any past date and the time spent per stage are read from them. The
 * first two grow with the whole history and are kept large (on disk); the clocks, which reports read
 * every time, are small. Intervals and amounts are addressed by id; a clock stops by its project and kind.
 */
export const stageHistoryProjection: Projection = {
  name: 'stage-history',
  eventTypes: [...new Set([...STAGE_CHANGING_TYPES, ...DEADLINE_EVENT_TYPES, 'QuotationSubmitted' as const, 'LeadAssigned' as const])],
  rebuildCost: 3.4,
  // 2: intervals and deadlines under ids (1 found them by query, the deadline by a `live` flag)
  // 3: a no-bid decision closes the project (CLOSED), no longer LOST
  // 4: every SLA clock in due_steps (kind, due and overdue instants, who it waits for, who did it); intervals carry none
  // 5: owner_history, as leads are assigned
  version: 5,
  collections: [
    {
      name: STAGE_INTERVALS,
      large: true,
      indexes: [{ name: 'by_project', key: { projectId: 1, to: 1 } }],
    },
    { name: AMOUNT_HISTORY, large: true, indexes: [{ name: 'by_project_time', key: { projectId: 1, at: 1 } }] },
    { name: OWNER_HISTORY, indexes: [{ name: 'by_project_time', key: { projectId: 1, at: 1 } }] },
    {
      name: DUE_STEPS,
      indexes: [
        { name: 'by_project', key: { projectId: 1, kind: 1 } },
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
    if (stage) {
      // a project's first event opens its first interval; a later one closes the interval it happened in
      if (stored.revision > 0) changes.push({ collection: STAGE_INTERVALS, updateOne: { filter: { _id: intervalOf(stored, projectId) }, update: { $set: { to: at } } } });
      changes.push({
        collection: STAGE_INTERVALS,
        updateOne: { filter: { _id: intervalId(projectId, at) }, update: { $set: { projectId, stage, from: at, to: null, projectClass: dimensionsOf(stored)?.projectClass ?? null } }, upsert: true },
      });
    }
    changes.push(...clockChanges(stored, event, projectId, at));
    const amount =
      event.type === 'LeadRegistered' ? event.data.estimatedAmount
        : event.type === 'QuotationSubmitted' || event.type === 'ContractSigned' ? event.data.amount : undefined;
    if (amount) {
      changes.push({ collection: AMOUNT_HISTORY, updateOne: { filter: { _id: `${projectId}|${stored.revision}` }, update: { $set: { projectId, at, amount } }, upsert: true } });
    }
    const ownerId = ownerSetBy(event);
    if (ownerId) {
      changes.push({ collection: OWNER_HISTORY, updateOne: { filter: { _id: `${projectId}|${stored.revision}` }, update: { $set: { projectId, at, ownerId } }, upsert: true } });
    }
    return changes;
  },
};
