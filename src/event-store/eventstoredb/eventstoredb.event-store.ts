import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type Position as EsdbPosition,
  type ReadPosition,
  type RecordedEvent,
} from '@eventstore/db-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError } from '../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  LogHead,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  Subscription,
} from '../event-store.port.js';
import { deserialize } from '../serializer.js';
import type { UpcasterRegistry } from '../upcasters.js';

export const serializePosition = ({ commit, prepare }: EsdbPosition): Position => `C:${commit}/P:${prepare}`;

export function parsePosition(position: Position): EsdbPosition {
  const match = /^C:(\d+)\/P:(\d+)$/.exec(position);
  if (!match) throw new RangeError(`not an EventStoreDB position: ${position}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

const expectedOf = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'NO_STREAM' ? NO_STREAM : expected === 'STREAM_EXISTS' ? STREAM_EXISTS : expected === 'ANY' ? ANY : BigInt(expected);

const isSystem = (event: RecordedEvent) => event.type.startsWith('$') || event.streamId.startsWith('$');

/** The production event store: EventStoreDB over gRPC, streams `project-<uuid>`, `$all` for the global order. */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    connectionString: string,
    private readonly upcasters: UpcasterRegistry,
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('an append needs at least one event');
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata })),
        { expectedRevision: expectedOf(expected) },
      );
      return { nextRevision: Number(result.nextExpectedRevision), position: serializePosition(result.position!) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : 'NO_STREAM';
        throw new ConcurrencyError(stream, expected, actual);
      }
      throw error;
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      const from = options.fromRevision ?? 0;
      for await (const { event } of this.client.readStream(stream, { fromRevision: BigInt(from), direction: FORWARDS })) {
        if (!event) continue;
        if (options.toRevision !== undefined && event.revision > BigInt(options.toRevision)) break;
        if (options.until && event.created > options.until) break;
        events.push(this.toStored(event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let from: ReadPosition = after === undefined ? START : parsePosition(after);
    let skip = after;
    for (;;) {
      let read = 0;
      for await (const { event } of this.client.readAll({ fromPosition: from, maxCount: limit + 1, direction: FORWARDS })) {
        read += 1;
        if (!event?.position) continue;
        from = event.position;
        const position = serializePosition(event.position);
        // the read starts at `from` itself, which was already delivered
        if (position === skip || isSystem(event)) continue;
        events.push(this.toStored(event));
        if (events.length === limit) return events;
      }
      if (read < limit + 1) return events;
      skip = serializePosition(from as EsdbPosition);
    }
  }

  subscribe(options: { after?: Position } = {}): Subscription {
    let closed = false;
    let current: ReturnType<EventStoreDBClient['subscribeToAll']> | undefined;
    const client = this.client;
    const toStored = (event: RecordedEvent) => this.toStored(event);

    async function* events(): AsyncGenerator<StoredEvent> {
      let last = options.after;
      for (let failures = 0; !closed; ) {
        current = client.subscribeToAll({ fromPosition: last ? parsePosition(last) : START, filter: excludeSystemEvents() });
        try {
          for await (const { event } of current) {
            if (closed) return;
            if (!event?.position) continue;
            failures = 0;
            last = serializePosition(event.position);
            yield toStored(event);
          }
        } catch (error) {
          if (closed) return;
          // the connection dropped: resubscribe from the last delivered position, backing off with jitter
          failures += 1;
          await sleep(Math.min(5_000, 100 * 2 ** failures) * (0.5 + Math.random() / 2));
        }
      }
    }

    const iterator = events();
    const subscription: Subscription = {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        this.subscriptions.delete(subscription);
        await current?.unsubscribe();
        await iterator.return(undefined);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async head(): Promise<LogHead | undefined> {
    for await (const { event } of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 100 })) {
      if (event?.position && !isSystem(event)) return { position: serializePosition(event.position), recordedAt: event.created.toISOString() };
    }
    return undefined;
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) break;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private toStored(event: RecordedEvent): StoredEvent {
    return deserialize(
      {
        id: event.id,
        stream: event.streamId,
        revision: Number(event.revision),
        position: event.position ? serializePosition(event.position) : '',
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        recordedAt: event.created.toISOString(),
      },
      this.upcasters,
    );
  }
}
