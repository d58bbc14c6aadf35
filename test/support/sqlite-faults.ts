import type Database from 'better-sqlite3';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';

/** A fault of the event store's SQLite file, injected into the store's own connection and cleared again. */
export interface SqliteFault {
  inject(db: Database.Database): void;
  clear(db: Database.Database): void;
}

/**
 * Faults a root-run test can really cause (root ignores chmod, and mounting a full tmpfs needs more):
 * the file may not grow past its current pages, so a write needing a page gets SQLITE_FULL as on a full
 * disk; the connection refuses writes with SQLITE_READONLY as on a read-only file or mount.
 */
export const SQLITE_FAULTS: Record<'disk full' | 'read-only file', SqliteFault> = {
  'disk full': {
    inject: (db) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
    clear: (db) => db.pragma('max_page_count = 1073741823'),
  },
  'read-only file': {
    inject: (db) => db.pragma('query_only = ON'),
    clear: (db) => db.pragma('query_only = OFF'),
  },
};

/** The connection of a running SqliteEventStore. */
export function connectionOf(store: EventStore): Database.Database {
  if (!(store instanceof SqliteEventStore)) throw new Error('not the SQLite event store');
  return (store as unknown as { db: Database.Database }).db;
}
