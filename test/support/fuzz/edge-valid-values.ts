import fc from 'fast-check';
import {
  isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLInputType, type GraphQLNamedInputType,
} from 'graphql';

/** The project the fuzzed commands name: it exists, so a command that slipped through the edge would reach the domain. */
export interface FuzzTarget {
  projectId: string;
}

/** Text a person could type: ordinary, Chinese, emoji (a joined one too), right-to-left and combining marks — all well-formed. */
const text = fc.constantFrom('焊接机器人工作站', 'ok', 'Straße ÄÖÜ', '🤖 cell #2', 'مرحبا', 'e\u0301te\u0301', '👩\u200d💻', "O'Brien; --");
const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

/** Values a well-behaved client sends for a field of this name: the edge must let them through. */
function stringFor(name: string, target: FuzzTarget): fc.Arbitrary<string> {
  if (name === 'projectId' || name === 'id') return fc.constant(target.projectId);
  if (name === 'commandId' || name === 'entryId') return fc.uuid();
  if (/sha256$/i.test(name)) return fc.stringMatching(/^[0-9a-f]{64}$/);
  if (name === 'uri') return fc.constantFrom('https://dms.example.test/doc', 'http://dms/contract-v2.pdf');
  if (name === 'email') return fc.constant('chen@example.cn');
  if (name === 'phone') return fc.constant('+86 21 5555-0100');
  if (name === 'currency') return fc.constantFrom('CNY', 'USD');
  if (/On$/.test(name)) return day;
  if (name === 'month' || name === 'from' || name === 'to') return fc.constant('2026-10');
  if (name === 'quarter') return fc.constant('2026-Q3');
  return text;
}

function scalarFor(type: GraphQLNamedInputType, name: string, target: FuzzTarget): fc.Arbitrary<unknown> {
  switch (type.name) {
    case 'Boolean': return fc.boolean();
    case 'Int': return name === 'limit' ? fc.integer({ min: 1, max: 100 }) : name === 'people' ? fc.integer({ min: 1, max: 20 }) : name === 'version' ? fc.integer({ min: 1, max: 100 }) : fc.integer({ min: 0, max: 100 });
    case 'SafeInt': return fc.integer({ min: 1, max: 10_000_000_000 });
    case 'Float': return fc.double({ min: 0, max: 1e6, noNaN: true });
    case 'DateTime': return day.map((date) => `${date}T08:00:00.000Z`);
    case 'JSON': return fc.constant({});
    default: return stringFor(name, target);
  }
}

/** A value of the type that passes every check at the edge (the domain may still refuse it). */
export function validValue(type: GraphQLInputType, name: string, target: FuzzTarget): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return validValue(type.ofType, name, target);
  if (isListType(type)) return fc.array(validValue(type.ofType, name, target), { minLength: 1, maxLength: 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isScalarType(type)) return scalarFor(type, name, target);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((field) => [field.name, validValue(field.type, field.name, target)]));
    const requiredKeys = fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name);
    return fc.record(model, { requiredKeys });
  }
  throw new Error(`no values for ${String(type)}`);
}
