import { QueryBus } from '@nestjs/cqrs';
import { ProjectAudit } from '../../src/application/audit/project-audit.js';
import { ReadModelsAsOf } from '../../projections/runtime/read-models-as-of.js';
import { cny, PsmApp } from '../support/psm-app.js';
import { postRaw, type RawResponse } from '../support/raw-http.js';

const PROJECT_ID = '0b6e8f3a-5c1d-4e2f-9a7b-3c4d5e6f7a8b';
const NOTE = '跟进'.repeat(1000);
const aliased = (times: number, field: string) => Array.from({ length: times }, (_, i) => `a${i}:${field}`).join(' ');

/** Counts the calls of `object[method]` and holds each until `open()`: the work behind a field, caught in the act. */
function hold<T extends object>(object: T, method: keyof T & string) {
  const original = (object[method] as (...args: unknown[]) => Promise<unknown>).bind(object);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held = { calls: 0, open: () => open(), shut: true };
  (object as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    held.calls++;
    if (held.shut) await gate;
    return original(...args);
  };
  return held;
}

describe('GraphQL cost limits: what a request may cost, send back and run at once', () => {
  let psm: PsmApp;
  const token = (userId: string, ...roles: Parameters<PsmApp['tokenFor']>[1][]) => ({ authorization: `Bearer ${psm.tokenFor(userId, ...roles)}` });
  const send = (headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) => postRaw(psm.url, JSON.stringify({ query, variables }), headers);
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  beforeAll(async () => {
    psm = await PsmApp.start({ RATE_LIMIT_MAX: '100000', GRAPHQL_MAX_RESPONSE_BYTES: '65536', GRAPHQL_MAX_REPLAYS: '3' });
    const owner = psm.as('am-a1', 'ACCOUNT_MANAGER');
    const lead = { projectId: PROJECT_ID, title: 'welding line', customer: 'Victim Customer Ltd', contact: { name: 'Li' }, need: 'weld', channel: 'WEB', estimatedAmount: cny(1000), region: 'EAST', productLine: 'ROBOT_CELL' };
    expect((await owner.do('registerLead', lead)).errors).toBeUndefined();
    for (let i = 0; i < 12; i++) expect((await owner.do('addTrackingNote', { projectId: PROJECT_ID, kind: 'CALL', note: NOTE })).errors).toBeUndefined();
    await psm.caughtUp();
  });
  afterAll(() => psm.stop());

  function expectRefused(response: RawResponse, status: number, extensions: Record<string, unknown>) {
    expect(response.status).toBe(status);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0].extensions).toMatchObject(extensions);
  }

  it('refuses the review’s three costly requests with limit cost before any of their fields runs (review finding 4)', async () => {
    const boards = hold(psm.app.get(QueryBus), 'execute');
    const replays = hold(psm.app.get(ReadModelsAsOf, { strict: false }), 'build');
    const histories = hold(psm.app.get(ProjectAudit, { strict: false }), 'history');
    [boards.shut, replays.shut, histories.shut] = [false, false, false];
    const probes = [
      send(token('am-b', 'ACCOUNT_MANAGER'), `query($a:DateTime){${aliased(450, 'pipelineBoard(asOf:$a){count}')}}`, { a: '2099-01-01T00:00:00Z' }),
      send(token('sup-a', 'SALES_SUPERVISOR'), `query($m:String!,$a:DateTime){${aliased(200, 'monthlyStatistics(month:$m,asOf:$a){month}')}}`, { m: '2026-01', a: '2099-01-01T00:00:00Z' }),
      send(token('am-a1', 'ACCOUNT_MANAGER'), `query($id:ID!){${aliased(250, 'projectHistory(projectId:$id,limit:1000){entries{payload}}')}}`, { id: PROJECT_ID }),
    ];
    for (const response of await Promise.all(probes)) {
      expectRefused(response, 400, { code: 'BAD_USER_INPUT', limit: 'cost' });
      expect(response.body.errors![0].message).toMatch(/costs \d+; at most 50000/);
    }
    expect([boards.calls, replays.calls, histories.calls]).toEqual([0, 0, 0]);
    // the same fields, once each, are answered
    expect((await send(token('am-b', 'ACCOUNT_MANAGER'), 'query($a:DateTime){ pipelineBoard(asOf:$a){ count } }', { a: '2099-01-01T00:00:00Z' })).body.errors).toBeUndefined();
    expect(boards.calls).toBe(1);
  });

  it('replaces an answer over GRAPHQL_MAX_RESPONSE_BYTES by PAYLOAD_TOO_LARGE, limit responseSize; a smaller page is answered', async () => {
    const history = 'query($id:ID!,$limit:Int){ projectHistory(projectId:$id, limit:$limit){ entries{ revision payload } } }';
    expectRefused(await send(token('am-a1', 'ACCOUNT_MANAGER'), history, { id: PROJECT_ID, limit: 1000 }), 400, { code: 'PAYLOAD_TOO_LARGE', limit: 'responseSize' });
    const page = await send(token('am-a1', 'ACCOUNT_MANAGER'), history, { id: PROJECT_ID, limit: 3 });
    expect(page.status).toBe(200);
    expect(page.body.data.projectHistory.entries).toHaveLength(3);
  });

  it('refuses a user’s expensive request past GRAPHQL_MAX_EXPENSIVE_PER_USER at once (TOO_MANY_REQUESTS, limit concurrency), and everyone’s replays past GRAPHQL_MAX_REPLAYS, while others are answered', async () => {
    const replays = hold(psm.app.get(ReadModelsAsOf, { strict: false }), 'build');
    const report = 'query($a:DateTime){ monthlyStatistics(month:"2026-01", asOf:$a){ month } }';
    const asOf = { a: '2099-01-01T00:00:00Z' };
    const supA = token('sup-a', 'SALES_SUPERVISOR');
    const running = [send(supA, report, asOf), send(supA, report, asOf)];
    await until(() => replays.calls === 2);

    expectRefused(await send(supA, report, asOf), 429, { code: 'TOO_MANY_REQUESTS', limit: 'concurrency' });
    // the same user's cheap request, and another user's report, are answered meanwhile
    expect((await send(supA, '{ projects { total } }')).body.errors).toBeUndefined();
    const supB = token('sup-b', 'SALES_SUPERVISOR');
    expect((await send(supB, '{ monthlyStatistics(month:"2026-01"){ month } }')).body).toMatchObject({ data: { monthlyStatistics: { month: '2026-01' } } });

    // a third replay of the log, by another user, is the last one the service runs at once
    running.push(send(supB, report, asOf));
    await until(() => replays.calls === 3);
    const refused = await send(token('dir-c', 'SALES_DIRECTOR'), report, asOf);
    expectRefused(refused, 429, { code: 'TOO_MANY_REQUESTS', limit: 'concurrency' });
    expect(refused.body.errors![0].message).toMatch(/other requests/);

    replays.open();
    for (const response of await Promise.all(running)) expect(response.body).toMatchObject({ data: { monthlyStatistics: { month: '2026-01' } } });
    // the slots are given back once the answers are out
    expect((await send(supA, report, asOf)).body.errors).toBeUndefined();
    expect((await send(token('dir-c', 'SALES_DIRECTOR'), report, asOf)).body.errors).toBeUndefined();
  });

  it('counts a CSV report against the same slots: refused (429, limit concurrency) while the user’s two reports replay, answered once they are out, and the other way round', async () => {
    const replays = hold(psm.app.get(ReadModelsAsOf, { strict: false }), 'build');
    const report = 'query($a:DateTime){ monthlyStatistics(month:"2026-01", asOf:$a){ month } }';
    const supA = token('sup-a', 'SALES_SUPERVISOR');
    const csv = (asOf?: string) => fetch(`${psm.url}/reports/monthly.csv?month=2026-01${asOf ? `&asOf=${asOf}` : ''}`, { headers: supA });
    const running = [send(supA, report, { a: '2099-01-01T00:00:00Z' }), send(supA, report, { a: '2099-01-01T00:00:00Z' })];
    await until(() => replays.calls === 2);
    const refused = await csv();
    expect([refused.status, await refused.json()]).toEqual([429, expect.objectContaining({ code: 'TOO_MANY_REQUESTS', limit: 'concurrency' })]);
    replays.open();
    await Promise.all(running);
    expect((await csv()).status).toBe(200);

    const held = hold(psm.app.get(ReadModelsAsOf, { strict: false }), 'build');
    const csvs = [csv('2099-01-01T00:00:00Z'), csv('2099-01-01T00:00:00Z')];
    await until(() => held.calls === 2);
    expectRefused(await send(supA, report, { a: '2099-01-01T00:00:00Z' }), 429, { code: 'TOO_MANY_REQUESTS', limit: 'concurrency' });
    held.open();
    for (const response of await Promise.all(csvs)) expect(response.status).toBe(200);
  });
});
