import { update as mingoUpdate } from 'mingo';
import type { Modifier } from 'mingo/updater';
import type { Document, Update } from '../read-store.port.js';
import { copyOf } from './copy-document.js';

type Container = Record<string, unknown>;

/** The parent object of a dotted path, created on the way when `create`. */
function parentOf(document: Container, path: string, create: boolean): [Container | undefined, string] {
  const parts = path.split('.');
  let node: Container | undefined = document;
  for (const part of parts.slice(0, -1)) {
    if (node === undefined) break;
    if (typeof node[part] !== 'object' || node[part] === null) {
      if (!create) return [undefined, parts[parts.length - 1]];
      node[part] = {};
    }
    node = node[part] as Container;
  }
  return [node, parts[parts.length - 1]];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const eachOf = (value: unknown): unknown[] =>
  typeof value === 'object' && value !== null && '$each' in value ? ((value as { $each: unknown[] }).$each ?? []) : [value];

function arrayAt(parent: Container, key: string, path: string): unknown[] {
  if (parent[key] === undefined) parent[key] = [];
  if (!Array.isArray(parent[key])) throw new TypeError(`${path} is not an array`);
  return parent[key] as unknown[];
}

const FAST: Record<string, (parent: Container, key: string, value: unknown, path: string) => void> = {
  $set: (parent, key, value) => void (parent[key] = copyOf(value)),
  $unset: (parent, key) => void delete parent[key],
  $inc: (parent, key, value, path) => {
    if (typeof value !== 'number') throw new TypeError(`$inc of ${path} needs a number`);
    const current = parent[key] ?? 0;
    if (typeof current !== 'number') throw new TypeError(`${path} is not a number`);
    parent[key] = current + value;
  },
  $min: (parent, key, value) => void ((parent[key] === undefined || (value as number) < (parent[key] as number)) && (parent[key] = value)),
  $max: (parent, key, value) => void ((parent[key] === undefined || (value as number) > (parent[key] as number)) && (parent[key] = value)),
  $push: (parent, key, value, path) => void arrayAt(parent, key, path).push(...copyOf(eachOf(value))),
  $addToSet: (parent, key, value, path) => {
    const array = arrayAt(parent, key, path);
    for (const item of eachOf(value)) {
      const present = typeof item === 'object' && item !== null ? array.some((existing) => same(existing, item)) : array.includes(item);
      if (!present) array.push(copyOf(item));
    }
  },
};

/**
 * Applies a MongoDB update document in place, but its `$setOnInsert`, which the caller applies to an
 * insert. The operators projections use are applied here directly (mingo builds a full operator context
 * per call, which dominated rebuild time); any other goes to mingo.
 */
export function applyUpdate(document: Document, update: Update): void {
  for (const operator in update) {
    if (operator !== '$setOnInsert' && !(operator in FAST)) {
      const { $setOnInsert: _onInsert, ...modifier } = update;
      mingoUpdate(document, modifier as Modifier<Document>);
      return;
    }
  }
  for (const operator in update) {
    if (operator === '$setOnInsert') continue;
    const apply = FAST[operator];
    const fields = update[operator];
    for (const path in fields) {
      if (path === '_id' || path.startsWith('_id.')) throw new TypeError('_id cannot be changed');
      // most paths are top-level fields
      if (!path.includes('.')) apply(document, path, fields[path], path);
      else {
        const [parent, key] = parentOf(document, path, operator !== '$unset');
        if (parent) apply(parent, key, fields[path], path);
      }
    }
  }
}
