import { decideAppend, NO_STREAM_REVISION } from '../append-rules.js';
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
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { pollingSubscription } from '../polling-subscription.js';
import { deserialize, serialize, type RawEvent } from '../serializer.js';
import type { UpcasterRegistry } from '../upcasters.js';
import { AppendSignal } from '../append-signal.js';

/** For unit tests only: the same contract as the durable stores, kept in an array. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RawEvent[] = [];
  private readonly byId = new Map<string, RawEvent>();
  private readonly signal = new AppendSignal();

  constructor(private readonly upcasters: UpcasterRegistry) {}

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const stored = events.flatMap((event) => this.byId.get(event.id) ?? []);
    const current = this.streamEvents(stream).at(-1)?.revision ?? NO_STREAM_REVISION;
    const decision = decideAppend(stream, current, expected, events, stored);
    if (decision.kind === 'already-stored') return decision.result;
    const recordedAt = new Date().toISOString();
    const raws = events.map((event, index): RawEvent => ({
      id: event.id,
      stream,
      revision: decision.firstRevision + index,
      position: String(this.log.length + index + 1),
      type: event.type,
      data: serialize(event.data),
      metadata: serialize(event.metadata),
      recordedAt,
    }));
    for (const raw of raws) {
      this.log.push(raw);
      this.byId.set(raw.id, raw);
    }
    this.signal.notify();
    const last = raws[raws.length - 1];
    return { nextRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const from = options.fromRevision ?? 0;
    const to = options.toRevision ?? Number.MAX_SAFE_INTEGER;
    const until = options.until?.toISOString();
    return this.streamEvents(stream)
      .filter((raw) => raw.revision >= from && raw.revision <= to && (!until || raw.recordedAt <= until))
      .map((raw) => deserialize(raw, options.asStored ? undefined : this.upcasters));
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    const start = after === undefined ? 0 : Number(after);
    return this.log.slice(start, start + limit).map((raw) => deserialize(raw, this.upcasters));
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return pollingSubscription(
      { readAll: (o) => this.readAll(o), waitForAppend: (ms) => this.signal.wait(ms) },
      { after: options.after },
    );
  }

  comparePositions(a: Position, b: Position): number {
    return Number(a) - Number(b);
  }

  async head(): Promise<LogHead | undefined> {
    const last = this.log.at(-1);
    return last && { position: last.position, recordedAt: last.recordedAt };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private streamEvents(stream: string): RawEvent[] {
    return this.log.filter((raw) => raw.stream === stream);
  }
}
