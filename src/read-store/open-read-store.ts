import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import type { ReadStore } from './read-store.port.js';

/**
 * The read store the configuration selects; only the chosen adapter's driver is loaded. `only`: the
 * collections this store will write, beside a service that has the file open (a rebuild worker).
 */
export async function openReadStore(config: AppConfig, logger?: Logger, only?: string[]): Promise<ReadStore> {
  if (config.READ_STORE === 'mongodb') {
    const { MongoReadStore } = await import('./mongodb/mongo.read-store.js');
    return MongoReadStore.connect(config.MONGODB_URI!);
  }
  const { EmbeddedReadStore } = await import('./embedded/embedded.read-store.js');
  const file = join(config.DATA_DIR, 'read.db');
  if (only) return new EmbeddedReadStore(file, { only });
  return EmbeddedReadStore.open(file, {
    onSetAside: (report) => logger?.warn(report, 'read-model file damaged: set aside, read models are rebuilt from the log'),
  });
}
