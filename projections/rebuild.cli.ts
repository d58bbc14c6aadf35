import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { openEventStore } from '../src/event-store/open-event-store.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';
import { createLogger } from '../src/logging/logger.js';
import { openReadStore } from '../src/read-store/open-read-store.js';
import { PROJECTIONS } from './projections.js';
import { rebuild } from './runtime/rebuild.js';

/**
 * npm run projections:rebuild [-- name …]: rebuilds read models from the start of the log and swaps
 * them in. With MongoDB the projector keeps running and resumes from the rebuilt checkpoint. The
 * embedded read store lives in the service's memory: stop the service first, or use the
 * `rebuildReadModels` mutation, which rebuilds inside the running service.
 */
try {
  const config = loadConfig();
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !PROJECTIONS.some((projection) => projection.name === name));
  if (unknown.length) {
    process.stderr.write(`unknown read model(s): ${unknown.join(', ')}; known: ${PROJECTIONS.map((p) => p.name).join(', ')}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL).child({ component: 'rebuild' });
  const [events, reads] = await Promise.all([openEventStore(config, projectUpcasters), openReadStore(config, logger)]);
  const selected = PROJECTIONS.filter((p) => names.length === 0 || names.includes(p.name));
  for (const { name, ms } of await rebuild(selected, events, reads, logger, { config })) {
    process.stdout.write(`${name}: rebuilt in ${(ms / 1000).toFixed(1)} s\n`);
  }
  await Promise.all([events.close(), reads.close()]);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
