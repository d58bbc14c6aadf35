import { parentPort, threadId, workerData } from 'node:worker_threads';
import { openEventStore } from '../../src/event-store/open-event-store.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { createLogger } from '../../src/logging/logger.js';
import { openReadStore } from '../../src/read-store/open-read-store.js';
import { PROJECTIONS } from '../projections.js';
import { foldShadows, RebuildFailedError, shadowOf, type RebuildWorkerData, type RebuildWorkerReport } from './rebuild.js';

/**
 * A rebuild thread: opens the stores itself, folds its read models' shadows up to the head of the log,
 * closes the stores (which writes everything) and then answers with their checkpoints.
 */
// a plain copy of the configuration, without its class's getters (the stores read only its fields):
// loading the class and its validators would cost a third of a second of every rebuild
const { config, names } = workerData as RebuildWorkerData;
const projections = names.map((name) => {
  const projection = PROJECTIONS.find((known) => known.name === name);
  if (!projection) throw new Error(`unknown read model: ${name}`);
  return projection;
});
const logger = createLogger(config.LOG_LEVEL).child({ component: 'rebuild', thread: threadId });
const shadowCollections = projections.flatMap((projection) => shadowOf(projection).collections.map((collection) => collection.name));
const [events, reads] = await Promise.all([openEventStore(config, projectUpcasters), openReadStore(config, logger, shadowCollections)]);
let report: RebuildWorkerReport;
const started = performance.now();
try {
  report = { checkpoints: await foldShadows(projections, events, reads, logger) };
  logger.info({ readModels: names, ms: Math.round(performance.now() - started) }, 'read models folded on this thread');
} catch (error) {
  if (!(error instanceof RebuildFailedError)) throw error;
  report = { failure: error.failure };
} finally {
  await Promise.all([events.close(), reads.close()]);
}
parentPort!.postMessage(report);
