import type { Document, Filter } from '../read-store.port.js';

const valueAt = (document: Document, path: string[]): unknown =>
  path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);

/** Plain field = value filters (null matching a missing field, as in MongoDB), tested without compiling a query. */
export function equalityTest(filter: Filter): { test(document: Document): boolean } | undefined {
  const entries = Object.entries(filter);
  const plain = entries.every(([field, value]) => !field.startsWith('$') && (value === null || typeof value !== 'object'));
  if (!plain) return undefined;
  const conditions = entries.map(([field, value]) => [field.split('.'), value] as const);
  return {
    test: (document) => conditions.every(([field, value]) => {
      const actual = valueAt(document, field);
      return Array.isArray(actual) ? actual.includes(value) : (actual ?? null) === value;
    }),
  };
}
