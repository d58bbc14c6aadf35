import type Database from 'better-sqlite3';

export const STORED_NAMES_SCHEMA = 'CREATE TABLE IF NOT EXISTS stored_names (name TEXT PRIMARY KEY, stored TEXT NOT NULL);';

/**
 * The `collection` each collection's rows carry in the read-model file, where it is not its own name:
 * a swap exchanges the stored names of the live and the rebuilt collection rather than rewriting their
 * rows, and the file keeps the exchanges in `stored_names`.
 */
export class StoredNames {
  private readonly storedAs = new Map<string, string>();

  /** Takes the exchanges the file records; answers the collection each stored name belongs to. */
  load(db: Database.Database): Map<string, string> {
    const nameOf = new Map<string, string>();
    for (const { name, stored } of db.prepare('SELECT name, stored FROM stored_names').all() as Array<{ name: string; stored: string }>) {
      this.storedAs.set(name, stored);
      nameOf.set(stored, name);
    }
    return nameOf;
  }

  key(name: string): string {
    return this.storedAs.get(name) ?? name;
  }

  /**
   * Exchanges two collections' stored names in the file, within the caller's transaction; the function
   * it answers takes the exchange in here, once the transaction committed.
   */
  exchange(db: Database.Database, a: string, b: string): () => void {
    const [aKey, bKey] = [this.key(a), this.key(b)];
    const record = (name: string, key: string) =>
      key === name
        ? db.prepare('DELETE FROM stored_names WHERE name = ?').run(name)
        : db.prepare('INSERT OR REPLACE INTO stored_names (name, stored) VALUES (?, ?)').run(name, key);
    record(a, bKey);
    record(b, aKey);
    return () => {
      this.set(a, bKey);
      this.set(b, aKey);
    };
  }

  clear(): void {
    this.storedAs.clear();
  }

  private set(name: string, key: string): void {
    if (key === name) this.storedAs.delete(name);
    else this.storedAs.set(name, key);
  }
}
