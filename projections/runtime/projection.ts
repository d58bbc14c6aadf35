import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import type { Change, CollectionDefinition } from '../../src/read-store/read-store.port.js';

/** A read model: its collections and a pure function from one event to the changes it makes. */
export interface Projection {
  name: string;
  collections: CollectionDefinition[];
  project(event: StoredEvent): Change[];
  /** The event types it folds, when it ignores every other (its changes for them are none): a reader may skip the rest. */
  eventTypes?: readonly string[];
  /**
   * Its share, in seconds, of a two-thread rebuild of every read model at 10,000 projects: its fold, its
   * part of reading the log on its thread, and its swap (measured): spreads rebuilds over threads; 1
   * when absent. Alone on a thread a read model costs more, since it reads the log for itself alone.
   */
  rebuildCost?: number;
}
