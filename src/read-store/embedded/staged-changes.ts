import { randomUUID } from 'node:crypto';
import { Query, update as applyUpdate } from 'mingo';
import type { Modifier } from 'mingo/updater';
import { InvalidChangeError, UniqueIndexError } from '../read-store.errors.js';
import type { Change, Document, Filter, Update } from '../read-store.port.js';
import type { EmbeddedCollection } from './embedded-collection.js';

type Overlay = Map<string, Document | null>;

/**
 * A batch of changes applied to copies, over the committed documents: nothing is visible or
 * persisted until the whole batch has applied and passed the unique indexes.
 */
export class StagedChanges {
  readonly overlays = new Map<EmbeddedCollection, Overlay>();

  constructor(private readonly collection: (name: string) => EmbeddedCollection) {}

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
    for (const document of 'deleteOne' in change ? matches.slice(0, 1) : matches) overlay.set(document._id, null);
  }

  check(): void {
    for (const [collection, overlay] of this.overlays) collection.check(overlay);
  }

  private overlayOf(collection: EmbeddedCollection): Overlay {
    let overlay = this.overlays.get(collection);
    if (!overlay) this.overlays.set(collection, (overlay = new Map()));
    return overlay;
  }

  private current(collection: EmbeddedCollection, overlay: Overlay, id: string): Document | undefined {
    return overlay.has(id) ? (overlay.get(id) ?? undefined) : collection.documents.get(id);
  }

  private match(collection: EmbeddedCollection, overlay: Overlay, filter: Filter): Document[] {
    if (typeof filter._id === 'string') {
      const document = this.current(collection, overlay, filter._id);
      return document && new Query(filter, {}).test(document) ? [document] : [];
    }
    const query = new Query(filter, {});
    const ids = new Set([...collection.documents.keys(), ...overlay.keys()]);
    return [...ids].flatMap((id) => {
      const document = this.current(collection, overlay, id);
      return document && query.test(document) ? [document] : [];
    });
  }

  private insert(collection: EmbeddedCollection, overlay: Overlay, document: Document): void {
    if (this.current(collection, overlay, document._id)) {
      throw new UniqueIndexError(collection.name, '_id_', JSON.stringify([document._id]));
    }
    overlay.set(document._id, structuredClone(document));
  }

  private update(
    collection: EmbeddedCollection,
    overlay: Overlay,
    { filter, update, upsert }: { filter: Filter; update: Update; upsert?: boolean },
    many: boolean,
  ): void {
    const { $setOnInsert, ...modifier } = update;
    const matches = this.match(collection, overlay, filter);
    for (const document of many ? matches : matches.slice(0, 1)) {
      overlay.set(document._id, modified(structuredClone(document), modifier));
    }
    if (matches.length > 0 || !upsert) return;
    const seed = { ...equalityFields(filter), ...$setOnInsert } as Document;
    const inserted = modified({ ...structuredClone(seed), _id: seed._id ?? randomUUID() }, modifier);
    this.insert(collection, overlay, inserted);
  }

  private replace(
    collection: EmbeddedCollection,
    overlay: Overlay,
    { filter, replacement, upsert }: { filter: Filter; replacement: Document; upsert?: boolean },
  ): void {
    const [match] = this.match(collection, overlay, filter);
    if (match) overlay.set(match._id, { ...structuredClone(replacement), _id: match._id });
    else if (upsert) this.insert(collection, overlay, { ...replacement, _id: replacement._id ?? equalityFields(filter)._id ?? randomUUID() });
  }
}

function modified(document: Document, modifier: Update): Document {
  try {
    applyUpdate(document, modifier as Modifier<Document>);
  } catch (error) {
    throw new InvalidChangeError(`update ${JSON.stringify(modifier)} cannot apply: ${(error as Error).message}`);
  }
  return document;
}

/** The fields an upsert copies from its filter, as MongoDB does: plain equality conditions. */
function equalityFields(filter: Filter): Record<string, unknown> {
  const isOperatorObject = (value: unknown) =>
    typeof value === 'object' && value !== null && Object.keys(value).some((key) => key.startsWith('$'));
  return Object.fromEntries(
    Object.entries(filter).filter(([key, value]) => !key.startsWith('$') && !key.includes('.') && !isOperatorObject(value)),
  );
}
