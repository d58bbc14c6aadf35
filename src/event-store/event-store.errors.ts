import type { ExpectedRevision } from './event-store.port.js';

/** The stream was not at the expected revision: reload and decide again. */
export class ConcurrencyError extends Error {
  readonly code = 'CONCURRENCY';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'NO_STREAM',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}

/** An event id already belongs to a different stream or revision. */
export class DuplicateEventError extends Error {
  readonly code = 'DUPLICATE_EVENT';
  constructor(readonly eventId: string) {
    super(`event ${eventId} is already stored elsewhere`);
    this.name = 'DuplicateEventError';
  }
}
