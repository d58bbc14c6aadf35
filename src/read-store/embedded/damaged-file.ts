import { existsSync, renameSync } from 'node:fs';
import type { Document } from '../read-store.port.js';

/** The read-model file is not sound: not a database, corrupt pages, or a document that is not JSON. */
export class DamagedReadModelError extends Error {
  readonly code = 'DAMAGED_READ_MODEL';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'DamagedReadModelError';
  }
}

/** SQLite's verdict on a file's content; other failures (locked, read-only, missing directory) say nothing about it. */
const DAMAGED = /^SQLITE_(NOTADB|CORRUPT)(_|$)/;

export function isDamage(error: unknown): boolean {
  if (error instanceof DamagedReadModelError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGED.test(code);
}

/** Renames the file and its WAL companions beside it, never deleting them; returns the new name of the file. */
export function setAside(file: string, now = new Date()): string {
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/** A stored document; one that is not JSON means the file is damaged. */
export function parsed(collection: string, { id, body }: { id: string; body: string }): Document {
  try {
    return JSON.parse(body) as Document;
  } catch (error) {
    throw new DamagedReadModelError(`${collection}/${id} is not JSON`, { cause: error });
  }
}
