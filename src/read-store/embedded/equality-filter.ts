import type { Document, Filter } from '../read-store.port.js';

const valueAt = (document: Document, path: string[]): unknown =>
  path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);

/** Plain field = value filters (null matching a missing field, as in MongoDB), tested without compiling a query. */
export function equalityTest(filter: Filter): { test(document: Document): boolean } | undefined {
  for (const field in filter) {
    const value = filter[field];
    if (field.startsWith('$') || (value !== null && typeof value === 'object')) return undefined;
  }
  // most filters are tested on a few documents once: read in place rather than compiled
  return {
    test: (document) => {
      for (const field in filter) {
        const value = filter[field];
        const actual = field.includes('.') ? valueAt(document, field.split('.')) : document[field];
        if (!(Array.isArray(actual) ? actual.includes(value) : (actual ?? null) === value)) return false;
      }
      return true;
    },
  };
}
