import Database from 'better-sqlite3';
import { DamagedReadModelError } from './damaged-file.js';
import { STORED_NAMES_SCHEMA } from './stored-names.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL,
    id         TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    position   TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS large_collections (name TEXT PRIMARY KEY);
  ${STORED_NAMES_SCHEMA}`;

/** How long a write waits for another connection's (a rebuild worker's) write to end before it fails. */
const BUSY_TIMEOUT_MS = 60_000;

/**
 * The read-model file opened with its tables, after SQLite's quick_check when asked: throws
 * DamagedReadModelError (or SQLite's own error) for a file that is not sound, which it closes.
 */
export function openReadModelFile(file: string, quickCheck: boolean): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // Read models are derived from the log: a power cut may drop the last commits, but never splits
    // one from its checkpoint, and the projector redoes them from the log. No fsync per commit.
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    const verdict = quickCheck ? db.pragma('quick_check', { simple: true }) : 'ok';
    if (verdict !== 'ok') throw new DamagedReadModelError(`quick_check: ${String(verdict)}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
