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
  /**
   * The version of what it makes, raised whenever the same events would now make other documents
   * (absent: 1). Its checkpoint is kept under `checkpointKey`, so a store holding another version's
   * read model has none for this one, and the runner starts it over from the log.
   */
  version?: number;
}

/** Where a read model's checkpoint is kept: its name, and from version 2 on its version too. */
export const checkpointKey = ({ name, version }: Projection): string => (version && version > 1 ? `${name}@${version}` : name);
