import { createClient, type Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { PsmApp } from '../support/psm-app.js';
import { TokenService } from '../../src/auth/token.service.js';
import type { Role } from '../../src/domain/project/vocabulary.js';

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

  const until = async (condition: () => boolean, tries = 300) => {
    for (let i = 0; i < tries && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
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

  it('pushes a card only to those who may see the project: its unit and its members', async () => {
    const tokens = psm.app.get(TokenService);
    const bearer = (userId: string, role: Role, businessUnit: string) => `Bearer ${tokens.sign({ userId, roles: [role], businessUnit })}`;
    const register = async (userId: string, businessUnit: string) => {
      const projectId = randomUUID();
      const { errors } = await psm.graphql(
        'mutation($input: RegisterLeadInput!) { registerLead(input: $input) { stage } }',
        { input: { commandId: randomUUID(), projectId, title: 'AGV', customer: '宁波港', contact: { name: '李工' }, need: 'AGVs', channel: 'WEB', estimatedAmount: { amount: 100, currency: 'CNY' }, region: 'EAST', productLine: 'AGV' } },
        tokens.sign({ userId, roles: ['ACCOUNT_MANAGER'], businessUnit }),
      );
      expect(errors).toBeUndefined();
      return projectId;
    };
    const pushed = (subscriber: { received: Card[] }, projectId: string) => subscriber.received.some((card) => card.projectId === projectId);
    const unitA = subscribe(bearer('mk-a', 'MARKETING', 'BU-A'));
    const unitB = subscribe(bearer('mk-b', 'MARKETING', 'BU-B'));
    const stranger = subscribe(bearer('am-other', 'ACCOUNT_MANAGER', 'BU-A'));
    // each subscription shown live first, by a card it may see, sent again until it arrives: a socket still opening misses it
    const live = async (subscriber: { received: Card[] }, userId: string, businessUnit: string) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const probe = await register(userId, businessUnit);
        await until(() => pushed(subscriber, probe), 50);
        if (pushed(subscriber, probe)) return true;
      }
      return false;
    };
    expect(await Promise.all([live(unitA, 'am-a', 'BU-A'), live(unitB, 'am-b', 'BU-B'), live(stranger, 'am-other', 'BU-A')])).toEqual([true, true, true]);

    const projectId = await register('am-a', 'BU-A');
    await until(() => pushed(unitA, projectId));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pushed(unitA, projectId)).toBe(true);
    expect([pushed(unitB, projectId), pushed(stranger, projectId)]).toEqual([false, false]);
  });

  it('refuses a socket without a valid token', async () => {
    const anonymous = subscribe(undefined);
    await until(() => anonymous.errors.length > 0);
    expect(anonymous.errors.length).toBeGreaterThan(0);
    expect(anonymous.received).toEqual([]);
  });
});
