import { randomUUID } from 'node:crypto';
import { cny, PsmApp } from '../support/psm-app.js';
import { postRaw, type RawResponse } from '../support/raw-http.js';

const LIMITS = { GRAPHQL_MAX_DEPTH: '5', GRAPHQL_MAX_COMPLEXITY: '20', GRAPHQL_MAX_DOCUMENT_BYTES: '600', HTTP_BODY_LIMIT_BYTES: '4096' };

describe('GraphQL edge limits: refused before anything runs, as typed client errors', () => {
  let psm: PsmApp;
  let token: string;
  beforeAll(async () => {
    psm = await PsmApp.start(LIMITS);
    token = psm.tokenFor('am-li', 'ACCOUNT_MANAGER');
  });
  afterAll(() => psm.stop());

  const send = (query: string, variables: Record<string, unknown> = {}) =>
    postRaw(psm.url, JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });

  function expectRefused(response: RawResponse, status: number, extensions: Record<string, unknown>) {
    expect(response.status).toBe(status);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0].extensions).toMatchObject(extensions);
  }

  it('accepts a document within every limit', async () => {
    const response = await send('{ health { eventStore readStore } }');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ health: { eventStore: 'UP', readStore: 'UP' } });
  });

  it('refuses a document nested deeper than GRAPHQL_MAX_DEPTH (introspection included) → 400 BAD_USER_INPUT, limit depth', async () => {
    expect((await send('{ __schema { types { fields { type { name } } } } }')).status).toBe(200);
    expectRefused(await send('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'), 400, { code: 'BAD_USER_INPUT', limit: 'depth' });
  });

  it('refuses more fields than GRAPHQL_MAX_COMPLEXITY, aliases and fragments counted → 400 BAD_USER_INPUT, limit complexity', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `h${i}: health { ...Stores }`).join(' ');
    expectRefused(await send(`{ ${aliases} } fragment Stores on Health { eventStore }`), 400, { code: 'BAD_USER_INPUT', limit: 'complexity' });
  });

  it('refuses a document over GRAPHQL_MAX_DOCUMENT_BYTES → 400 BAD_USER_INPUT, limit documentSize', async () => {
    expectRefused(await send(`{ health { eventStore } } # ${'x'.repeat(600)}`), 400, { code: 'BAD_USER_INPUT', limit: 'documentSize' });
  });

  it('refuses two commands in one request (aliased mutations) and appends nothing → 400 BAD_USER_INPUT, limit mutations', async () => {
    const before = await psm.logHead();
    const lead = (commandId: string) =>
      `{ commandId: "${commandId}", title: "t", customer: "c", contact: { name: "n" }, need: "n", channel: WEB, estimatedAmount: { amount: ${cny(1).amount}, currency: "CNY" }, region: "EAST", productLine: "ROBOT_CELL" }`;
    const twice = `mutation { a: registerLead(input: ${lead(randomUUID())}) { stage } b: registerLead(input: ${lead(randomUUID())}) { stage } }`;
    expectRefused(await send(twice), 400, { code: 'BAD_USER_INPUT', limit: 'mutations' });
    expect(await psm.logHead()).toBe(before);
  });

  it('refuses a batch (an array of operations) → 400 BAD_USER_INPUT', async () => {
    const batch = JSON.stringify([{ query: '{ health { eventStore } }' }, { query: '{ health { readStore } }' }]);
    expectRefused(await postRaw(psm.url, batch, { authorization: `Bearer ${token}` }), 400, { code: 'BAD_USER_INPUT' });
  });

  it('refuses a body over HTTP_BODY_LIMIT_BYTES → 413 PAYLOAD_TOO_LARGE', async () => {
    expectRefused(await send('query($id: ID!) { project(id: $id) { stage } }', { id: 'x'.repeat(5000) }), 413, { code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a body that is not JSON → 400 BAD_USER_INPUT', async () => {
    expectRefused(await postRaw(psm.url, '{"query": "{ health { eventStore } }"', { authorization: `Bearer ${token}` }), 400, { code: 'BAD_USER_INPUT' });
  });
});
