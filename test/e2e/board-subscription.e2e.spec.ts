import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { PsmApp } from '../support/psm-app.js';

type Card = { projectId: string; stage: string; open: boolean; ownerId: string };

describe('boardChanged subscription (graphql-ws)', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  const clients: Client[] = [];
  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await psm.stop();
  });

  function subscribe(authorization: string | undefined, filter: Record<string, string> = {}) {
    const client = createClient({ url: psm.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0 });
    clients.push(client);
    const received: Card[] = [];
    const errors: unknown[] = [];
    client.subscribe<{ boardChanged: Card }>(
      { query: 'subscription($filter: BoardFilterInput) { boardChanged(filter: $filter) { projectId stage open ownerId } }', variables: { filter } },
      { next: ({ data }) => data && received.push(data.boardChanged), error: (error) => errors.push(error), complete: () => undefined },
    );
    return { received, errors };
  }

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('pushes each card as its project moves, filtered', async () => {
    const mine = subscribe(`Bearer ${psm.tokenFor('dir-sun', 'SALES_DIRECTOR')}`);
    const others = subscribe(`Bearer ${psm.tokenFor('dir-sun', 'SALES_DIRECTOR')}`, { ownerId: 'somebody-else' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const projectId = await drive.toQuotation();
    await until(() => mine.received.some((card) => card.stage === 'PSM040_QUOTATION'));
    const stages = mine.received.filter((card) => card.projectId === projectId).map((card) => card.stage);
    // a batch of events pushes the card once, as it stands after the batch
    expect(stages.length).toBeGreaterThanOrEqual(1);
    expect(stages.at(-1)).toBe('PSM040_QUOTATION');
    expect(mine.received.every((card) => card.open && card.ownerId === 'am-li')).toBe(true);
    expect(others.received).toEqual([]);
  });

  it('refuses a socket without a valid token', async () => {
    const anonymous = subscribe(undefined);
    await until(() => anonymous.errors.length > 0);
    expect(anonymous.errors.length).toBeGreaterThan(0);
    expect(anonymous.received).toEqual([]);
  });
});
