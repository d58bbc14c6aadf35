import type Database from 'better-sqlite3';
import type { CollectionDefinition, Document, Filter } from '../read-store.port.js';
import { plainValues, type Collection, type Narrowing, type Versions } from './collection.js';
import { parsed } from './damaged-file.js';
import { EmbeddedCollection } from './embedded-collection.js';
import { jsonPath, MAX_IN, sqlCondition } from './sql-condition.js';

type Row = { id: string; body: string };

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** Statements kept prepared per collection; queries of other shapes are prepared again. */
const STATEMENTS = 64;
/** A value as SQLite's json_extract gives it back: booleans are integers there. */
const sqlValue = (value: unknown) => (typeof value === 'boolean' ? Number(value) : value);

/**
 * A large collection (one that grows with the whole history) kept in the SQLite file rather than in
 * memory: found by id through the primary key and by its lookup fields through expression indexes on
 * the stored JSON. What was committed but not yet written behind is held in memory, with its own
 * lookups, over the file. Its lookup fields hold plain values, never arrays, and it has no unique index
 * (the store holds it to `largeCollectionRules`).
 */
export class DiskCollection implements Collection {
  defined = false;
  readonly onDisk = true;
  /** Committed, not yet in the file. */
  private readonly unsaved: EmbeddedCollection;
  private readonly deleted = new Set<string>();
  private readonly fields: string[] = [];
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly name: string,
    private readonly db: Database.Database,
    /** Its rows' `collection` in the file (see EmbeddedReadStore's stored names). */
    private readonly key = name,
  ) {
    this.unsaved = new EmbeddedCollection(name);
  }

  define(definition: CollectionDefinition): void {
    this.unsaved.define(definition);
    for (const index of definition.indexes ?? []) {
      const field = Object.keys(index.key)[0];
      if (this.fields.includes(field) || field.includes('.')) continue;
      this.fields.push(field);
      // partial: only this collection's rows pay for the index, and only queries naming it literally use it
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${literal(`${this.key}.${field}`)} ON documents (json_extract(body, ${jsonPath(field)})) WHERE collection = ${literal(this.key)}`);
    }
    this.defined = true;
  }

  get(id: string): Document | undefined {
    if (this.deleted.has(id)) return undefined;
    const held = this.unsaved.get(id);
    if (held) return held;
    const row = this.statement('byId', 'SELECT id, body FROM documents WHERE collection = ? AND id = ?').get(this.key, id) as Row | undefined;
    return row && parsed(this.name, row);
  }

  ids(): Iterable<string> {
    const stored = this.statement('ids', 'SELECT id FROM documents WHERE collection = ?').pluck().all(this.key) as string[];
    return new Set([...stored.filter((id) => !this.deleted.has(id)), ...this.unsaved.ids()]);
  }

  lookedUpFields(): Iterable<string> {
    return this.fields;
  }

  narrowing(filter: Filter): Narrowing | undefined {
    for (const field of this.fields) {
      const values = field in filter ? plainValues(filter[field]) : undefined;
      if (values) return { field, values };
    }
    return undefined;
  }

  /** The rows SQLite finds for what it can test of the filter (the narrowing field through its index), and the unsaved ones. */
  candidates(filter: Filter, { field, values }: Narrowing): Iterable<string> {
    const condition = sqlCondition(filter, this.fields);
    if (!condition) return this.ids();
    const sql = `SELECT id FROM documents WHERE collection = ${literal(this.key)} AND ${condition.sql}`;
    const ids = new Set(this.statement(sql, sql).pluck().all(...condition.params.map(sqlValue)) as string[]);
    for (const value of values) for (const id of this.unsaved.idsWhere(field, value)) ids.add(id);
    return ids;
  }

  /**
   * The rows SQLite finds for the part of the filter it can test (through an index when a lookup field
   * is named), over what is not yet written; the whole filter stays to be tested by the query engine.
   */
  select(filter: Filter): [Document[], Filter] {
    const narrowed = this.narrowing(filter);
    const listed = '_id' in filter ? plainValues(filter._id) : undefined;
    const ids = listed && listed.length <= MAX_IN ? listed : undefined;
    const { _id: _byKey, ...rest } = filter;
    // ids through the primary key, the rest on the stored JSON
    const condition = ids ? sqlCondition(rest, this.fields) : sqlCondition(filter, this.fields);
    const byId = ids && `id IN (${ids.map(() => '?').join(', ')})`;
    const where = [`collection = ${literal(this.key)}`, byId, condition?.sql].filter(Boolean).join(' AND ');
    const sql = `SELECT id, body FROM documents WHERE ${where}`;
    const rows = this.statement(sql, sql).all(...(ids ?? []).map(String), ...(condition?.params ?? []).map(sqlValue)) as Row[];
    const documents = new Map<string, Document>();
    for (const row of rows) {
      if (!this.deleted.has(row.id) && !this.unsaved.get(row.id)) documents.set(row.id, parsed(this.name, row));
    }
    const held = ids ? ids.map(String).filter((id) => this.unsaved.get(id))
      : narrowed ? narrowed.values.flatMap((value) => [...this.unsaved.idsWhere(narrowed.field, value)]) : this.unsaved.ids();
    for (const id of held) documents.set(id, this.unsaved.get(id)!);
    return [[...documents.values()], filter];
  }

  check(): void {}

  apply(changed: Versions): void {
    for (const [id, document] of changed) {
      if (document) this.deleted.delete(id);
      else this.deleted.add(id);
    }
    this.unsaved.apply(changed);
  }

  saved(): void {
    this.unsaved.clear();
    this.deleted.clear();
  }

  clear(): void {
    this.saved();
  }

  private statement(key: string, sql: string): Database.Statement {
    let statement = this.statements.get(key);
    if (statement) return statement;
    if (this.statements.size >= STATEMENTS) this.statements.clear();
    this.statements.set(key, (statement = this.db.prepare(sql)));
    return statement;
  }
}
