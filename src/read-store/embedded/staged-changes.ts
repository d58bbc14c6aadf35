import { randomUUID } from 'node:crypto';
import { InvalidChangeError, UniqueIndexError } from '../read-store.errors.js';
import type { Change, Document, Filter, Update } from '../read-store.port.js';
import type { Collection } from './collection.js';
import { keyOfValue, lookupKeys, sameKeys } from './embedded-collection.js';
import { copyOf } from './copy-document.js';
import { equalityTest } from './equality-filter.js';
import { applyUpdate } from './update-operators.js';
import { mingoQuery } from './mingo-query.js';

type Overlay = Map<string, Document | null>;

/** field → lookup key → ids of the batch's documents that held that value at some point: a superset, tested again on match. */
type StagedLookups = Map<string, Map<string, Set<string>>>;

/**
 * A batch of changes applied to copies, over the committed documents: nothing is visible or
 * persisted until the whole batch has applied and passed the unique indexes.
 */
export class StagedChanges {
  readonly overlays = new Map<Collection, Overlay>();
  private readonly lookups = new Map<Collection, StagedLookups>();

  constructor(private readonly collection: (name: string) => Collection) {}

  apply(change: Change): void {
    const target = this.collection(change.collection);
    if (!target.defined) throw new InvalidChangeError(`collection ${change.collection} is not defined`);
    const overlay = this.overlayOf(target);
    if ('insertOne' in change) return this.insert(target, overlay, change.insertOne.document);
    if ('updateOne' in change) return this.update(target, overlay, change.updateOne, false);
    if ('updateMany' in change) return this.update(target, overlay, change.updateMany, true);
    if ('replaceOne' in change) return this.replace(target, overlay, change.replaceOne);
    const { filter } = 'deleteOne' in change ? change.deleteOne : change.deleteMany;
    const matches = this.match(target, overlay, filter);
    for (const document of 'deleteOne' in change ? matches.slice(0, 1) : matches) this.stage(target, overlay, document._id, null);
  }

  check(): void {
    for (const [collection, overlay] of this.overlays) collection.check(overlay);
  }

  private overlayOf(collection: Collection): Overlay {
    let overlay = this.overlays.get(collection);
    if (!overlay) this.overlays.set(collection, (overlay = new Map()));
    return overlay;
  }

  /** Puts a document's new version (null: deleted) in the batch, findable by its looked-up fields once anything looks them up. */
  private stage(collection: Collection, overlay: Overlay, id: string, document: Document | null): void {
    overlay.set(id, document);
    const lookups = this.lookups.get(collection);
    if (document && lookups) this.track(collection, lookups, id, document);
  }

  /**
   * The batch's own lookups of a collection, built from its staged documents when first asked for
   * (most batches only address documents by id), then kept in step by `stage`.
   */
  private lookupsOf(collection: Collection, overlay: Overlay): StagedLookups {
    let lookups = this.lookups.get(collection);
    if (lookups) return lookups;
    this.lookups.set(collection, (lookups = new Map()));
    for (const [id, document] of overlay) if (document) this.track(collection, lookups, id, document);
    return lookups;
  }

  private track(collection: Collection, lookups: StagedLookups, id: string, document: Document): void {
    const committed = collection.onDisk ? undefined : collection.get(id);
    for (const field of collection.lookedUpFields()) {
      // the committed lookups already find it there (in memory they find by this field alone)
      if (committed && sameKeys(committed, document, field)) continue;
      let byKey = lookups.get(field);
      if (!byKey) lookups.set(field, (byKey = new Map()));
      for (const key of lookupKeys(document, field)) {
        let ids = byKey.get(key);
        if (!ids) byKey.set(key, (ids = new Set()));
        ids.add(id);
      }
    }
  }

  /** Ids of the committed and staged documents that may match a filter. */
  private candidates(collection: Collection, overlay: Overlay, filter: Filter): Iterable<string> {
    const narrowed = collection.narrowing(filter);
    if (!narrowed) return new Set([...collection.ids(), ...overlay.keys()]);
    const staged = this.lookupsOf(collection, overlay).get(narrowed.field);
    const ids = new Set(collection.candidates(filter, narrowed));
    for (const value of narrowed.values) {
      for (const id of staged?.get(keyOfValue(value)) ?? []) ids.add(id);
    }
    return ids;
  }

