import { UniqueIndexError } from '../read-store.errors.js';
import type { CollectionDefinition, Document, Filter } from '../read-store.port.js';
import { plainValues, type Collection, type Narrowing, type Versions } from './collection.js';
import { UniqueIndex } from './unique-index.js';

/** A value as a lookup key; strings, the common case, without JSON (no JSON text starts with `s`). */
export const keyOfValue = (value: unknown) => (typeof value === 'string' ? `s${value}` : JSON.stringify(value ?? null));

/** The lookup keys of a document's field: like MongoDB, an array field matches an equality on any of its elements. */
/** Whether two versions of a document are found under the same lookup keys of `field`. */
export function sameKeys(a: Document, b: Document, field: string): boolean {
  const [x, y] = [a[field], b[field]];
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((item, i) => sameValue(item, y[i]));
  if (Array.isArray(x) || Array.isArray(y)) return false;
  return sameValue(x, y);
}

const sameValue = (x: unknown, y: unknown) => x === y || keyOfValue(x) === keyOfValue(y);

export function lookupKeys(document: Document, field: string): string[] {
  const value = document[field];
  return Array.isArray(value) ? value.map(keyOfValue) : [keyOfValue(value)];
}

const NONE: ReadonlySet<string> = new Set();

/** One collection's documents by id in memory, with its unique indexes and equality lookups kept in step. */
export class EmbeddedCollection implements Collection {
  documents = new Map<string, Document>();
  private uniqueIndexes: UniqueIndex[] = [];
  /** The first field of every declared index: an equality on it need not scan. */
  private readonly lookedUp = new Set<string>();
  /** Per looked-up field, value → ids; built when first used (a start loads documents only), then kept in step. */
  private lookups = new Map<string, Map<string, Set<string>>>();
  private arrayValued = new Set<string>();
  defined = false;
  readonly onDisk = false;

  constructor(readonly name: string) {}

  define(definition: CollectionDefinition): void {
    this.defined = true;
    for (const index of definition.indexes ?? []) {
      const field = Object.keys(index.key)[0];
      if (!field.includes('.')) this.lookedUp.add(field);
    }
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

  get(id: string): Document | undefined {
    return this.documents.get(id);
  }

  ids(): Iterable<string> {
    return this.documents.keys();
  }

  candidates(_filter: Filter, { field, values }: Narrowing): Iterable<string> {
    return values.length === 1 ? this.idsWhere(field, values[0]) : new Set(values.flatMap((value) => [...this.idsWhere(field, value)]));
  }

  select(filter: Filter): [Document[], Filter] {
    const ids = '_id' in filter ? plainValues(filter._id) : undefined;
    if (ids) {
      const { _id: _covered, ...rest } = filter;
      const found = new Set<Document>();
      for (const id of ids) {
        const document = typeof id === 'string' ? this.documents.get(id) : undefined;
        if (document) found.add(document);
      }
      return [[...found], rest];
    }
    const narrowed = this.narrowing(filter);
    if (!narrowed) return [[...this.documents.values()], filter];
    const { [narrowed.field]: _covered, ...rest } = filter;
    const documents: Document[] = [];
    const values = [...new Map(narrowed.values.map((value) => [keyOfValue(value), value])).values()];
    // an array field is found under each of its elements: a document may come up more than once
    const seen = values.length > 1 && this.arrayValued.has(narrowed.field) ? new Set<string>() : undefined;
    for (const value of values) {
      for (const id of this.idsWhere(narrowed.field, value)) {
        if (seen?.has(id)) continue;
        seen?.add(id);
        documents.push(this.documents.get(id)!);
      }
    }
    return [documents, rest];
  }

  saved(): void {}

  /** Throws if the new versions would break a unique index; changes nothing. */
  check(changed: Versions): void {
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

  /** Takes the documents of `source`, a collection defined alike, with their lookups and unique keys; leaves `source` empty. */
  takeOver(source: EmbeddedCollection): void {
    [this.documents, source.documents] = [source.documents, this.documents];
    [this.lookups, source.lookups] = [source.lookups, this.lookups];
    [this.uniqueIndexes, source.uniqueIndexes] = [source.uniqueIndexes, this.uniqueIndexes];
    [this.arrayValued, source.arrayValued] = [source.arrayValued, this.arrayValued];
    source.clear();
  }

  /** Holds `documents` (read back from the file) instead of its own; its lookups are built again when first used. */
  replaceAll(documents: Map<string, Document>): void {
    this.documents = documents;
    this.lookups = new Map();
    this.arrayValued = new Set();
    this.uniqueIndexes = this.uniqueIndexes.map((index) => new UniqueIndex(index.definition));
    for (const document of documents.values()) for (const index of this.uniqueIndexes) index.add(document);
  }

  clear(): void {
    this.documents.clear();
    for (const byValue of this.lookups.values()) byValue.clear();
    this.uniqueIndexes = this.uniqueIndexes.map((index) => new UniqueIndex(index.definition));
  }

  /** Ids of the committed documents whose `field` (a lookup field) equals `value`. */
  idsWhere(field: string, value: unknown): ReadonlySet<string> {
    return this.lookup(field).get(keyOfValue(value)) ?? NONE;
  }

  /**
   * The looked-up field that narrows a filter, with the plain values it may take (an equality or an
   * `$in`): every document matching the filter holds one of them there. Undefined: scan everything.
   */
  narrowing(filter: Filter): Narrowing | undefined {
    let best: { field: string; values: unknown[]; size: number } | undefined;
    for (const field in filter) {
      if (!this.lookedUp.has(field)) continue;
      const values = plainValues(filter[field]);
      if (!values) continue;
      // the looked-up condition that leaves the fewest documents to test
      let size = 0;
      for (const value of values) size += this.idsWhere(field, value).size;
      if (!best || size < best.size) best = { field, values, size };
    }
    return best && { field: best.field, values: best.values };
  }

  /** The fields with an equality lookup. */
  lookedUpFields(): IterableIterator<string> {
    return this.lookedUp.values();
  }

  private lookup(field: string): Map<string, Set<string>> {
    let byValue = this.lookups.get(field);
    if (byValue) return byValue;
    this.lookups.set(field, (byValue = new Map()));
    for (const document of this.documents.values()) this.track(field, document, 'add');
    return byValue;
  }

  private track(field: string, document: Document, action: 'add' | 'remove'): void {
    const byValue = this.lookups.get(field)!;
    if (Array.isArray(document[field])) this.arrayValued.add(field);
    for (const key of lookupKeys(document, field)) {
      let ids = byValue.get(key);
      if (action === 'add') {
        if (!ids) byValue.set(key, (ids = new Set()));
        ids.add(document._id);
      } else {
        ids?.delete(document._id);
        if (ids?.size === 0) byValue.delete(key);
      }
    }
  }

  apply(changed: Versions): void {
    for (const [id, document] of changed) {
      const previous = this.documents.get(id);
      for (const field of this.lookups.keys()) {
        // most changes leave the looked-up fields as they were
        if (previous && document && sameKeys(previous, document, field)) continue;
        if (previous) this.track(field, previous, 'remove');
        if (document) this.track(field, document, 'add');
      }
      if (previous) for (const index of this.uniqueIndexes) index.remove(previous);
      if (document) this.documents.set(id, document);
      else this.documents.delete(id);
    }
    for (const document of changed.values()) {
      if (document) for (const index of this.uniqueIndexes) index.add(document);
    }
  }
}
