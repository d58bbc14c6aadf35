import { InvalidChangeError } from '../read-store.errors.js';
import type { CollectionDefinition, Document, Filter } from '../read-store.port.js';

/** New versions of documents by id; null: deleted. */
export type Versions = Map<string, Document | null>;

/** A looked-up field and the plain values a filter allows there: every match holds one of them. */
export interface Narrowing {
  field: string;
  values: unknown[];
}

/** What staging, committing and queries need of a collection, whether its documents live in memory or on disk. */
export interface Collection {
  readonly name: string;
  readonly defined: boolean;
  /** Kept in the file: its candidates are found by more than the narrowing field. */
  readonly onDisk: boolean;
  define(definition: CollectionDefinition): void;
  /** The committed version of a document. */
  get(id: string): Document | undefined;
  /** The id of every committed document. */
  ids(): Iterable<string>;
  /** The fields with an equality lookup. */
  lookedUpFields(): Iterable<string>;
  narrowing(filter: Filter): Narrowing | undefined;
  /** Ids of committed documents that may match a filter which `narrowed` narrows; callers test them again. */
  candidates(filter: Filter, narrowed: Narrowing): Iterable<string>;
  /**
   * The committed documents a filter may match, narrowed through a lookup when it can be, and the part
   * of the filter still to test on them. They are the stored objects: callers hand out copies.
   */
  select(filter: Filter): [Document[], Filter];
  /** Throws if the new versions could not be stored (a unique key taken…); changes nothing. */
  check(changed: Versions): void;
  apply(changed: Versions): void;
  /** Everything applied so far is in the file. */
  saved(): void;
  clear(): void;
}

const plain = (value: unknown) => value !== null && typeof value !== 'object';

/** The plain values a field's condition allows, when it is an equality or an `$in` of plain values. */
export function plainValues(condition: unknown): unknown[] | undefined {
  if (plain(condition)) return [condition];
  const $in = (condition as { $in?: unknown } | null)?.$in;
  return Object.keys(condition ?? {}).length === 1 && Array.isArray($in) && $in.every(plain) ? $in : undefined;
}

/**
 * What a large collection refuses wherever it is held, so that moving it between memory and the file
 * changes no answer: a unique index, and an array in a looked-up field.
 */
export const largeCollectionRules = {
  define(definition: CollectionDefinition): void {
    const unique = definition.indexes?.find((index) => index.unique);
    if (unique) throw new InvalidChangeError(`${definition.name}: a large collection has no unique index (${unique.name})`);
  },
  check(collection: Collection, changed: Versions): void {
    const fields = [...collection.lookedUpFields()];
    for (const document of changed.values()) {
      const field = document && fields.find((name) => Array.isArray(document[name]));
      if (field) throw new InvalidChangeError(`${collection.name}: ${field} is looked up, so it cannot hold an array in a large collection`);
    }
  },
};
