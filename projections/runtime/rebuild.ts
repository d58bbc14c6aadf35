import type { Logger } from 'pino';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import type { Projection } from './projection.js';
import { Projector } from './projector.js';

const SHADOW = '__rebuild';

/** The same projection writing into shadow collections under its own checkpoint. */
function shadowOf(projection: Projection): Projection {
  return {
    name: `${projection.name}${SHADOW}`,
    collections: projection.collections.map((collection) => ({ ...collection, name: `${collection.name}${SHADOW}` })),
    project: (event) => projection.project(event).map((change) => ({ ...change, collection: `${change.collection}${SHADOW}` })),
  };
}

export interface Rebuilt {
  name: string;
  checkpoint?: string;
  ms: number;
}

/**
 * Rebuilds read models from the start of the log, in one read of it, into fresh collections while
 * the live ones keep serving, then swaps each in with the rebuild's checkpoint; a live writer
 * resumes from there.
 */
export async function rebuild(projections: Projection[], events: EventStore, reads: ReadStore, logger: Logger): Promise<Rebuilt[]> {
  const started = Date.now();
  const shadows = projections.map(shadowOf);
  for (const shadow of shadows) await reads.reset(shadow.name, shadow.collections.map((collection) => collection.name));
  const projector = new Projector(shadows, events, reads, logger, { batchSize: 5000, flushMs: 5 });
  await projector.start();
  for (;;) {
    const head = (await events.head())?.position;
    const statuses = projector.status();
    const failed = statuses.find((status) => status.state === 'FAILED');
    if (failed) {
      await projector.stop();
      throw new Error(`rebuild of ${failed.name.replace(SHADOW, '')} stopped at ${failed.error?.type} (${failed.error?.position}): ${failed.error?.message}`);
    }
    if (statuses.every((status) => status.checkpoint === head)) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await projector.stop();
  const ms = Date.now() - started;
  return Promise.all(projections.map(async (projection, index) => {
    const { checkpoint } = projector.status()[index];
    if (checkpoint !== undefined) {
      const swaps = projection.collections.map(({ name }) => ({ from: `${name}${SHADOW}`, to: name }));
      await reads.swap(projection.name, swaps, checkpoint, shadows[index].name);
    }
    logger.info({ projection: projection.name, checkpoint, ms }, 'read model rebuilt and swapped in');
    return { name: projection.name, checkpoint, ms };
  }));
}
