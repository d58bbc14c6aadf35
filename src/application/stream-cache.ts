import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type ReadStreamOptions, type StoredEvent } from '../event-store/event-store.port.js';

const CAPACITY = 32;

/**
 * The project streams read last, kept parsed: a project's state, its visibility check and its audit
 * (pages, time travel, diffs) read the same stream many times, and a stream only grows, so each read
 * fetches just the events appended since. Verification never reads through it: it recomputes from
 * what is stored.
 */
@Injectable()
export class StreamCache {
  private readonly streams = new Map<string, StoredEvent[]>();

  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async read(stream: string, { toRevision, until }: Pick<ReadStreamOptions, 'toRevision' | 'until'> = {}): Promise<StoredEvent[]> {
    const cached = this.streams.get(stream) ?? [];
    const tail = await this.events.readStream(stream, { fromRevision: (cached[cached.length - 1]?.revision ?? -1) + 1 });
    const all = tail.length > 0 ? [...cached, ...tail] : cached;
    // a Map iterates in insertion order: re-inserting keeps the most recently read last, the first is evicted
    this.streams.delete(stream);
    if (all.length > 0) this.streams.set(stream, all);
    if (this.streams.size > CAPACITY) this.streams.delete(this.streams.keys().next().value!);
    const last = until?.toISOString();
    if (toRevision === undefined && last === undefined) return all;
    return all.filter((event) => (toRevision === undefined || event.revision <= toRevision) && (last === undefined || event.recordedAt <= last));
  }
}
