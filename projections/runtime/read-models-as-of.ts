import { Inject, Injectable } from '@nestjs/common';
import type { Projection } from './projection.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';

const PAGE = 2000;

/**
 * What the read models said at a past instant: the log replayed, up to the last event recorded by
 * then, into a throw-away in-memory store. For audits of past reports; its cost grows with the log.
 */
@Injectable()
export class ReadModelsAsOf {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async build(asOf: Date, projections: Projection[]): Promise<ReadStore> {
    const reads = new EmbeddedReadStore(':memory:');
    await reads.defineCollections(projections.flatMap((projection) => projection.collections));
    const until = asOf.toISOString();
    for (let after: string | undefined, done = false; !done; ) {
      const page = await this.events.readAll({ after, limit: PAGE });
      const known = page.filter((event) => event.recordedAt <= until);
      done = page.length < PAGE || known.length < page.length;
      if (known.length === 0) break;
      for (const projection of projections) {
        await reads.commit(projection.name, known.flatMap((event) => projection.project(event)), known[known.length - 1].position);
      }
      after = page[page.length - 1].position;
    }
    return reads;
  }
}
