import { UniqueIndexError } from '../read-store.errors.js';
import type { CollectionDefinition, Document } from '../read-store.port.js';
import { UniqueIndex } from './unique-index.js';

/** One collection's documents by id, with its unique indexes kept in step. */
export class EmbeddedCollection {
  readonly documents = new Map<string, Document>();
  private uniqueIndexes: UniqueIndex[] = [];
  defined = false;

  constructor(readonly name: string) {}

  define(definition: CollectionDefinition): void {
    this.defined = true;
    const known = new Set(this.uniqueIndexes.map((index) => index.definition.name));
    for (const definition_ of definition.indexes ?? []) {
      if (!definition_.unique || known.has(definition_.name)) continue;
      const index = new UniqueIndex(definition_);
      for (const document of this.documents.values()) {
        const owner = index.ownerOf(index.keyOf(document));
        if (owner !== undefined) throw new UniqueIndexError(this.name, definition_.name, index.keyOf(document));
        index.add(document);
      }
      this.uniqueIndexes.push(index);
    }
  }

  /** Throws if the new versions (null: deleted) would break a unique index; changes nothing. */
  check(changed: Map<string, Document | null>): void {
    for (const index of this.uniqueIndexes) {
      const claimed = new Map<string, string>();
      for (const [id, document] of changed) {
        if (!document) continue;
        const key = index.keyOf(document);
        const other = claimed.get(key) ?? index.ownerOf(key);
        const otherStillThere = other !== undefined && other !== id && (claimed.has(key) || keepsKey(other, key));
        if (otherStillThere) throw new UniqueIndexError(this.name, index.definition.name, key);
        claimed.set(key, id);
      }
      function keepsKey(id: string, key: string): boolean {
        if (!changed.has(id)) return true;
        const next = changed.get(id);
        return next !== null && next !== undefined && index.keyOf(next) === key;
      }
    }
  }

  apply(changed: Map<string, Document | null>): void {
    for (const [id, document] of changed) {
      const previous = this.documents.get(id);
      if (previous) for (const index of this.uniqueIndexes) index.remove(previous);
      if (document) this.documents.set(id, document);
      else this.documents.delete(id);
    }
    for (const document of changed.values()) {
      if (document) for (const index of this.uniqueIndexes) index.add(document);
    }
  }
}
