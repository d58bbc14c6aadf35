import fc from 'fast-check';
import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType,
  type GraphQLInputType, type GraphQLNamedInputType,
} from 'graphql';
import { MAX_AMOUNT_FEN } from '../../../src/domain/policy/amount-limit.js';

/** A place in a request's variables, with the type the schema gives it. */
export interface Position {
  path: Array<string | number>;
  type: GraphQLInputType;
  name: string;
  /** Leaving it out is refused: non-null without a default. */
  required: boolean;
}

export const MISSING = Symbol('missing');

/** Every place in `value` (typed `type`) a malformed value could go. */
export function positionsOf(type: GraphQLInputType, value: unknown, name: string, path: Position['path'], required: boolean): Position[] {
  const here: Position = { path, type, name, required };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) {
    return [here, ...value.flatMap((item, i) => positionsOf(inner.ofType, item, name, [...path, i], isNonNullType(inner.ofType)))];
  }
  if (isInputObjectType(inner) && value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return [here, ...Object.values(inner.getFields()).flatMap((field) =>
      positionsOf(field.type, record[field.name], field.name, [...path, field.name], isNonNullType(field.type) && field.defaultValue === undefined),
    )];
  }
  return [here];
}

const named = (position: Position): GraphQLNamedInputType => getNamedType(position.type);
const isText = (position: Position) => ['String', 'ID'].includes(named(position).name) && !isListType(isNonNullType(position.type) ? position.type.ofType : position.type);
const isDateLike = (position: Position) => named(position).name === 'DateTime' || (/On$/.test(position.name) && isText(position));
const isScalar = (position: Position, name: string) => named(position).name === name && !isListType(isNonNullType(position.type) ? position.type.ofType : position.type);

/** Unicode a client must not smuggle into the log: lone surrogates, NUL, terminal escapes, other control characters, bidi, zero-width and separator characters. */
const BAD_UNICODE = [
  '\uD800', '\uDFFF', 'a\uDC00b', '\u0000', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\u0008',
  '\u202E', '\u2066', '\u200F', '\u061C', '\u200B', 'a\u200Db', '\u2060', '\uFEFF', '\u2028', '\u2029',
];
const BAD_DATES = ['2026-02-30', '2026-13-01', '2025-02-29', '0000-00-00', '2026-1-1', '20260101', 'yesterday', '2026-10-01T25:00:00Z', '', '9999-99-99', '2026-00-10'];
/** Every SafeInt of the schema is an amount in fen: whole, positive and at most the policy's maximum. */
const BAD_AMOUNTS = [0, -1, -100_000, 0.5, 1.25, -0.01, 2 ** 53, 2 ** 63, 1e21, -(2 ** 53), MAX_AMOUNT_FEN + 1, Number.MAX_SAFE_INTEGER];
/** No Int (a page offset or size) is fractional or past 32 bits. */
const BAD_INTEGERS = [0.5, -0.01, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e21];

/** A value of another JSON type than the position takes, one no GraphQL coercion turns into a valid one. */
function wrongTypeFor(position: Position): fc.Arbitrary<unknown> {
  const type = named(position);
  if (isInputObjectType(type)) return fc.constantFrom('an object expected', 42, true, [1, 2]);
  if (isEnumType(type)) return fc.constantFrom(1, true, { value: type.getValues()[0].name });
  switch (type.name) {
    case 'Boolean': return fc.constantFrom('true', 1, 0, { yes: true });
    case 'Int': case 'SafeInt': case 'Float': return fc.constantFrom('12', '1e3', true, { amount: 1 }, [1]);
    default: return fc.constantFrom(true, { text: 'x' }, [{ nested: 1 }], 3.5);
  }
}

/** Objects or arrays nested hundreds to thousands deep. */
const deeplyNested = fc.tuple(fc.integer({ min: 100, max: 3000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { nested: value };
  return value;
});

export interface Malformation {
  kind: string;
  applies: (position: Position) => boolean;
  /** The malformed value put at the position (MISSING: the key is removed), given the valid one. */
  value: (position: Position, valid: unknown) => fc.Arbitrary<unknown>;
}

/** Each malformation is refused wherever it applies: none of them is a value the edge may accept. */
export const MALFORMATIONS: Malformation[] = [
  { kind: 'wrong type', applies: () => true, value: wrongTypeFor },
  { kind: 'null where required', applies: (p) => isNonNullType(p.type), value: () => fc.constant(null) },
  { kind: 'missing required field', applies: (p) => p.required && typeof p.path.at(-1) === 'string', value: () => fc.constant(MISSING) },
  {
    kind: 'unknown field',
    applies: (p) => isInputObjectType(named(p)) && !isListType(isNonNullType(p.type) ? p.type.ofType : p.type),
    value: (_, valid) => fc.constantFrom('isAdmin', '__proto__', 'constructor', 'actor', 'revision').map((key) => ({ ...(valid as object), [key]: true })),
  },
  // longer than any text field takes: the longest, a project summary, takes 8,000 characters
  { kind: 'huge string', applies: isText, value: () => fc.oneof(fc.integer({ min: 8_001, max: 60_000 }).map((n) => '大'.repeat(n)), fc.constant('x'.repeat(300_000))) },
  {
    kind: 'bad unicode',
    applies: isText,
    value: (_, valid) => fc.tuple(fc.constantFrom(...BAD_UNICODE), fc.nat()).map(([bad, at]) => {
      const text = typeof valid === 'string' ? valid : 'x';
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + bad + text.slice(cut);
    }),
  },
  {
    kind: 'unknown enum value',
    applies: (p) => isEnumType(named(p)) && !isListType(isNonNullType(p.type) ? p.type.ofType : p.type),
    value: (p) => {
      const values = (named(p) as ReturnType<typeof named> & { getValues(): Array<{ name: string }> }).getValues().map((value) => value.name);
      return fc.oneof(fc.stringMatching(/^[A-Z_]{1,20}$/), fc.constant(values[0].toLowerCase()), fc.constant(`${values[0]} `)).filter((value) => !values.includes(value));
    },
  },
  { kind: 'bad amount', applies: (p) => isScalar(p, 'SafeInt'), value: () => fc.constantFrom(...BAD_AMOUNTS) },
  { kind: 'bad integer', applies: (p) => isScalar(p, 'Int'), value: () => fc.constantFrom(...BAD_INTEGERS) },
  { kind: 'bad date', applies: isDateLike, value: () => fc.constantFrom(...BAD_DATES) },
  { kind: 'deep nesting', applies: () => true, value: () => deeplyNested },
];

/** `value` with `replacement` at `path` (MISSING: the key removed); the original is left as it was. */
export function replaceAt(value: unknown, path: Position['path'], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = replaceAt(copy[head], rest, replacement);
  if (next === MISSING) delete copy[head];
  else copy[head] = next;
  return copy;
}
