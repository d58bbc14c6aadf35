import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { openEventStore } from '../src/event-store/open-event-store.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';
import { createLogger } from '../src/logging/logger.js';
import { openReadStore } from '../src/read-store/open-read-store.js';
import { PROJECTIONS } from './projections.js';
import { Projector } from './runtime/projector.js';

/** The projector process (production): folds the log into the read models, nothing else. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL).child({ component: 'projector' });
  const [events, reads] = await Promise.all([openEventStore(config, projectUpcasters), openReadStore(config, logger)]);
  const projector = new Projector(PROJECTIONS, events, reads, logger);
  await projector.start();
  logger.info({ projections: PROJECTIONS.map((p) => p.name) }, 'projector started');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'projector stopping');
    await projector.stop();
    await Promise.all([events.close(), reads.close()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
