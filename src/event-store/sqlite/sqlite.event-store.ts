import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { decideAppend, NO_STREAM_REVISION, type StoredLocation } from '../append-rules.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  LogHead,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { pollingSubscription } from '../polling-subscription.js';
import { deserialize, serialize, type RawEvent } from '../serializer.js';
import type { UpcasterRegistry } from '../upcasters.js';
import { AppendSignal } from '../append-signal.js';
import { guarded, unavailableOr } from './sqlite-unavailable.js';

interface PendingAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface Row {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );`;

/**
 * The embedded event store: one SQLite file, WAL with synchronous=FULL so an acknowledged append
 * survives a crash. Appends made in the same turn of the event loop share one transaction (group
 * commit): one fsync for all of them, each still checked against its own expected revision.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private queue: PendingAppend[] = [];
  private readonly statements;
  /** Prepared page reads by the set of event types a subscription wants. */
  private readonly typedPages = new Map<string, Database.Statement>();
  private readonly writeBatch: (batch: PendingAppend[], recordedAt: string) => Array<() => void>;

  constructor(
    readonly file: string,
    private readonly upcasters: UpcasterRegistry,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
         VALUES (@id, @stream, @revision, @type, @data, @metadata, @recordedAt)`,
      ),
      lastRevision: this.db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream = ?').pluck(),
      locate: this.db.prepare('SELECT id, stream, revision, position FROM events WHERE id = ?'),
      stream: this.db.prepare(
        `SELECT * FROM events WHERE stream = @stream AND revision BETWEEN @from AND @to
           AND recorded_at <= @until ORDER BY revision`,
      ),
      all: this.db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare('SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1'),
    };
    const appendOne = this.db.transaction((pending: PendingAppend, recordedAt: string) =>
      this.appendOne(pending, recordedAt),
    );
    // Each append runs in its own savepoint, so one failing expectation does not undo its neighbours.
    this.writeBatch = this.db.transaction((batch: PendingAppend[], recordedAt: string) =>
      batch.map((pending) => {
        try {
          const result = appendOne(pending, recordedAt);
          return () => pending.resolve(result);
        } catch (error) {
          // the file refuses writes (disk full, read-only…): the whole group rolls back and fails together
          if (unavailableOr(error) !== error) throw error;
          return () => pending.reject(error);
        }
      }),
    );
  }

  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const rows = guarded(() =>
      this.statements.stream.all({
        stream,
        from: options.fromRevision ?? 0,
        to: options.toRevision ?? Number.MAX_SAFE_INTEGER,
        until: options.until?.toISOString() ?? '\uffff',
      }),
    ) as Row[];
    return rows.map((row) => this.toEvent(row, options.asStored ? undefined : this.upcasters));
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    const rows = guarded(() => this.statements.all.all(after === undefined ? 0 : Number(after), limit)) as Row[];
    return rows.map((row) => this.toEvent(row, this.upcasters));
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const subscription = pollingSubscription({ readAll: (o) => this.readPage(o), waitForAppend: (ms) => this.signal.wait(ms) }, options);
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  /**
   * A page of the log for a subscription; with `types`, only events of those types are parsed, and
   * the head: SQLite skips the rest, and the page ends with the last event it read.
   */
  private async readPage({ after, limit, types }: ReadAllOptions & Pick<SubscribeOptions, 'types'>): Promise<StoredEvent[]> {
    if (!types) return this.readAll({ after, limit });
    const key = types.join('\n');
    let statement = this.typedPages.get(key);
    if (!statement) {
      const wanted = types.map(() => '?').join(', ');
      const sql = `SELECT * FROM events WHERE position > ? AND (type IN (${wanted}) OR position = (SELECT MAX(position) FROM events))
                   ORDER BY position LIMIT ?`;
      this.typedPages.set(key, (statement = this.db.prepare(sql)));
    }
    const rows = guarded(() => statement.all(after === undefined ? 0 : Number(after), ...types, limit)) as Row[];
    return rows.map((row) => this.toEvent(row, this.upcasters));
  }

  comparePositions(a: Position, b: Position): number {
    return Number(a) - Number(b);
  }

  async head(): Promise<LogHead | undefined> {
    const row = guarded(() => this.statements.head.get()) as { position: number; recorded_at: string } | undefined;
    return row && { position: String(row.position), recordedAt: row.recorded_at };
  }

  async ping(): Promise<void> {
    guarded(() => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    this.flush();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let settlements: Array<() => void>;
    try {
      settlements = this.writeBatch(batch, new Date().toISOString());
    } catch (error) {
      // the whole transaction rolled back (COMMIT refused: disk full, read-only, I/O error): none of the batch is stored
      const refusal = unavailableOr(error);
      for (const pending of batch) pending.reject(refusal);
      return;
    }
    // Settle only after COMMIT returned: nothing is acknowledged before it is durable.
    for (const settle of settlements) settle();
    this.signal.notify();
  }

  private appendOne({ stream, events, expected }: PendingAppend, recordedAt: string): AppendResult {
    const stored = events
      .map((event) => this.statements.locate.get(event.id) as StoredLocation | undefined)
      .filter((location): location is StoredLocation => location !== undefined)
      .map((location) => ({ ...location, position: String(location.position) }));
    const current = (this.statements.lastRevision.get(stream) as number | null) ?? NO_STREAM_REVISION;
    const decision = decideAppend(stream, current, expected, events, stored);
    if (decision.kind === 'already-stored') return decision.result;
    let position = 0;
    events.forEach((event, index) => {
      const info = this.statements.insert.run({
        id: event.id,
        stream,
        revision: decision.firstRevision + index,
        type: event.type,
        data: serialize(event.data),
        metadata: serialize(event.metadata),
        recordedAt,
      });
      position = Number(info.lastInsertRowid);
    });
    return { nextRevision: decision.firstRevision + events.length - 1, position: String(position) };
  }

  private toEvent(row: Row, upcasters: UpcasterRegistry | undefined): StoredEvent {
    const raw: RawEvent = {
      id: row.id,
      stream: row.stream,
      revision: row.revision,
      position: String(row.position),
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    };
    return deserialize(raw, upcasters);
  }
}
