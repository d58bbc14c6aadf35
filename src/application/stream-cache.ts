import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type ReadStreamOptions, type StoredEvent } from '../event-store/event-store.port.js';

/** Events kept at most, over all streams: the least recently read streams are forgotten first. */
const CAPACITY = 10_000;

/**
 * The project streams read last, kept parsed: every command on a project, its state, its visibility
 * check and its audit (pages, time travel, diffs) read the same stream many times, and a stream only
 * grows, so each read fetches just the events appended since. Verification never reads through it:
 * it recomputes from what is stored.
 */
@Injectable()
export class StreamCache {
  private readonly streams = new Map<string, StoredEvent[]>();
  /** How many events the cached streams hold together. */
  private held = 0;

  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async read(stream: string, { toRevision, until }: Pick<ReadStreamOptions, 'toRevision' | 'until'> = {}): Promise<StoredEvent[]> {
    const cached = this.streams.get(stream) ?? [];
    const tail = await this.events.readStream(stream, { fromRevision: (cached[cached.length - 1]?.revision ?? -1) + 1 });
    const all = tail.length > 0 ? [...cached, ...tail] : cached;
    // counted against what is held now: a concurrent read of the same stream may have replaced it meanwhile
    this.held += all.length - (this.streams.get(stream)?.length ?? 0);
    // a Map iterates in insertion order: re-inserting keeps the most recently read last, the first is evicted
    this.streams.delete(stream);
    if (all.length > 0) this.streams.set(stream, all);
    for (const [oldest, events] of this.streams) {
      if (this.held <= CAPACITY || oldest === stream) break;
      this.streams.delete(oldest);
      this.held -= events.length;
    }
    const last = until?.toISOString();
    if (toRevision === undefined && last === undefined) return all;
    return all.filter((event) => (toRevision === undefined || event.revision <= toRevision) && (last === undefined || event.recordedAt <= last));
  }
}
