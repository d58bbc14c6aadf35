import { GraphQLError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { errorFormatter } from '../../src/graphql/error-formatter.js';
import { StoreUnavailableError } from '../../src/event-store/event-store.errors.js';

const context = { app: { log: { info: () => undefined } } } as unknown as MercuriusContext;
const codeOf = (error: GraphQLError) => errorFormatter({ data: null, errors: [error] }, context).response.errors[0].extensions?.code;

describe('error formatter: scalar failures', () => {
  it('calls a value a scalar refused on the way in a client error (BAD_USER_INPUT)', () => {
    const refused = new GraphQLError('Variable "$asOf" got invalid value "yesterday"', { originalError: new GraphQLError('Invalid date-time') });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
  });

  it('calls a field whose value fails to serialize on the way out an internal error, without its message', () => {
    const failed = new GraphQLError('Int cannot represent non-integer value: 1.5', { path: ['pipelineBoard', 0, 'count'], originalError: new GraphQLError('Int cannot represent non-integer value: 1.5') });
    const { response } = errorFormatter({ data: null, errors: [failed] }, context);
    expect(response.errors[0]).toMatchObject({ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('error formatter: a store that cannot be reached', () => {
  it('answers UNAVAILABLE with HTTP 503, not an internal error', () => {
    const unavailable = new StoreUnavailableError('event store', 'SQLITE_FULL: database or disk is full');
    const { statusCode, response } = errorFormatter({ data: null, errors: [new GraphQLError(unavailable.message, { path: ['registerLead'], originalError: unavailable })] }, context);
    expect(statusCode).toBe(503);
    expect(response.errors[0]).toMatchObject({ message: 'the event store is unavailable: try again later with the same commandId', extensions: { code: 'UNAVAILABLE' } });
  });
});
