import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import type { EventStore } from './event-store.port.js';
import type { UpcasterRegistry } from './upcasters.js';

/** The event store the configuration selects, reading through `upcasters` (projectUpcasters); only the chosen adapter's driver is loaded. */
export async function openEventStore(config: AppConfig, upcasters: UpcasterRegistry): Promise<EventStore> {
  if (config.EVENT_STORE === 'eventstoredb') {
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb.event-store.js');
    return new EventStoreDbEventStore(config.EVENTSTORE_CONNECTION_STRING!, upcasters, { deadlineMs: config.EVENTSTORE_DEADLINE_MS });
  }
  const { SqliteEventStore } = await import('./sqlite/sqlite.event-store.js');
  return new SqliteEventStore(join(config.DATA_DIR, 'events.db'), upcasters);
}
