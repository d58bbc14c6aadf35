import type { Document, IndexDefinition } from '../read-store.port.js';

function valueAt(document: Document, path: string): unknown {
  let value: unknown = document;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return value ?? null;
}

/** A unique index over in-memory documents; like MongoDB, a missing field indexes as null. */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();

  constructor(readonly definition: IndexDefinition) {}

  keyOf(document: Document): string {
    return JSON.stringify(Object.keys(this.definition.key).map((path) => valueAt(document, path)));
  }

  ownerOf(key: string): string | undefined {
    return this.owners.get(key);
  }

  add(document: Document): void {
    this.owners.set(this.keyOf(document), document._id);
  }

  remove(document: Document): void {
    const key = this.keyOf(document);
    if (this.owners.get(key) === document._id) this.owners.delete(key);
  }
}
