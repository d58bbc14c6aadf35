import { MongoClient, MongoServerError, type AnyBulkWriteOperation, type ClientSession, type Db, type Document as MongoDocument } from 'mongodb';
import type { Position } from '../../event-store/event-store.port.js';
import { CheckpointMovedError, InvalidChangeError, UniqueIndexError } from '../read-store.errors.js';
import type { Change, CollectionDefinition, Document, Filter, FindOptions, ReadStore } from '../read-store.port.js';

const CHECKPOINTS = 'checkpoints';
const DUPLICATE_KEY = 11000;

type CheckpointDocument = { _id: string; position: Position; updatedAt: Date };

/** The production read store: MongoDB, each commit one transaction with its checkpoint (needs a replica set). */
export class MongoReadStore implements ReadStore {
  private readonly defined = new Set<string>();

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  static async connect(uri: string): Promise<MongoReadStore> {
    const client = new MongoClient(uri);
    await client.connect();
    // the database named in the URI, or psm
    const named = new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).pathname.slice(1);
    return new MongoReadStore(client, client.db(named || 'psm'));
  }

  async defineCollections(definitions: CollectionDefinition[]): Promise<void> {
    const existing = new Set((await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const { name, indexes = [] } of [...definitions, { name: CHECKPOINTS }]) {
      if (!existing.has(name)) await this.db.createCollection(name);
      for (const index of indexes) await this.db.collection(name).createIndex(index.key, { name: index.name, unique: index.unique ?? false });
      this.defined.add(name);
    }
  }

  async find<T extends Document = Document>(name: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return (await this.db.collection(name).find(filter, options).toArray()) as unknown as T[];
  }

  async findOne<T extends Document = Document>(name: string, filter: Filter = {}, options: FindOptions = {}): Promise<T | null> {
    return (await this.db.collection(name).findOne(filter, options)) as unknown as T | null;
  }

  async count(name: string, filter: Filter = {}): Promise<number> {
    return this.db.collection(name).countDocuments(filter);
  }

  async aggregate<T = Record<string, unknown>>(name: string, pipeline: Record<string, unknown>[]): Promise<T[]> {
    return (await this.db.collection(name).aggregate(pipeline).toArray()) as T[];
  }

  async commit(projection: string, changes: Change[], checkpoint: Position, expected?: Position | null): Promise<void> {
    const unknown = changes.find((change) => !this.defined.has(change.collection));
    if (unknown) throw new InvalidChangeError(`collection ${unknown.collection} is not defined`);
    try {
      await this.client.withSession((session) =>
        session.withTransaction(async () => {
          if (expected !== undefined) {
            const stored = await this.db.collection<CheckpointDocument>(CHECKPOINTS).findOne({ _id: projection }, { session });
            if ((stored?.position ?? null) !== expected) throw new CheckpointMovedError(projection, expected, stored?.position ?? null);
          }
          for (const run of runsByCollection(changes)) {
            await this.db.collection(run.collection).bulkWrite(run.operations, { session, ordered: true });
          }
          await this.saveCheckpoint(session, projection, checkpoint);
        }, { writeConcern: { w: 'majority' } }),
      );
    } catch (error) {
      if (error instanceof CheckpointMovedError) throw error;
      throw uniqueIndexErrorOf(error) ?? error;
    }
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    await this.client.withSession((session) =>
      session.withTransaction(async () => {
        for (const name of collections) await this.db.collection(name).deleteMany({}, { session });
        await this.db.collection<CheckpointDocument>(CHECKPOINTS).deleteOne({ _id: projection }, { session });
      }),
    );
  }

  /**
   * Renames cannot run in a transaction: the checkpoint moves first, so a live writer's next guarded
   * commit fails and it resumes from the rebuilt read model; then each collection is replaced.
   */
  async swap(projection: string, swaps: Array<{ from: string; to: string }>, checkpoint: Position, replacedBy: string): Promise<void> {
    const checkpoints = this.db.collection<CheckpointDocument>(CHECKPOINTS);
    await checkpoints.updateOne({ _id: projection }, { $set: { position: checkpoint, updatedAt: new Date() } }, { upsert: true });
    for (const { from, to } of swaps) await this.db.renameCollection(from, to, { dropTarget: true });
    await checkpoints.deleteOne({ _id: replacedBy });
    for (const { from } of swaps) this.defined.delete(from);
  }

  async checkpoint(projection: string): Promise<Position | undefined> {
    const found = await this.db.collection<CheckpointDocument>(CHECKPOINTS).findOne({ _id: projection });
    return found?.position;
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async saveCheckpoint(session: ClientSession, projection: string, position: Position) {
    await this.db
      .collection<CheckpointDocument>(CHECKPOINTS)
      .updateOne({ _id: projection }, { $set: { position, updatedAt: new Date() } }, { upsert: true, session });
  }
}

/** Consecutive changes to one collection go in one ordered bulkWrite; order across collections is kept. */
function runsByCollection(changes: Change[]): Array<{ collection: string; operations: AnyBulkWriteOperation<MongoDocument>[] }> {
  const runs: Array<{ collection: string; operations: AnyBulkWriteOperation<MongoDocument>[] }> = [];
  for (const { collection, ...operation } of changes) {
    const last = runs[runs.length - 1];
    const op = operation as AnyBulkWriteOperation<MongoDocument>;
    if (last?.collection === collection) last.operations.push(op);
    else runs.push({ collection, operations: [op] });
  }
  return runs;
}

function uniqueIndexErrorOf(error: unknown): UniqueIndexError | undefined {
  if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) return undefined;
  const message = String(error.errmsg ?? error.message);
  const collection = /collection: [^.]+\.(\S+)/.exec(message)?.[1] ?? 'unknown';
  const index = /index: (\S+)/.exec(message)?.[1] ?? 'unknown';
  const key = error.keyValue ? JSON.stringify(Object.values(error.keyValue)) : (/dup key: (.*)$/.exec(message)?.[1] ?? '');
  return new UniqueIndexError(collection, index, key);
}
