import { ConcurrencyError, DuplicateEventError } from './event-store.errors.js';
import type { AppendResult, ExpectedRevision, NewEvent, Position } from './event-store.port.js';

/** Where an event id is already stored. */
export interface StoredLocation {
  id: string;
  stream: string;
  revision: number;
  position: Position;
}

export type AppendDecision =
  | { kind: 'write'; firstRevision: number }
  | { kind: 'already-stored'; result: AppendResult };

/** -1 stands for a stream that does not exist. */
export const NO_STREAM_REVISION = -1;

/**
 * The rules every embedded adapter applies before writing: idempotency by event id first
 * (same ids at the revisions the expectation allows → the original result), then the expectation.
 */
export function decideAppend(
  stream: string,
  current: number,
  expected: ExpectedRevision,
  events: NewEvent[],
  stored: StoredLocation[],
): AppendDecision {
  if (events.length === 0) throw new RangeError('an append needs at least one event');
  if (stored.length > 0) return alreadyStored(stream, current, expected, events, stored);
  if (!meets(expected, current)) {
    throw new ConcurrencyError(stream, expected, current === NO_STREAM_REVISION ? 'NO_STREAM' : current);
  }
  return { kind: 'write', firstRevision: current + 1 };
}

function meets(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'ANY':
      return true;
    case 'NO_STREAM':
      return current === NO_STREAM_REVISION;
    case 'STREAM_EXISTS':
      return current !== NO_STREAM_REVISION;
    default:
      return current === expected;
  }
}

function alreadyStored(
  stream: string,
  current: number,
  expected: ExpectedRevision,
  events: NewEvent[],
  stored: StoredLocation[],
): AppendDecision {
  const foreign = stored.find((location) => location.stream !== stream);
  if (foreign) throw new DuplicateEventError(foreign.id);
  const byId = new Map(stored.map((location) => [location.id, location]));
  const first = byId.get(events[0].id);
  const sameBatch =
    first !== undefined &&
    events.every((event, index) => byId.get(event.id)?.revision === first.revision + index) &&
    meets(expected, first.revision - 1);
  if (!sameBatch) {
    throw new ConcurrencyError(stream, expected, current === NO_STREAM_REVISION ? 'NO_STREAM' : current);
  }
  const last = byId.get(events[events.length - 1].id)!;
  return { kind: 'already-stored', result: { nextRevision: last.revision, position: last.position } };
}
