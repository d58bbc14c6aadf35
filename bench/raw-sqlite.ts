import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from '../src/event-store/event-store.port.js';

/** A tracking note as an account manager writes it: the most common event of a working day. */
export const trackingNoteEvent = (): NewEvent => {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type: 'TrackingNoteAdded',
    data: { kind: 'CALL', note: '与客户确认了交付周期与付款方式', nextAction: 'send the revised quotation', nextActionOn: '2026-12-01' },
    metadata: { actor: { userId: 'am-li', roles: ['ACCOUNT_MANAGER'] }, commandId, correlationId: commandId, causationId: commandId, schemaVersion: 1 },
  };
};

/** Calls `run` with a deadline `seconds` from now; returns the count it gives back per second. */
export async function timed(seconds: number, run: (until: number) => Promise<number> | number): Promise<number> {
  const start = performance.now();
  const count = await run(start + seconds * 1000);
  return count / ((performance.now() - start) / 1000);
}

function rawTable(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream, revision))`);
  return db;
}

/** Rows/s of raw better-sqlite3 (WAL, synchronous=FULL) committing `batch` inserts per transaction, in a new file under `dir`. */
export function rawInserts(dir: string, batch: number, seconds: number): Promise<number> {
  const db = rawTable(join(dir, `raw-${batch}-${randomUUID()}.db`));
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const write = db.transaction((rows: NewEvent[], first: number) =>
    rows.forEach((e, i) => insert.run(e.id, 'project-bench', first + i, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), new Date().toISOString())));
  return timed(seconds, (until) => {
    let n = 0;
    while (performance.now() < until) {
      write(Array.from({ length: batch }, trackingNoteEvent), n);
      n += batch;
    }
    db.close();
    return n;
  });
}
