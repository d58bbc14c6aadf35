import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import { ROLES } from '../../src/domain/project/vocabulary.js';
import { costlyRequests, type CostlyRequest } from '../support/fuzz/costly-requests.js';
import { fuzzRequests, type FuzzRequest } from '../support/fuzz/malformed-requests.js';
import { operationsOf } from '../support/fuzz/schema-operations.js';
import { cny, PsmApp } from '../support/psm-app.js';

/** FUZZ_SEED replays a failure; FUZZ_RUNS sends more. The defaults are what CI runs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const BATCH = 16;
/** Fixed, so that a seed replays the very same requests. */
const PROJECT_ID = '5f0c2d4e-8a1b-4c3d-9e2f-7a6b5c4d3e2f';
const RUNS = Number(process.env.FUZZ_RUNS ?? 320);
/** Costly requests go in batches as large as the malformed ones, fewer of them: each may replay the log. */
const COSTLY_RUNS = Math.max(1, Math.round(RUNS / 16));
/** The service's heap may grow this much over the costly corpus, at its peak: far above what the caps let one batch hold. */
const HEAP_GROWTH_BOUND = 512 * 1024 * 1024;
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** How a costly request may be refused: as a whole at the edge, or a field the caller may not read. */
const COST_REFUSALS = new Set(['cost', 'complexity', 'documentSize', 'concurrency', 'responseSize']);

/** Every code a refusal may carry; INTERNAL_SERVER_ERROR is not one of them. */
const TYPED_CODES = new Set([
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED',
  'GRAPHQL_VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS',
]);
/** How the edge refuses a malformed request before any rule of the procedure or any read model is consulted. */
const EDGE_REFUSALS = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);

/** A JSON request body as GraphQL-over-GET parameters. */
function inUrl(body: string): URLSearchParams {
  const { query, variables } = JSON.parse(body) as { query: string; variables: unknown };
  return new URLSearchParams({ query, variables: JSON.stringify(variables) });
}

describe(`fuzzing the edge: ${RUNS * BATCH} malformed requests over HTTP (seed ${SEED})`, () => {
  let psm: PsmApp;
  let tokens: Record<FuzzRequest['auth'], string | undefined>;
  beforeAll(async () => {
    psm = await PsmApp.start({ RATE_LIMIT_MAX: '1000000' });
    tokens = { user: psm.tokenFor('fuzz-everyone', ...ROLES), none: undefined, forged: `${psm.tokenFor('fuzz-everyone', 'ADMIN').slice(0, -4)}AAAA` };
    const { errors } = await psm.as('am-li', 'ACCOUNT_MANAGER').do('registerLead', {
      projectId: PROJECT_ID, title: '码垛机器人', customer: '无锡食品', contact: { name: '王经理' }, need: 'palletizing', channel: 'WEB',
      estimatedAmount: cny(300_000), region: 'EAST', productLine: 'ROBOT_CELL',
    });
    expect(errors).toBeUndefined();
  });
  afterAll(() => psm.stop());

  async function send(request: FuzzRequest): Promise<void> {
    const token = tokens[request.auth];
    const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response =
      request.method === 'GET'
        ? await fetch(`${psm.url}/graphql?${inUrl(request.body)}`, { headers: authorization })
        : await fetch(`${psm.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: request.body });
    const text = await response.text();
    const fail = (why: string) => new Error(`${why}\n  request: ${request.description} (auth: ${request.auth})\n  answer: ${response.status} ${text.slice(0, 600)}`);
    if (response.status >= 500) throw fail('a server error');
    let body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text);
    } catch {
      throw fail('an answer that is not JSON');
    }
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    if (codes.some((code) => !TYPED_CODES.has(code!))) throw fail('an error without a typed code');
    if (codes.length === 0) throw fail('a malformed request was answered as if it were valid');
    const allowed = request.auth === 'user' ? EDGE_REFUSALS : new Set([...EDGE_REFUSALS, 'UNAUTHENTICATED']);
    if (!codes.every((code) => allowed.has(code!))) throw fail('a malformed request passed the edge');
  }

  it('refuses every one at the edge with a typed client error, never a 5xx, and appends nothing', async () => {
    const operations = operationsOf(psm.app.get(GraphQLSchemaHost).schema);
    expect(operations.filter((operation) => operation.kind === 'mutation').length).toBeGreaterThanOrEqual(27);
    const head = await psm.logHead();
    let sent = 0;
    const called = new Set<string>();
    const methods = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzRequests(operations, { projectId: PROJECT_ID }), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(send));
        sent += batch.length;
        for (const request of batch) {
          if (request.operation) called.add(request.operation);
          methods.add(request.method);
        }
        const now = await psm.logHead();
        if (now !== head) throw new Error(`the log moved from ${head} to ${now}: one of these was appended:\n${batch.map((request) => `  ${request.description}`).join('\n')}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(sent).toBe(RUNS * BATCH);
    expect(methods).toEqual(new Set(['GET', 'POST']));
    // every operation that takes arguments was called with a malformed one
    if (!process.env.FUZZ_RUNS) expect([...called].sort()).toEqual(operations.filter((operation) => operation.args.length > 0).map((operation) => operation.field).sort());
    if (!process.env.FUZZ_RUNS) expect(sent).toBeGreaterThanOrEqual(5_000);
  }, 120_000);

  /** A costly request is refused whole with a typed limit, or answered within the answer cap (fields it may not read refused by code). */
  async function sendCostly(request: CostlyRequest): Promise<'answered' | 'refused'> {
    const response = await fetch(`${psm.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.user}` }, body: request.body });
    const text = await response.text();
    const fail = (why: string) => new Error(`${why}\n  request: ${request.description}\n  answer: ${response.status} ${text.slice(0, 600)}`);
    if (response.status >= 500) throw fail('a server error');
    if (Buffer.byteLength(text) > MAX_RESPONSE_BYTES) throw fail('an answer over the size cap');
    const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string; limit?: string } }> };
    const errors = body.errors ?? [];
    if (errors.some((error) => !TYPED_CODES.has(error.extensions?.code ?? ''))) throw fail('an error without a typed code');
    if (body.data) return 'answered';
    if (errors.length !== 1 || !COST_REFUSALS.has(errors[0].extensions?.limit ?? '')) throw fail('neither answered nor refused by a limit');
    return 'refused';
  }

  it(`answers or refuses ${COSTLY_RUNS * BATCH} costly requests (aliases, nested lists, as-of fan-out, large history pages) within the caps, the heap within a bound`, async () => {
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const outcomes = { answered: 0, refused: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(costlyRequests({ projectId: PROJECT_ID }), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          for (const outcome of await Promise.all(batch.map(sendCostly))) outcomes[outcome]++;
        }),
        { seed: SEED, numRuns: COSTLY_RUNS, endOnFailure: true },
      );
    } finally {
      clearInterval(sampler);
    }
    expect(outcomes.answered + outcomes.refused).toBe(COSTLY_RUNS * BATCH);
    expect(outcomes.answered).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(peak - baseline).toBeLessThan(HEAP_GROWTH_BOUND);
    // the service still answers at once
    expect((await psm.graphql('{ health { eventStore } }')).data).toEqual({ health: { eventStore: 'UP' } });
  }, 120_000);
});
