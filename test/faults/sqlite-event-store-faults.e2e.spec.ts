import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { cny, PsmApp } from '../support/psm-app.js';
import { connectionOf, SQLITE_FAULTS } from '../support/sqlite-faults.js';

const BOARD = '{ pipelineBoard { stage count } projects { total } }';
const REGISTER = `mutation($input: RegisterLeadInput!) { registerLead(input: $input) { projectId revision } }`;
// larger than a page: every append needs a new page of the file
const lead = (commandId: string) => ({
  commandId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'n'.repeat(4000),
  channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
});

describe.each(Object.entries(SQLITE_FAULTS))('the SQLite event store with a %s', (_, fault) => {
  let psm: PsmApp;
  let events: EventStore;
  let token: string;
  beforeAll(async () => {
    psm = await PsmApp.start();
    events = psm.app.get<EventStore>(EVENT_STORE);
    token = psm.tokenFor('am-li', 'ACCOUNT_MANAGER');
  });
  afterAll(() => psm.stop());

  const register = async (commandId: string) => {
    const response = await fetch(`${psm.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: REGISTER, variables: { input: lead(commandId) } }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: { code: string } }> } };
  };
  const commandIdsInLog = async () => (await events.readAll({ limit: 100_000 })).map((event) => event.metadata.commandId);

  it('refuses commands with UNAVAILABLE and writes none of them, keeps answering queries, and takes them again once cleared', async () => {
    const acknowledged = Array.from({ length: 3 }, () => randomUUID());
    for (const commandId of acknowledged) expect((await register(commandId)).body.data.registerLead.revision).toBe(0);
    await psm.caughtUp();
    const head = await psm.logHead();

    fault.inject(connectionOf(events));
    const refused = Array.from({ length: 5 }, () => randomUUID());
    // sent together, they share one group commit
    const answers = await Promise.all(refused.map(register));
    for (const { status, body } of answers) {
      expect(status).toBe(503);
      expect(body.errors?.[0].extensions.code).toBe('UNAVAILABLE');
      expect(body.errors?.[0].message).not.toMatch(/SQLITE|events\.db/);
    }
    expect(await psm.logHead()).toBe(head);
    expect(await commandIdsInLog()).toEqual(acknowledged);

    const { data } = await psm.graphql(BOARD, {}, token);
    expect(data.projects.total).toBe(3);
    expect(data.pipelineBoard.find((column: { stage: string }) => column.stage === 'LEAD').count).toBe(3);

    fault.clear(connectionOf(events));
    // the client retries with the same command ids: each is appended once
    for (const commandId of refused) expect((await register(commandId)).body.data.registerLead.revision).toBe(0);
    expect(await commandIdsInLog()).toEqual([...acknowledged, ...refused]);
  });
});
