/** Opaque, totally ordered position in the global log; adapters serialise their own kind to a string. */
export type Position = string;

/** NO_STREAM: the stream must not exist; STREAM_EXISTS: it must; ANY: no check; a number: the revision of its last event. */
export type ExpectedRevision = 'NO_STREAM' | 'ANY' | 'STREAM_EXISTS' | number;

export interface Actor {
  userId: string;
  name?: string;
  roles: string[];
}

export interface EventMetadata {
  actor: Actor;
  commandId: string;
  /** The command that wrote the event (absent on events written before it was recorded). */
  commandType?: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
  [extra: string]: unknown;
}

export interface NewEvent {
  /** uuid chosen by the writer: repeating an append with the same ids is idempotent. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface StoredEvent extends NewEvent {
  stream: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  position: Position;
  /** ISO-8601 UTC instant at which the store committed the event. */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream: the expected revision for the next append. */
  nextRevision: number;
  /** Global position of the last event appended. */
  position: Position;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  toRevision?: number;
  /** Only events recorded at or before this instant. */
  until?: Date;
  /** The events exactly as written, not upcast: what the hash chain covers. */
  asStored?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position; the start of the log when absent. */
  after?: Position;
  limit: number;
}

export interface SubscribeOptions {
  /** Exclusive: events strictly after this position; the start of the log when absent. */
  after?: Position;
  /**
   * Only events of these types are wanted: the subscription delivers at least those, and, each time
   * it reaches the end of the log, the last event it read whatever its type, so that a reader's
   * checkpoint reaches the head. An adapter may deliver every event.
   */
  types?: readonly string[];
}

/**
 * Catch-up subscription: history in global order, then live events, until closed; delivered a batch
 * at a time (what one read of the log gave), never an empty one, so that a reader of the whole log
 * does not wait once per event.
 */
export interface Subscription extends AsyncIterable<StoredEvent[]> {
  close(): Promise<void>;
}

export interface LogHead {
  position: Position;
  recordedAt: string;
}

export interface EventStore {
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Forward read; an absent stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** The order of two positions of this log: negative, zero or positive, as for a sort. */
  comparePositions(a: Position, b: Position): number;
  /** The last event of the log, if any. */
  head(): Promise<LogHead | undefined>;
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
