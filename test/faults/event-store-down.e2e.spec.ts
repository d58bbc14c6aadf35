import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from '../support/closed-port.js';
import { cny, PsmApp } from '../support/psm-app.js';

const JWT_SECRET = 'a-test-secret-of-at-least-32-characters!';
const READS = '{ pipelineBoard { stage count cards { title } } projects { total items { title } } }';
const lead = (title: string) => ({
  commandId: randomUUID(), title, customer: '苏州精工', contact: { name: '陈工' }, need: 'two welding cells',
  channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
});

describe('the service while EventStoreDB is down', () => {
  let dir: string;
  let psm: PsmApp;
  let titles: string[];

  beforeAll(async () => {
    // read models built while the store was up: two leads, checkpoints in EventStoreDB's form
    dir = mkdtempSync(join(tmpdir(), 'psm-esdb-down-'));
    const before = await PsmApp.start({ DATA_DIR: dir });
    titles = ['焊接机器人工作站', '码垛机器人'];
    for (const title of titles) await before.as('am-li', 'ACCOUNT_MANAGER').do('registerLead', lead(title));
    await before.caughtUp();
    await before.app.close();
    rmSync(before.dir, { recursive: true, force: true });
    const reads = new Database(join(dir, 'read.db'));
    reads.exec(`UPDATE checkpoints SET position = 'C:' || position || '/P:' || position`);
    reads.close();
    psm = await PsmApp.start({ DATA_DIR: dir, EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${await closedPort()}?tls=false`, JWT_SECRET });
  });
  afterAll(async () => {
    await psm.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a command at once with UNAVAILABLE and HTTP 503', async () => {
    const started = Date.now();
    const response = await fetch(`${psm.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${psm.tokenFor('am-li', 'ACCOUNT_MANAGER')}` },
      body: JSON.stringify({ query: 'mutation($input: RegisterLeadInput!) { registerLead(input: $input) { projectId } }', variables: { input: lead('新线索') } }),
    });
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(response.status).toBe(503);
    expect(body.errors[0].extensions.code).toBe('UNAVAILABLE');
    expect(body.errors[0].message).toBe('the event store is unavailable: try again later with the same commandId');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps answering the board and the project list from the read models', async () => {
    const { data, errors } = await psm.graphql(READS, {}, psm.tokenFor('sd-wang', 'SALES_DIRECTOR'));
    expect(errors).toBeUndefined();
    expect(data.projects.total).toBe(2);
    expect(data.projects.items.map((item: { title: string }) => item.title).sort()).toEqual([...titles].sort());
    const leads = data.pipelineBoard.find((column: { stage: string }) => column.stage === 'LEAD');
    expect(leads.count).toBe(2);
  });

  it('reports the event store DOWN and the read store UP', async () => {
    const response = await fetch(`${psm.url}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'degraded', eventStore: 'DOWN', readStore: 'UP' });
  });
});
