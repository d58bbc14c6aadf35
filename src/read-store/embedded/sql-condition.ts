import type { Filter } from '../read-store.port.js';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** At most this many values in one `IN`: SQLite bounds the parameters of a statement. */
export const MAX_IN = 10_000;
const COMPARISONS: Record<string, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };
const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);
/** Values SQLite orders as mingo does: numbers, and ASCII text (UTF-8 bytes and UTF-16 units then agree). */
const orderable = (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && isAscii(value));
const plain = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

export const jsonPath = (field: string) => `'$."${field.replaceAll("'", "''").replaceAll('"', '\\"')}"'`;

/** One field's condition in SQL, or undefined when it is not one of the shapes translated. */
function fieldCondition(field: string, condition: unknown, scalar: boolean): SqlCondition | undefined {
  if (field.startsWith('$') || field.includes('.')) return undefined;
  const value = `json_extract(body, ${jsonPath(field)})`;
  // an array matches when any element does: such rows are always kept for the query engine to test
  const keepArrays = (sql: string, params: unknown[]) => (scalar ? { sql, params } : { sql: `(json_type(body, ${jsonPath(field)}) = 'array' OR ${sql})`, params });
  if (condition === null) return keepArrays(`${value} IS NULL`, []);
  if (plain(condition)) return keepArrays(`${value} = ?`, [condition]);
  if (typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
    if (operator in COMPARISONS && orderable(operand)) {
      parts.push(`${value} ${COMPARISONS[operator]} ?`);
      params.push(operand);
    } else if (operator === '$in' && Array.isArray(operand) && operand.length > 0 && operand.length <= MAX_IN && operand.every((item) => item === null || plain(item))) {
      const values = operand.filter((item) => item !== null);
      const options = [values.length ? `${value} IN (${values.map(() => '?').join(', ')})` : undefined, values.length < operand.length ? `${value} IS NULL` : undefined];
      parts.push(`(${options.filter(Boolean).join(' OR ')})`);
      params.push(...values);
    } else return undefined;
  }
  return parts.length ? keepArrays(parts.join(' AND '), params) : undefined;
}

/**
 * The part of a MongoDB filter SQLite can test on the stored JSON, as a condition every matching
 * document meets (rows it lets through are still tested by the query engine): plain equalities, `$in`,
 * range comparisons, and `$or` of those. Undefined when no part of the filter translates. `scalar`:
 * fields known never to hold an array, tested plainly so that their expression indexes serve.
 */
export function sqlCondition(filter: Filter, scalar: readonly string[] = []): SqlCondition | undefined {
  const parts: SqlCondition[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$or' && Array.isArray(condition) && condition.length > 0) {
      const branches = condition.map((branch) => sqlCondition(branch as Filter, scalar));
      // a branch that does not translate may match anything: then $or narrows nothing
      if (branches.every((branch) => branch !== undefined)) {
        parts.push({ sql: `(${branches.map((branch) => branch!.sql).join(' OR ')})`, params: branches.flatMap((branch) => branch!.params) });
      }
      continue;
    }
    const translated = fieldCondition(field, condition, scalar.includes(field));
    if (translated) parts.push(translated);
  }
  return parts.length ? { sql: parts.map((part) => part.sql).join(' AND '), params: parts.flatMap((part) => part.params) } : undefined;
}
