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

/**
 * The store cannot be reached or written (connection refused, no answer within the deadline, disk
 * full, file read-only, locked past the busy timeout). The append did not happen — or, after a
 * deadline, its outcome is unknown: a retry with the same commandId appends nothing twice.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  readonly statusCode = 503;
  constructor(
    readonly store: string,
    /** For the operator's log; clients get the message, which names no host, file or driver. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the ${store} is unavailable: try again later with the same commandId`, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * An event stored at a schema version this code does not know (written by a newer release): refused
 * rather than folded as if it had the shape this code expects.
 */
export class UnreadableEventError extends Error {
  readonly code = 'UNREADABLE_EVENT';
  constructor(
    readonly type: string,
    readonly schemaVersion: unknown,
    readonly currentVersion: number,
    readonly where: { stream: string; revision: number; position: string },
  ) {
    super(
      `${type} at ${where.stream} revision ${where.revision} is stored at schema version ${String(schemaVersion)}, ` +
        `and this release reads ${type} up to version ${currentVersion}: run the release that wrote it`,
    );
    this.name = 'UnreadableEventError';
  }
}
