import type { Logger } from 'pino';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

const SHADOW = '__rebuild';

/** The same projection writing into shadow collections under its own checkpoint. */
function shadowOf(projection: Projection): Projection {
  return {
    name: `${projection.name}${SHADOW}`,
    collections: projection.collections.map((collection) => ({ ...collection, name: `${collection.name}${SHADOW}` })),
    project: (event) => projection.project(event).map((change) => ({ ...change, collection: `${change.collection}${SHADOW}` })),
  };
}

/**
 * Rebuilds one read model from the start of the log into fresh collections while the live one keeps
 * serving, then swaps them in with the rebuild's checkpoint; a live writer resumes from there.
 */
export async function rebuild(projection: Projection, events: EventStore, reads: ReadStore, logger: Logger): Promise<{ checkpoint?: string; ms: number }> {
  const started = Date.now();
  const shadow = shadowOf(projection);
  await reads.reset(shadow.name, shadow.collections.map((collection) => collection.name));
  const runner = new ProjectionRunner(shadow, events, reads, logger, { batchSize: 1000, flushMs: 5 });
  await runner.start();
  for (;;) {
    const head = (await events.head())?.position;
    const status = runner.status();
    if (status.state === 'FAILED') {
      await runner.stop();
      throw new Error(`rebuild of ${projection.name} stopped at ${status.error?.type} (${status.error?.position}): ${status.error?.message}`);
    }
    if (status.checkpoint === head) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await runner.stop();
  const checkpoint = runner.status().checkpoint;
  if (checkpoint !== undefined) {
    const swaps = projection.collections.map(({ name }) => ({ from: `${name}${SHADOW}`, to: name }));
    await reads.swap(projection.name, swaps, checkpoint, shadow.name);
  }
  const done = { checkpoint, ms: Date.now() - started };
  logger.info({ projection: projection.name, ...done }, 'read model rebuilt and swapped in');
  return done;
}
