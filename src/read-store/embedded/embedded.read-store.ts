import type Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Position } from '../../event-store/event-store.port.js';
import { CheckpointMovedError } from '../read-store.errors.js';
import type {
  Change,
  CollectionDefinition,
  Document,
  Filter,
  FindOptions,
  ReadStore,
} from '../read-store.port.js';
import { largeCollectionRules, type Collection } from './collection.js';
import { DiskCollection } from './disk-collection.js';
import { EmbeddedCollection } from './embedded-collection.js';
import { isDamage, parsed, setAside } from './damaged-file.js';
import { quickCheckInWorker } from './quick-check.js';
import { aggregateOver, countIn, findIn } from './selected-documents.js';
import { StagedChanges } from './staged-changes.js';
import { documentWrites } from './document-writes.js';
import { openReadModelFile } from './read-model-file.js';
import { StoredNames } from './stored-names.js';

/** How many changed documents may wait in memory before a commit writes them at once. */
const WRITE_BEHIND_DOCUMENTS = 50_000;
/** How many documents a rebuild worker writes per transaction: none holds the file's write lock long. */
const WRITE_PART = 25_000;

export interface SetAside {
  file: string;
  setAsideAs: string;
  reason: string;
}

export interface EmbeddedReadStoreOptions {
  /** How long a commit may stay in memory only; 0: each commit is written before it returns. */
  writeBehindMs?: number;
  /** Told when a damaged file was set aside at start and the store started empty (the projector rebuilds it). */
  onSetAside?: (report: SetAside) => void;
  /** Whether opening runs SQLite's quick_check first; `open` runs it on a worker thread instead. */
  quickCheck?: boolean;
  /** How many documents a large collection may have and still be held in memory; beyond, it is kept in the file. */
  largeInMemory?: number;
  /**
   * Loads only these collections, without quick_check, and never sets the file aside: a rebuild worker
   * writing its shadow collections into the file the service keeps open. It writes them at close only,
   * in parts: no one reads a shadow before its swap, and a rebuild that stops is started over.
   */
  only?: string[];
}

const LARGE_IN_MEMORY = 100_000;

/**
 * The embedded read store: collections in memory, queried with mingo in MongoDB's own language,
 * loaded back at start; large ones (growing with the whole history), once they outgrow
 * `largeInMemory`, stay in the file and are read through their indexes. Commits are written behind,
 * within `writeBehindMs`, every changed document with the checkpoints in one SQLite transaction: the
 * file always holds read models exactly as of their checkpoints, and after a crash the projector
 * redoes the rest from the log.
 */
