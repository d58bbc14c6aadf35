// made directly, not by mingo's find() and aggregate(), which copy every operator table twice a call for the same context
import { Aggregator } from 'mingo';
import { mingoQuery } from './mingo-query.js';
import type { Document, Filter, FindOptions } from '../read-store.port.js';
import { copyOf } from './copy-document.js';
import { equalityTest } from './equality-filter.js';

/**
 * Queries over the documents a collection selected for a filter (`Collection.select`), with the part
 * of the filter still to test: copies handed out, the stored objects never.
 */

/** The top-level fields an inclusion projection keeps (with `_id` unless excluded); undefined for any other projection. */
function includedFields(projection: Record<string, 0 | 1>): string[] | undefined {
  const entries = Object.entries(projection);
  const simple = entries.every(([field, keep]) => !field.includes('.') && (keep === 1 || (field === '_id' && keep === 0)));
  if (!simple) return undefined;
  const kept = entries.filter(([, keep]) => keep === 1).map(([field]) => field);
  return projection._id === 0 || kept.includes('_id') ? kept : ['_id', ...kept];
}

/** A copy of the named fields of a document, leaving out those it lacks. */
function pick(document: Document, fields: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (document[field] !== undefined) picked[field] = copyOf(document[field]);
  return picked;
}

export function findIn(documents: Document[], rest: Filter, options: FindOptions): Document[] {
  // the common shapes, field = value filters and projections of top-level fields, without the query engine
  const test = Object.keys(rest).length === 0 ? { test: () => true } : equalityTest(rest);
  const plain = test !== undefined && !options.sort && !options.skip && !options.limit;
  const fields = options.projection && includedFields(options.projection);
  if (plain && !options.projection) return copyOf(documents.filter((document) => test.test(document)));
  if (plain && fields) return documents.filter((document) => test.test(document)).map((document) => pick(document, fields) as Document);
  let cursor = mingoQuery(rest).find(documents, options.projection);
  if (options.sort) cursor = cursor.sort(options.sort);
  if (options.skip) cursor = cursor.skip(options.skip);
  if (options.limit) cursor = cursor.limit(options.limit);
  return copyOf(cursor.all()) as Document[];
}

export function countIn(documents: Document[], rest: Filter): number {
  return Object.keys(rest).length === 0 ? documents.length : mingoQuery(rest).find(documents).all().length;
}

export function aggregateOver<T>(documents: Document[], pipeline: Record<string, unknown>[]): T[] {
  return copyOf(new Aggregator(pipeline).run(documents)) as T[];
}
