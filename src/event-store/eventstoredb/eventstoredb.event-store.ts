import {
  AccessDeniedError, ANY, BACKWARDS, END, EventStoreDBClient, excludeSystemEvents, FORWARDS, jsonEvent, NO_STREAM, START,
  STREAM_EXISTS, StreamNotFoundError, WrongExpectedVersionError,
  type AllStreamRecordedEvent, type AllStreamSubscription, type AppendExpectedRevision, type Direction,
  type Position as LogPosition, type RecordedEvent,
} from '@eventstore/db-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError } from '../event-store.errors.js';
import type {
  AppendResult, EventStore, ExpectedRevision, LogHead, NewEvent, Position, ReadAllOptions, ReadStreamOptions, StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { deserialize } from '../serializer.js';
import { unavailableOr, withinDeadline } from './eventstoredb-unavailable.js';
import type { UpcasterRegistry } from '../upcasters.js';

const MIN_PAGE = 100;
const BACKOFF_FIRST_MS = 100;
const BACKOFF_MAX_MS = 5_000;
const DEFAULT_DEADLINE_MS = 5_000;

export const serializePosition = ({ commit, prepare }: LogPosition): Position => `C:${commit}/P:${prepare}`;

export function parsePosition(position: Position): LogPosition {
  const match = /^C:(\d+)\/P:(\d+)$/.exec(position);
  if (!match) throw new RangeError(`not an EventStoreDB position: ${position}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** $all is ordered by commit position, then prepare position. */
function compare(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit > b.commit ? 1 : -1;
  return a.prepare === b.prepare ? 0 : a.prepare > b.prepare ? 1 : -1;
}

const expectedRevisionOf = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'NO_STREAM' ? NO_STREAM : expected === 'STREAM_EXISTS' ? STREAM_EXISTS : expected === 'ANY' ? ANY : BigInt(expected);

const isSystem = (event: RecordedEvent) => event.type.startsWith('$') || event.streamId.startsWith('$');

const jsonText = (value: unknown): string =>
  value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : JSON.stringify(value ?? {});

/** Cleanup of a gRPC call that may never have started: its failure was already reported to the reader. */
const quietly = (cleanup: Promise<void>) => cleanup.catch(() => undefined);

/** The production event store: EventStoreDB over gRPC; `$all` gives the global order. */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<CatchUpSubscription>();

  private readonly deadlineMs: number;

  constructor(
    connectionString: string,
    private readonly upcasters: UpcasterRegistry,
    /** How long a read or an append may wait for the server, connecting included. */
    { deadlineMs = DEFAULT_DEADLINE_MS }: { deadlineMs?: number } = {},
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.deadlineMs = deadlineMs;
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('an append needs at least one event');
    const proposed = events.map(({ id, type, data, metadata }) => jsonEvent({ id, type, data, metadata }));
    try {
      const appending = this.client.appendToStream(stream, proposed, { expectedRevision: expectedRevisionOf(expected), deadline: this.deadlineMs });
      // past the deadline the outcome is unknown: a retry of the command (same event ids) appends nothing twice
      const result = await withinDeadline(this.deadlineMs, appending);
      // the server may report no position, e.g. for an idempotent repeat: take the stored event's own
      const position = result.position ?? (await withinDeadline(this.deadlineMs, this.positionOf(stream, result.nextExpectedRevision)));
      return { nextRevision: Number(result.nextExpectedRevision), position: serializePosition(position) };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : 'NO_STREAM';
      throw new ConcurrencyError(stream, expected, actual);
    }
  }

  async readStream(stream: string, { fromRevision = 0, toRevision, until, asStored }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    if (toRevision !== undefined && toRevision < fromRevision) return [];
    const read = this.client.readStream(stream, {
      direction: FORWARDS,
      fromRevision: BigInt(fromRevision),
      maxCount: toRevision === undefined ? undefined : toRevision - fromRevision + 1,
      deadline: this.deadlineMs,
    });
    const events: StoredEvent[] = [];
    const reading = async () => {
      for await (const { event } of read) {
        if (!event) continue;
        if (toRevision !== undefined && event.revision > BigInt(toRevision)) break;
        if (until && event.created.getTime() > until.getTime()) continue;
        events.push(this.toStored(event, asStored ? undefined : this.upcasters));
      }
    };
    try {
      await withinDeadline(this.deadlineMs, reading(), () => read.destroy());
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    } finally {
      await quietly(read.cancel());
    }
    return events;
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    if (limit <= 0) return events;
    const from = after === undefined ? undefined : parsePosition(after);
    try {
      for await (const event of this.scan(FORWARDS, from, Math.max(limit + 1, MIN_PAGE))) {
        if (isSystem(event)) continue;
        events.push(this.toStored(event, this.upcasters));
        if (events.length === limit) break;
      }
    } catch (error) {
      throw unavailableOr(error);
    }
    return events;
  }

  /** Delivers every event, whatever `types` asks for (a filter on the server is left for when it pays). */
  subscribe({ after }: SubscribeOptions = {}): Subscription {
    const subscription = new CatchUpSubscription(
      this.client,
      (event) => this.toStored(event, this.upcasters),
      after === undefined ? undefined : parsePosition(after),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  comparePositions(a: Position, b: Position): number {
    return compare(parsePosition(a), parsePosition(b));
  }

  async head(): Promise<LogHead | undefined> {
    try {
      for await (const event of this.scan(BACKWARDS, undefined, MIN_PAGE)) {
        if (!isSystem(event)) return { position: serializePosition(event.position), recordedAt: event.created.toISOString() };
      }
    } catch (error) {
      throw unavailableOr(error);
    }
    return undefined;
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    // reads of $all have no gRPC deadline, and an unreachable host can hang until the TCP timeout
    try {
      await withinDeadline(this.deadlineMs, read.toArray(), () => read.destroy());
    } finally {
      await quietly(read.cancel());
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** `$all` page by page, strictly beyond `from` in `direction`, system events included. */
  private async *scan(direction: Direction, from: LogPosition | undefined, pageSize: number): AsyncGenerator<AllStreamRecordedEvent> {
    const beyond = (position: LogPosition, cursor: LogPosition) => compare(position, cursor) * (direction === FORWARDS ? 1 : -1) > 0;
    let cursor = from;
    for (;;) {
      // the read starts AT its position, which the previous page (or the caller) already saw
      const page = this.client.readAll({ direction, fromPosition: cursor ?? (direction === FORWARDS ? START : END), maxCount: pageSize });
      let read = 0;
      try {
        for await (const { event } of page) {
          read += 1;
          if (!event || (cursor && !beyond(event.position, cursor))) continue;
          cursor = event.position;
          yield event;
        }
      } finally {
        await quietly(page.cancel());
      }
      if (read < pageSize) return;
    }
  }

  private async positionOf(stream: string, revision: bigint): Promise<LogPosition> {
    for await (const { event } of this.client.readStream(stream, { fromRevision: revision, maxCount: 1 })) {
      if (event?.position) return event.position;
    }
    throw new Error(`EventStoreDB reported no position for ${stream}@${revision}`);
  }

  private toStored(event: RecordedEvent, upcasters: UpcasterRegistry | undefined): StoredEvent {
    return deserialize(
      {
        id: event.id,
        stream: event.streamId,
        revision: Number(event.revision),
        position: event.position ? serializePosition(event.position) : '',
        type: event.type,
        data: jsonText(event.data),
        metadata: jsonText(event.metadata),
        recordedAt: event.created.toISOString(),
      },
      upcasters,
    );
  }
}

/** A catch-up subscription to `$all` that, when the connection drops, resumes after the last delivered event. */
class CatchUpSubscription implements Subscription {
  private readonly closing = new AbortController();
  private readonly events: AsyncGenerator<StoredEvent[]>;
  private current: AllStreamSubscription | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly toStored: (event: AllStreamRecordedEvent) => StoredEvent,
    private lastDelivered: LogPosition | undefined,
    private readonly onEnded: () => void,
  ) {
    this.events = this.deliver();
  }

  [Symbol.asyncIterator](): AsyncIterator<StoredEvent[]> {
    return this.events;
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    const current = this.current;
    if (current) {
      await quietly(current.unsubscribe());
      // ends a pending read even if the cancelled call never reports its end
      current.destroy();
    }
    await this.events.return(undefined);
    this.onEnded();
  }

  /** Each event as it comes: the server streams them one by one. */
  private async *deliver(): AsyncGenerator<StoredEvent[]> {
    try {
      for (let failures = 0; !this.closing.signal.aborted; ) {
        const subscribedAt = Date.now();
        for await (const event of this.untilDropped()) {
          this.lastDelivered = event.position;
          yield [this.toStored(event)];
        }
        if (this.closing.signal.aborted) return;
        failures = Date.now() - subscribedAt > BACKOFF_MAX_MS ? 1 : failures + 1;
        const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
        // close() interrupts the wait
        await sleep(backoff * (0.5 + Math.random() / 2), undefined, { signal: this.closing.signal }).catch(() => undefined);
      }
    } finally {
      this.onEnded();
    }
  }

  /** The events of one server subscription, until it ends or its connection drops. */
  private async *untilDropped(): AsyncGenerator<AllStreamRecordedEvent> {
    const from = this.lastDelivered;
    const subscription = this.client.subscribeToAll({ fromPosition: from ?? START, filter: excludeSystemEvents() });
    this.current = subscription;
    try {
      for await (const { event } of subscription) {
        // guards against a resubscription repeating the event it resumed from
        if (!event || isSystem(event) || (from && compare(event.position, from) <= 0)) continue;
        yield event;
      }
    } catch (error) {
      if (error instanceof AccessDeniedError) throw error;
    } finally {
      await quietly(subscription.unsubscribe());
    }
  }
}