export class EmbeddedReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();
  /** The collections declared large, as the file records them; with their definitions once defined. */
  private readonly large = new Map<string, CollectionDefinition | undefined>();
  private readonly checkpoints = new Map<string, Position>();
  private readonly storedNames = new StoredNames();
  private readonly statements;
  private readonly unsaved = new Map<Collection, Set<string>>();
  private readonly unsavedCheckpoints = new Set<string>();
  private saveTimer?: NodeJS.Timeout;
  /** At least writeBehindMs, and ten times what the last write took: writing never takes more than a tenth of the time. */
  private saveDelayMs: number;
  /** Why the last write behind failed: the next commit tries again and fails with it, changing nothing. */
  private saveFailure?: unknown;
  private readonly write: () => void;
  private readonly writePart: (collection: Collection, ids: string[]) => void;

  private readonly writeBehindMs: number;
  private readonly largeInMemory: number;
  private readonly only?: ReadonlySet<string>;

  /**
   * Opens a store as the constructor does, with the file's quick_check on a worker thread while the
   * documents load; a file it finds damaged is then set aside as at any start.
   */
  static async open(file: string, options: EmbeddedReadStoreOptions = {}): Promise<EmbeddedReadStore> {
    if (file === ':memory:' || !existsSync(file)) return new EmbeddedReadStore(file, options);
    const verdict = quickCheckInWorker(file).catch((error: Error) => error.message);
    const store = new EmbeddedReadStore(file, { ...options, quickCheck: false });
    if ((await verdict) === 'ok') return store;
    // checked again on this thread, which sets the file aside
    await store.close();
    return new EmbeddedReadStore(file, options);
  }

  constructor(
    file: string,
    { writeBehindMs = 500, onSetAside, quickCheck = true, largeInMemory = LARGE_IN_MEMORY, only }: EmbeddedReadStoreOptions = {},
  ) {
    this.writeBehindMs = this.saveDelayMs = writeBehindMs;
    this.largeInMemory = largeInMemory;
    this.only = only && new Set(only);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = this.openSound(file, onSetAside, quickCheck && !only);
    const writeDocuments = documentWrites(this.db, (name) => this.key(name));
    const saveCheckpoint = this.db.prepare('INSERT OR REPLACE INTO checkpoints (projection, position) VALUES (?, ?)');
    this.statements = {
      saveCheckpoint,
      dropCheckpoint: this.db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
      dropCollection: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
    };
    const write = this.db.transaction(() => {
      for (const [collection, ids] of this.unsaved) writeDocuments(collection, [...ids].sort());
      for (const projection of this.unsavedCheckpoints) saveCheckpoint.run(projection, this.checkpoints.get(projection)!);
    });
    const writePart = this.db.transaction(writeDocuments);
    // IMMEDIATE takes the write lock first: a transaction that read first would fail at once, not wait, beside another writer
    this.write = () => write.immediate();
    this.writePart = (collection, ids) => writePart.immediate(collection, ids);
  }

  async defineCollections(definitions: CollectionDefinition[]): Promise<void> {
    for (const definition of definitions) {
      const large = Boolean(definition.large);
      if (large) largeCollectionRules.define(definition);
      if (large !== this.large.has(definition.name)) this.declare(definition.name, large);
      if (large) this.large.set(definition.name, definition);
      this.collection(definition.name).define(definition);
      if (large) this.keepInPlace(definition.name);
    }
  }

  async find<T extends Document = Document>(name: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    const [documents, rest] = this.select(name, filter);
    return findIn(documents, rest, options) as T[];
  }

  async findOne<T extends Document = Document>(name: string, filter: Filter = {}, options: FindOptions = {}): Promise<T | null> {
    const [first] = await this.find<T>(name, filter, { ...options, limit: 1 });
    return first ?? null;
  }

  async count(name: string, filter: Filter = {}): Promise<number> {
    return countIn(...this.select(name, filter));
  }

  async aggregate<T = Record<string, unknown>>(name: string, pipeline: Record<string, unknown>[]): Promise<T[]> {
    const first = pipeline[0]?.$match as Filter | undefined;
    return aggregateOver<T>(this.select(name, first ?? {})[0], pipeline);
  }

  async commit(projection: string, changes: Change[], checkpoint: Position, expected?: Position | null): Promise<void> {
    const actual = this.checkpoints.get(projection) ?? null;
    if (expected !== undefined && expected !== actual) throw new CheckpointMovedError(projection, expected, actual);
    const staged = new StagedChanges((name) => this.collection(name));
    for (const change of changes) staged.apply(change);
    staged.check();
    for (const [collection, overlay] of staged.overlays) if (this.large.has(collection.name)) largeCollectionRules.check(collection, overlay);
    if (this.saveFailure !== undefined || (!this.only && this.unsavedCount() >= WRITE_BEHIND_DOCUMENTS)) this.save();
    for (const [collection, overlay] of staged.overlays) {
      collection.apply(overlay);
      let ids = this.unsaved.get(collection);
      if (!ids) this.unsaved.set(collection, (ids = new Set()));
      for (const id of overlay.keys()) ids.add(id);
    }
    this.checkpoints.set(projection, checkpoint);
    this.unsavedCheckpoints.add(projection);
    for (const collection of staged.overlays.keys()) if (this.large.has(collection.name)) this.keepInPlace(collection.name);
    if (this.only) return;
    if (this.writeBehindMs === 0) this.saveBehind();
    else this.saveTimer ??= setTimeout(() => this.saveBehind(), this.saveDelayMs).unref();
  }

  async checkpoint(projection: string): Promise<Position | undefined> {
    return this.checkpoints.get(projection);
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    this.save();
    this.db.transaction(() => {
      for (const name of collections) this.statements.dropCollection.run(this.key(name));
      this.statements.dropCheckpoint.run(projection);
    }).immediate();
    for (const name of collections) this.collections.get(name)?.clear();
    this.checkpoints.delete(projection);
  }

  async swap(projection: string, swaps: Array<{ from: string; to: string }>, checkpoint: Position, replacedBy: string): Promise<void> {
    this.save();
    // folded through this store (not by a rebuild worker): the documents in memory are those in the file
    const folded = this.checkpoints.has(replacedBy);
    const exchanges = this.db.transaction(() => {
      const done = swaps.map(({ from, to }) => {
        this.statements.dropCollection.run(this.key(to));
        return this.storedNames.exchange(this.db, to, from);
      });
      this.statements.saveCheckpoint.run(projection, checkpoint);
      this.statements.dropCheckpoint.run(replacedBy);
      return done;
    }).immediate();
    for (const exchange of exchanges) exchange();
    for (const { from, to } of swaps) this.replaceCollection(to, from, folded);
    for (const { to } of swaps) if (this.large.has(to)) this.keepInPlace(to);
    this.checkpoints.set(projection, checkpoint);
    this.checkpoints.delete(replacedBy);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.saveAll();
    this.db.close();
  }

  /** Writes every commit still in memory only, with its checkpoint; throws, keeping them, if the file refuses. */
  private save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.unsavedCheckpoints.size === 0) return;
    const started = performance.now();
    this.write();
    this.saveDelayMs = Math.max(this.writeBehindMs, 10 * (performance.now() - started));
    this.saveFailure = undefined;
    for (const collection of this.unsaved.keys()) collection.saved();
    this.unsaved.clear();
    this.unsavedCheckpoints.clear();
  }

  /** As `save`; a rebuild worker's store first writes all but the last part of each collection, a part per transaction. */
  private saveAll(): void {
    if (this.only) this.saveInParts();
    this.save();
  }

  private saveInParts(): void {
    for (const [collection, ids] of this.unsaved) {
      const sorted = [...ids].sort();
      for (let start = 0; start + WRITE_PART < sorted.length; start += WRITE_PART) {
        const part = sorted.slice(start, start + WRITE_PART);
        this.writePart(collection, part);
        for (const id of part) ids.delete(id);
      }
    }
  }

  private saveBehind(): void {
    try {
      this.save();
    } catch (error) {
      this.saveFailure = error;
    }
  }

  private unsavedCount(): number {
    let count = 0;
    for (const ids of this.unsaved.values()) count += ids.size;
    return count;
  }

  /** The `collection` of a collection's rows in the file. */
  private key(name: string): string {
    return this.storedNames.key(name);
  }

  private collection(name: string): Collection {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new EmbeddedCollection(name)));
    return collection;
  }

  private select(name: string, filter: Filter): [Document[], Filter] {
    return this.collections.get(name)?.select(filter) ?? [[], filter];
  }

  /** Records in the file whether a collection is large from now on; one that no longer is comes back into memory. */
  private declare(name: string, large: boolean): void {
    this.save();
    if (large) this.db.prepare('INSERT OR IGNORE INTO large_collections (name) VALUES (?)').run(name);
    else this.db.prepare('DELETE FROM large_collections WHERE name = ?').run(name);
    if (large) return;
    this.large.delete(name);
    if (this.collections.get(name)?.onDisk) this.collections.set(name, this.loaded(name));
  }

  /** A large collection held in memory that has outgrown it is written out and kept in the file from now on. */
  private keepInPlace(name: string): void {
    const collection = this.collections.get(name);
    if (!(collection instanceof EmbeddedCollection) || collection.documents.size <= this.largeInMemory) return;
    this.saveAll();
    this.collections.set(name, this.onDisk(name));
  }

  /** A large collection kept in the file, as its stored name and definition stand now. */
  private onDisk(name: string): DiskCollection {
    const collection = new DiskCollection(name, this.db, this.key(name));
    const definition = this.large.get(name);
    if (definition) collection.define(definition);
    return collection;
  }

  /**
   * After the file's rows of `from` became `to`'s: `to` holds them in memory too, if it keeps its
   * documents there: taken over from `from` when this store `folded` them, else read from the file,
   * which a rebuild worker wrote. One kept in the file follows its new stored name.
   */
  private replaceCollection(to: string, from: string, folded: boolean): void {
    const [target, source] = [this.collection(to), this.collection(from)];
    if (folded && target instanceof EmbeddedCollection && source instanceof EmbeddedCollection) return target.takeOver(source);
    if (source instanceof DiskCollection) this.collections.set(from, this.onDisk(from));
    else source.clear();
    if (!(target instanceof EmbeddedCollection)) return void this.collections.set(to, this.onDisk(to));
    target.replaceAll(this.documentsOf(to));
  }

  /** A collection's documents read from the file into memory. */
  private loaded(name: string): EmbeddedCollection {
    const collection = new EmbeddedCollection(name);
    collection.replaceAll(this.documentsOf(name));
    return collection;
  }

  private documentsOf(name: string): Map<string, Document> {
    const rows = this.db.prepare('SELECT id, body FROM documents WHERE collection = ?').all(this.key(name)) as Array<{ id: string; body: string }>;
    return new Map(rows.map((row) => [row.id, parsed(name, row)]));
  }

  /**
   * The file opened, checked and loaded; a damaged one (not a database, corrupt pages, a document that
   * is not JSON) is set aside, renamed, and an empty store opened in its place: read models are derived,
   * and the projector rebuilds them from the log.
   */
  private openSound(file: string, onSetAside: EmbeddedReadStoreOptions['onSetAside'], quickCheck: boolean): Database.Database {
    try {
      return this.openFile(file, quickCheck);
    } catch (error) {
      if (file === ':memory:' || this.only || !isDamage(error)) throw error;
      this.collections.clear();
      this.large.clear();
      this.storedNames.clear();
      this.checkpoints.clear();
      const setAsideAs = setAside(file);
      onSetAside?.({ file, setAsideAs, reason: error instanceof Error ? error.message : String(error) });
      return this.openFile(file, quickCheck);
    }
  }

  private openFile(file: string, quickCheck: boolean): Database.Database {
    const db = openReadModelFile(file, quickCheck);
    try {
      this.load(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Reads every collection held in memory from the file, each by its own range of the primary key,
   * past the large ones that have outgrown memory.
   */
  private load(db: Database.Database): void {
    for (const name of db.prepare('SELECT name FROM large_collections').pluck().all() as string[]) this.large.set(name, undefined);
    const nameOf = this.storedNames.load(db);
    const next = db.prepare('SELECT collection FROM documents WHERE collection > ? ORDER BY collection LIMIT 1').pluck();
    const outgrown = db.prepare('SELECT 1 FROM documents WHERE collection = ? LIMIT 1 OFFSET ?').pluck();
    const rowsOf = db.prepare('SELECT id, body FROM documents WHERE collection = ?');
    for (let key = next.get('') as string | undefined; key !== undefined; key = next.get(key) as string | undefined) {
      const name = nameOf.get(key) ?? key;
      if (this.only && !this.only.has(name)) continue;
      if (this.large.has(name) && outgrown.get(key, this.largeInMemory)) {
        this.collections.set(name, new DiskCollection(name, db, key));
        continue;
      }
      const { documents } = this.collection(name) as EmbeddedCollection;
      for (const row of rowsOf.all(key) as Array<{ id: string; body: string }>) documents.set(row.id, parsed(name, row));
    }
    for (const row of db.prepare('SELECT projection, position FROM checkpoints').all() as Array<{
      projection: string;
      position: string;
    }>) {
      this.checkpoints.set(row.projection, row.position);
    }
  }
}
