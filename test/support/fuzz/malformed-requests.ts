import fc from 'fast-check';
import type { Operation } from './schema-operations.js';
import { validValue, type FuzzTarget } from './edge-valid-values.js';
import { MALFORMATIONS, positionsOf, replaceAt } from './malformations.js';

/** One request as sent: POST with the body exactly, or GET with query and variables in the URL; who sends it, what was spoiled. */
export interface FuzzRequest {
  method: 'POST' | 'GET';
  body: string;
  auth: 'user' | 'none' | 'forged';
  /** The schema field called, when the request calls one. */
  operation?: string;
  description: string;
}

/** GraphQL over GET takes queries (a mutation is refused): URLs stay short enough for any proxy. */
const GET_URL_LIMIT = 4_000;

/** fast-check prints a failing batch by these descriptions, not by bodies of hundreds of kilobytes. */
const describedBy = (request: FuzzRequest): FuzzRequest => Object.assign(request, { [fc.toStringMethod]: () => `${request.description} (${request.auth})` });

const auth = fc.constantFrom<FuzzRequest['auth']>('user', 'user', 'user', 'user', 'user', 'user', 'user', 'user', 'none', 'forged');

/** A call of `operation` whose variables are valid but for one malformation. */
function malformedCall(operation: Operation, target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const valid = fc.record(Object.fromEntries(operation.args.map((arg) => [arg.name, validValue(arg.type, arg.name, target)])));
  return valid.chain((variables) => {
    const positions = operation.args.flatMap((arg) => positionsOf(arg.type, variables[arg.name], arg.name, [arg.name], arg.type.toString().endsWith('!') && arg.defaultValue === undefined));
    const choices = MALFORMATIONS.flatMap((malformation) => positions.filter(malformation.applies).map((position) => ({ malformation, position })));
    return fc.constantFrom(...choices).chain(({ malformation, position }) =>
      fc.tuple(malformation.value(position, position.path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)?.[key], variables)), auth, fc.nat(7)).map(([bad, who, dice]) => {
        const body = JSON.stringify({ query: operation.document, variables: replaceAt(variables, position.path, bad) });
        const method = dice === 0 && body.length < GET_URL_LIMIT ? 'GET' : 'POST';
        return describedBy({ method, body, auth: who, operation: operation.field, description: `${method} ${operation.field}: ${malformation.kind} at ${position.path.join('.')}` });
      }),
    );
  });
}

/** Bodies no client library would send: broken documents, deep selections, odd JSON shapes. */
const brokenBodies: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((query) => JSON.stringify({ query })),
  fc.integer({ min: 20, max: 2000 }).map((depth) => JSON.stringify({ query: `{ health ${'{ eventStore '.repeat(depth)}${'}'.repeat(depth)} }` })),
  fc.integer({ min: 600, max: 3000 }).map((aliases) => JSON.stringify({ query: `{ ${Array.from({ length: aliases }, (_, i) => `h${i}: health { eventStore }`).join(' ')} }` })),
  fc.constantFrom<unknown>('a string', [1, 2], 42, null, [[[[]]]]).map((variables) => JSON.stringify({ query: 'query($id: ID!) { project(id: $id) { stage } }', variables })),
  fc.constantFrom<unknown>(42, null, ['{ health { eventStore } }', '{ health { readStore } }'], { nested: 'x' }).map((query) => JSON.stringify({ query })),
  fc.constant(JSON.stringify({ query: '{ health { eventStore } }', operationName: 'Nope' })),
  fc.constant(JSON.stringify({ query: 'query A { health { eventStore } } query B { health { readStore } }' })),
  fc.constant(JSON.stringify({ query: 'subscription { boardChanged { projectId } }' })),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

const brokenRequest: fc.Arbitrary<FuzzRequest> = fc.tuple(brokenBodies, auth).map(([body, who]) =>
  describedBy({ method: 'POST', body, auth: who, description: `broken body ${JSON.stringify(body.slice(0, 120))}` }),
);

/** Nine in ten requests call an operation of the schema with one malformed value; the rest are broken bodies. */
export function fuzzRequests(operations: Operation[], target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const withArguments = operations.filter((operation) => operation.args.length > 0);
  return fc.oneof({ weight: 9, arbitrary: fc.oneof(...withArguments.map((operation) => malformedCall(operation, target))) }, { weight: 1, arbitrary: brokenRequest });
}