  private current(collection: Collection, overlay: Overlay, id: string): Document | undefined {
    const staged = overlay.get(id);
    // undefined: not changed in this batch; null: deleted in it
    return staged === undefined ? collection.get(id) : (staged ?? undefined);
  }

  private match(collection: Collection, overlay: Overlay, filter: Filter): Document[] {
    if (typeof filter._id === 'string') {
      const document = this.current(collection, overlay, filter._id);
      // the common case, a document by its id, needs no query at all
      return document && (onlyId(filter) || queryOf(filter).test(document)) ? [document] : [];
    }
    const query = queryOf(filter);
    const matches: Document[] = [];
    for (const id of this.candidates(collection, overlay, filter)) {
      const document = this.current(collection, overlay, id);
      if (document && query.test(document)) matches.push(document);
    }
    return matches;
  }

  /** Stages a new document: a copy of it, unless it is the batch's `own` already. */
  private insert(collection: Collection, overlay: Overlay, document: Document, own = false): void {
    if (this.current(collection, overlay, document._id)) {
      throw new UniqueIndexError(collection.name, '_id_', JSON.stringify([document._id]));
    }
    this.stage(collection, overlay, document._id, own ? document : copyOf(document));
  }

  private update(
    collection: Collection,
    overlay: Overlay,
    { filter, update, upsert }: { filter: Filter; update: Update; upsert?: boolean },
    many: boolean,
  ): void {
    const $setOnInsert = update.$setOnInsert;
    const matches = this.match(collection, overlay, filter);
    for (const document of many || matches.length < 2 ? matches : [matches[0]]) {
      // a document already changed in this batch is the batch's own copy: no need to copy it again
      const own = overlay.get(document._id) === document;
      this.stage(collection, overlay, document._id, modified(own ? document : copyOf(document), update));
    }
    if (matches.length > 0 || !upsert) return;
    const inserted = withId(copyOf(Object.assign(equalityFields(filter), $setOnInsert) as Document), randomUUID);
    this.insert(collection, overlay, modified(inserted, update), true);
  }

  private replace(
    collection: Collection,
    overlay: Overlay,
    { filter, replacement, upsert }: { filter: Filter; replacement: Document; upsert?: boolean },
  ): void {
    const [match] = this.match(collection, overlay, filter);
    if (match) this.stage(collection, overlay, match._id, withId(copyOf(replacement), () => match._id, true));
    else if (upsert) this.insert(collection, overlay, withId(copyOf(replacement), () => (equalityFields(filter)._id as string | undefined) ?? randomUUID()), true);
  }
}

/**
 * A document given its `_id` by assignment (in place, or added last), never by a spread: V8 gives an
 * object made by a spread a shape of its own, and every field added to it after makes yet another, so
 * that documents made so share none (measured: twenty times slower to build, and slower to read).
 */
function withId(document: Document, id: () => string, replace = false): Document {
  if (replace || document._id === undefined || document._id === null) document._id = id();
  return document;
}

/** Plain field = value conditions are read in place; anything else is compiled by mingo. */
const queryOf = (filter: Filter): { test(document: Document): boolean } => equalityTest(filter) ?? mingoQuery(filter);

const onlyId = (filter: Filter) => {
  for (const field in filter) if (field !== '_id') return false;
  return true;
};

function modified(document: Document, modifier: Update): Document {
  try {
    applyUpdate(document, modifier);
  } catch (error) {
    throw new InvalidChangeError(`update ${JSON.stringify(modifier)} cannot apply: ${(error as Error).message}`);
  }
  return document;
}

/** The fields an upsert copies from its filter, as MongoDB does: plain equality conditions. */
function equalityFields(filter: Filter): Record<string, unknown> {
  const isOperatorObject = (value: unknown) =>
    typeof value === 'object' && value !== null && Object.keys(value).some((key) => key.startsWith('$'));
  const fields: Record<string, unknown> = {};
  for (const key in filter) {
    if (!key.startsWith('$') && !key.includes('.') && !isOperatorObject(filter[key])) fields[key] = filter[key];
  }
  return fields;
}
