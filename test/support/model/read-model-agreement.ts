import { PROJECTIONS } from '../../../projections/projections.js';
import { MONTHLY_STATISTICS } from '../../../projections/monthly-statistics/monthly-statistics.projection.js';
import { PIPELINE_CARDS } from '../../../projections/pipeline-board/pipeline-board.projection.js';
import { WIN_LOSS } from '../../../projections/win-loss/win-loss.projection.js';
import { readModelHash } from '../read-model-hash.js';
import type { EventStore, StoredEvent } from '../../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../../src/read-store/embedded/embedded.read-store.js';
import type { ReadStore } from '../../../src/read-store/read-store.port.js';
import { InlineProjector } from '../../../src/storage/inline-projector.js';
import type { PsmApp } from '../psm-app.js';

/** Waits until every read model of the app has folded in the log up to `position`. */
export async function projectedUpTo(psm: PsmApp, events: EventStore, position: StoredEvent['position']): Promise<void> {
  const projector = psm.app.get(InlineProjector);
  for (let i = 0; i < 1000; i++) {
    const status = projector.status()!;
    if (status.some((projection) => projection.state === 'FAILED')) throw new Error(`a projection failed: ${JSON.stringify(status)}`);
    if (status.every((projection) => projection.checkpoint !== undefined && events.comparePositions(projection.checkpoint, position) >= 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the read models did not reach position ${position}`);
}

/** Folds events through every projection into a fresh in-memory read store. */
async function freshlyProjected(events: StoredEvent[], projections = PROJECTIONS): Promise<EmbeddedReadStore> {
  const reads = new EmbeddedReadStore(':memory:');
  for (const projection of projections) {
    await reads.defineCollections(projection.collections);
    for (const event of events) await reads.commit(projection.name, projection.project(event), event.position);
  }
  return reads;
}

/** The collections that hold one project's documents, and how its documents are found (the monthly counters add projects up). */
const PER_PROJECT = PROJECTIONS.flatMap((projection) => projection.collections.map(({ name }) => name))
  .filter((name) => name !== MONTHLY_STATISTICS)
  .map((name) => ({ name, key: name === PIPELINE_CARDS || name === WIN_LOSS ? '_id' : 'projectId' }));

const PER_PROJECT_PROJECTIONS = PROJECTIONS.filter((projection) => projection.collections.some(({ name }) => PER_PROJECT.some((collection) => collection.name === name)));

/** Where the app's read models of one project differ from a fresh projection of its stream: none when they agree. */
export async function projectDisagreements(live: ReadStore, projectId: string, stream: StoredEvent[]): Promise<string[]> {
  const fresh = await freshlyProjected(stream, PER_PROJECT_PROJECTIONS);
  const differences = await differencesOf(live, fresh, projectId);
  await fresh.close();
  return differences;
}

async function differencesOf(live: ReadStore, folded: ReadStore, projectId: string): Promise<string[]> {
  const differences: string[] = [];
  for (const { name, key } of PER_PROJECT) {
    const filter = { [key]: projectId };
    const [served, fold] = await Promise.all([live.find(name, filter, { sort: { _id: 1 } }), folded.find(name, filter, { sort: { _id: 1 } })]);
    if (JSON.stringify(served) !== JSON.stringify(fold)) differences.push(`${name}:\n  served ${JSON.stringify(served)}\n  folded ${JSON.stringify(fold)}`);
  }
  return differences;
}

/**
 * One project's stream folded step by step: each step folds only the events appended since the last, into the
 * same read models a fresh projection of the whole stream makes (each read model folds its events in log order,
 * into collections of its own), without refolding the stream from the start at every step. A stream whose
 * folded part changed is folded afresh.
 */
export class StreamFold {
  private fold?: EmbeddedReadStore;
  private folded: StoredEvent[] = [];

  /** As `projectDisagreements`, for the stream as it is now. */
  async disagreements(live: ReadStore, projectId: string, stream: StoredEvent[]): Promise<string[]> {
    if (!this.fold || this.folded.some((event, index) => stream[index]?.id !== event.id)) {
      await this.close();
      this.fold = await freshlyProjected([], PER_PROJECT_PROJECTIONS);
      this.folded = [];
    }
    const added = stream.slice(this.folded.length);
    for (const projection of PER_PROJECT_PROJECTIONS) {
      for (const event of added) await this.fold.commit(projection.name, projection.project(event), event.position);
    }
    this.folded = [...stream];
    return differencesOf(live, this.fold, projectId);
  }

  async close(): Promise<void> {
    await this.fold?.close();
    this.fold = undefined;
  }
}

/** Whether every read model of the app equals a fresh projection of the whole log. */
export async function agreesWithWholeLog(live: ReadStore, log: StoredEvent[]): Promise<boolean> {
  const fresh = await freshlyProjected(log);
  const [served, folded] = await Promise.all([readModelHash(live), readModelHash(fresh)]);
  await fresh.close();
  return served === folded;
}
