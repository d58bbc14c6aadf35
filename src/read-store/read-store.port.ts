import type { Position } from '../event-store/event-store.port.js';

/** A read-model document; `_id` is chosen by the projection (usually the project id). */
export type Document = { _id: string } & Record<string, unknown>;

/** A MongoDB query filter document. */
export type Filter = Record<string, unknown>;

/** A MongoDB update document: `$set`, `$setOnInsert`, `$inc`, `$push`, `$addToSet`, `$unset`, `$min`, `$max`, … */
export type Update = Record<string, Record<string, unknown>>;

export type Sort = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
}

/** One write of a batch, in the shape of MongoDB's bulkWrite operations, addressed to a collection. */
export type Change =
  | { collection: string; insertOne: { document: Document } }
  | { collection: string; updateOne: { filter: Filter; update: Update; upsert?: boolean } }
  | { collection: string; updateMany: { filter: Filter; update: Update } }
  | { collection: string; replaceOne: { filter: Filter; replacement: Document; upsert?: boolean } }
  | { collection: string; deleteOne: { filter: Filter } }
  | { collection: string; deleteMany: { filter: Filter } };

export interface IndexDefinition {
  name: string;
  key: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionDefinition {
  name: string;
  indexes?: IndexDefinition[];
  /**
   * Grows with the whole history rather than with the open pipeline: a store that keeps collections
   * in memory keeps this one on disk, read through its indexes. Its indexes are not unique and the
   * fields they start with hold plain values.
   */
  large?: boolean;
}

export interface ReadStore {
  /** Creates the collections and their indexes if missing; idempotent. */
  defineCollections(definitions: CollectionDefinition[]): Promise<void>;
  find<T extends Document = Document>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne<T extends Document = Document>(collection: string, filter?: Filter, options?: FindOptions): Promise<T | null>;
  count(collection: string, filter?: Filter): Promise<number>;
  aggregate<T = Record<string, unknown>>(collection: string, pipeline: Record<string, unknown>[]): Promise<T[]>;
  /**
   * Applies every change and moves the projection's checkpoint, all or nothing. With `expected`
   * (null: no checkpoint yet), commits only if the stored checkpoint is still that one, else throws
   * CheckpointMovedError: a rebuild swapped the read model underneath, so the writer must resume from it.
   */
  commit(projection: string, changes: Change[], checkpoint: Position, expected?: Position | null): Promise<void>;
  checkpoint(projection: string): Promise<Position | undefined>;
  /** Empties the collections and forgets the projection's checkpoint (a fresh start for a rebuild). */
  reset(projection: string, collections: string[]): Promise<void>;
  /**
   * Atomically makes each `to` collection hold what its `from` collection holds (and drops `from`),
   * moves `projection`'s checkpoint to `checkpoint` and forgets `replacedBy`'s.
   */
  swap(projection: string, swaps: Array<{ from: string; to: string }>, checkpoint: Position, replacedBy: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('ReadStore');
