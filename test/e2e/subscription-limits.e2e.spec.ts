import { createClient, type Client } from 'graphql-ws';
import { parse } from 'graphql';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { symbols, type Logger } from 'pino';
import WebSocket from 'ws';
import { TokenService } from '../../src/auth/token.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import type { AuthenticatedActor } from '../../src/auth/actor.js';
import { LOGGER } from '../../src/storage/storage.module.js';
import { cny, PsmApp } from '../support/psm-app.js';
import { postRaw } from '../support/raw-http.js';

type Message = { type: string; id?: string; payload?: any };

const until = async (condition: () => boolean, ms = 10_000) => {
  for (let waited = 0; waited < ms && !condition(); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
};

/** A graphql-transport-ws socket spoken to message by message, as a hostile script would. */
class RawSocket {
  readonly messages: Message[] = [];
  closed?: { code: number; reason: string };

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.messages.push(JSON.parse(String(data))));
    ws.on('close', (code, reason) => (this.closed = { code, reason: String(reason) }));
  }

  static async open(url: string): Promise<RawSocket> {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade answered ${response.statusCode}`)));
    });
    return new RawSocket(ws);
  }

  send(message: Message) {
    this.ws.send(JSON.stringify(message));
  }

  /** connection_init with the token: true once acknowledged, false when refused or closed. */
  async init(token: string | undefined): Promise<boolean> {
    this.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
    await until(() => this.closed !== undefined || this.messages.some((m) => m.type === 'connection_ack' || m.type === 'connection_error'));
    return this.closed === undefined && this.messages.some((m) => m.type === 'connection_ack');
  }

  subscribe(id: string, query: string | object, variables: Record<string, unknown> = {}) {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  errors(prefix = ''): Message[] {
    return this.messages.filter((m) => m.type === 'error' && m.id?.startsWith(prefix));
  }

  cards(id: string): Array<{ projectId: string }> {
    return this.messages.filter((m) => m.type === 'next' && m.id === id).map((m) => m.payload.data.boardChanged);
  }

  terminate() {
    this.ws.terminate();
  }
}

const aliases = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: title`).join(' ');

describe('subscription limits (graphql-ws)', () => {
  let psm: PsmApp;
  let tokens: TokenService;
  const sockets: RawSocket[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    psm = await PsmApp.start();
    tokens = psm.app.get(TokenService);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.terminate()));
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await psm.stop();
  });

  const open = async () => {
    const socket = await RawSocket.open(psm.url);
    sockets.push(socket);
    return socket;
  };
  const token = (actor: Partial<AuthenticatedActor> = {}, expiresIn?: string) => tokens.sign({ userId: 'dir-sun', roles: ['SALES_DIRECTOR'], ...actor }, expiresIn);

  /** A lead registered by am-li, seen by a director of the same (single) unit. */
  const registerLead = async () => {
    const projectId = randomUUID();
    const { errors } = await psm.as('am-li', 'ACCOUNT_MANAGER').do('registerLead', {
      projectId, title: 'AGV', customer: '宁波港', contact: { name: '李工' }, need: 'AGVs', channel: 'WEB',
      estimatedAmount: cny(100), region: 'EAST', productLine: 'AGV',
    });
    expect(errors).toBeUndefined();
    return projectId;
  };

  /** A well-behaved client: the live board of a director, through graphql-ws. */
  const observer = () => {
    const client = createClient({ url: `${psm.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token()}` }, retryAttempts: 0 });
    clients.push(client);
    const received: string[] = [];
    client.subscribe<{ boardChanged: { projectId: string } }>(
      { query: 'subscription { boardChanged { projectId } }' },
      { next: ({ data }) => data && received.push(data.boardChanged.projectId), error: () => undefined, complete: () => undefined },
    );
    return received;
  };

  it('refuses the probe’s flood past the caps (sockets per user, subscriptions per socket, fields) while another client is served', async () => {
    const live = observer();
    await until(() => false, 200);
    const heapBefore = process.memoryUsage().heapUsed;
    const roleless = token({ userId: 'nobody', roles: [] });
    const flood = await Promise.all(Array.from({ length: 7 }, () => open()));
    const admitted: boolean[] = [];
    for (const socket of flood) admitted.push(await socket.init(roleless));
    expect(admitted).toEqual([true, true, true, true, true, false, false]);
    expect(flood.slice(5).map((socket) => socket.closed?.code)).toEqual([4429, 4429]);

    const attackers = flood.slice(0, 3);
    const costly = `subscription { boardChanged { projectId ${aliases(1000)} } }`;
    for (const socket of attackers) {
      for (let i = 0; i < 50; i++) socket.subscribe(`costly-${i}`, costly);
      for (let i = 0; i < 50; i++) socket.subscribe(`small-${i}`, 'subscription { boardChanged { projectId } }');
    }
    const projectId = await registerLead();
    await until(() => live.includes(projectId) && attackers.every((socket) => socket.errors().length === 90));

    expect(live).toContain(projectId);
    for (const socket of attackers) {
      expect(socket.errors('costly-').map((m) => m.payload[0].extensions)).toEqual(Array(50).fill({ code: 'BAD_USER_INPUT', limit: 'complexity' }));
      expect(socket.errors('small-').map((m) => m.payload[0].extensions)).toEqual(Array(40).fill({ code: 'BAD_USER_INPUT', limit: 'subscriptionsPerSocket' }));
      expect(socket.closed).toBeUndefined();
    }
    expect((await psm.graphql('{ health { eventStore } }')).data.health.eventStore).toBe('UP');
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 2 ** 20);
  });

  it('frees a socket’s place when it closes, and a subscription’s when the client completes it', async () => {
    const user = token({ userId: 'mk-zhou', roles: ['MARKETING'] });
    const five = await Promise.all(Array.from({ length: 5 }, () => open()));
    for (const socket of five) expect(await socket.init(user)).toBe(true);
    const sixth = await open();
    expect(await sixth.init(user)).toBe(false);
    five[0].terminate();
    await until(() => false, 100);
    const again = await open();
    expect(await again.init(user)).toBe(true);

    for (let i = 0; i < 10; i++) again.subscribe(`s-${i}`, 'subscription { boardChanged { projectId } }');
    again.subscribe('s-10', 'subscription { boardChanged { projectId } }');
    await until(() => again.errors().length === 1);
    again.send({ id: 's-0', type: 'complete' });
    again.subscribe('s-11', 'subscription { boardChanged { projectId } }');
    const projectId = await registerLead();
    await until(() => again.cards('s-11').length > 0);
    expect(again.errors().map((m) => m.id)).toEqual(['s-10']);
    expect(again.cards('s-11').map((card) => card.projectId)).toContain(projectId);
  });

  it.each([
    ['an unknown field', 'subscription { boardChanged { projectId nonexistentField } }'],
    ['an unknown argument', 'subscription { boardChanged(nope: 2) { projectId } }'],
    ['an unknown input field', 'subscription { boardChanged(filter: { bogus: 1, region: "EAST" }) { projectId } }'],
    ['two root fields', 'subscription { boardChanged { projectId } other: boardChanged { title } }'],
    ['all of the probe’s', 'subscription { boardChanged(filter:{bogus:1,region:"EAST"}, nope:2) { projectId nonexistentField } other: boardChanged { title } }'],
  ])('refuses a subscription document with %s (GRAPHQL_VALIDATION_FAILED), pushes it nothing, and keeps the socket', async (_case, query) => {
    const socket = await open();
    expect(await socket.init(token())).toBe(true);
    socket.subscribe('invalid', query);
    socket.subscribe('valid', 'subscription { boardChanged { projectId } }');
    await until(() => socket.errors().length > 0);
    const projectId = await registerLead();
    await until(() => socket.cards('valid').some((card) => card.projectId === projectId));
    expect(socket.errors().map((m) => [m.id, m.payload[0].extensions.code])).toEqual([['invalid', 'GRAPHQL_VALIDATION_FAILED']]);
    expect(socket.cards('invalid')).toEqual([]);
    expect(socket.cards('valid').map((card) => card.projectId)).toContain(projectId);
  });

  it('closes a socket that sends a document as a parsed tree (4400) or reuses a running id (4409)', async () => {
    const tree = await open();
    expect(await tree.init(token())).toBe(true);
    tree.subscribe('tree', JSON.parse(JSON.stringify(parse(`subscription { boardChanged { projectId ${aliases(200)} } }`))));
    await until(() => tree.closed !== undefined);
    expect(tree.closed?.code).toBe(4400);

    const twice = await open();
    expect(await twice.init(token())).toBe(true);
    twice.subscribe('same', 'subscription { boardChanged { projectId } }');
    twice.subscribe('same', 'subscription { boardChanged { projectId } }');
    await until(() => twice.closed !== undefined);
    expect(twice.closed?.code).toBe(4409);
  });

  it('ends a subscription when its token expires: the socket is closed with 4403 and pushed nothing after', async () => {
    const socket = await open();
    expect(await socket.init(token({}, '2s'))).toBe(true);
    socket.subscribe('board', 'subscription { boardChanged { projectId } }');
    await until(() => socket.closed !== undefined, 10_000);
    expect(socket.closed).toEqual({ code: 4403, reason: 'Forbidden: the token has expired' });
    const projectId = await registerLead();
    await until(() => false, 200);
    expect(socket.cards('board').map((card) => card.projectId)).not.toContain(projectId);
  });
});

describe('a socket that does not authenticate in time (GRAPHQL_SOCKET_INIT_TIMEOUT_MS)', () => {
  let psm: PsmApp;
  // the same rule at a tenth of the default's wait
  beforeAll(async () => (psm = await PsmApp.start({ GRAPHQL_SOCKET_INIT_TIMEOUT_MS: '1000' })));
  afterAll(() => psm.stop());

  it('is given 10 s unless configured otherwise', () => {
    expect(loadConfig({}).GRAPHQL_SOCKET_INIT_TIMEOUT_MS).toBe(10_000);
  });

  it('is closed once the time is up (4408), not before', async () => {
    const idle = await RawSocket.open(psm.url);
    const opened = Date.now();
    await until(() => idle.closed !== undefined, 10_000);
    expect(idle.closed?.code).toBe(4408);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(900);
  });
});

describe('the WebSocket upgrade and the anonymous per-address budget', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start({ RATE_LIMIT_MAX: '5' })));
  afterAll(() => psm.stop());

  const health = () => postRaw(psm.url, JSON.stringify({ query: '{ health { eventStore } }' }));

  /** A GET with the headers given (Node treats it as HTTP unless `connection: upgrade` is among them): its status once the server has closed the socket. */
  const getWithHeaders = (path: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const sent = httpRequest(new URL(`${psm.url}${path}`), { headers, agent: false }, (response) => {
        response.resume();
        response.socket.once('close', () => resolve(response.statusCode!));
      });
      sent.on('error', reject);
      sent.end();
    });

  it('connects and subscribes with a valid token after the address’s anonymous budget is spent; the budget still counts plain requests', async () => {
    for (let i = 0; i < 5; i++) expect((await health()).status).toBe(200);
    expect((await health()).status).toBe(429);
    // neither a query that only names the upgrade, nor an upgrade to another path, escapes the budget; the socket is not left open
    expect(await getWithHeaders(`/graphql?query=${encodeURIComponent('{ health { eventStore } }')}`, { upgrade: 'websocket' })).toBe(429);
    expect(await getWithHeaders('/reports/monthly.csv?month=2026-10', { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' })).toBe(429);

    const socket = await RawSocket.open(psm.url);
    try {
      expect(await socket.init(psm.tokenFor('dir-sun', 'SALES_DIRECTOR'))).toBe(true);
      socket.subscribe('board', 'subscription { boardChanged { projectId } }');
      const projectId = randomUUID();
      const { errors } = await psm.as('am-li', 'ACCOUNT_MANAGER').do('registerLead', {
        projectId, title: 'AGV', customer: '宁波港', contact: { name: '李工' }, need: 'AGVs', channel: 'WEB',
        estimatedAmount: cny(100), region: 'EAST', productLine: 'AGV',
      });
      expect(errors).toBeUndefined();
      await until(() => socket.cards('board').length > 0);
      expect(socket.cards('board').map((card) => card.projectId)).toContain(projectId);
    } finally {
      socket.terminate();
    }
  });
});

describe('a refused connection_init in the log', () => {
  it('is one info line without a stack; the client gets connection_error "Forbidden"', async () => {
    const psm = await PsmApp.start({ LOG_LEVEL: 'info' });
    const stream = (psm.app.get<Logger>(LOGGER) as unknown as Record<symbol, { write: (line: string) => boolean }>)[symbols.streamSym];
    const write = stream.write;
    const lines: Array<Record<string, unknown>> = [];
    stream.write = (line: string) => lines.push(JSON.parse(line)) > 0;
    try {
      const socket = await RawSocket.open(psm.url);
      expect(await socket.init('garbage')).toBe(false);
      expect(socket.messages).toEqual([{ type: 'connection_error', payload: { message: 'Forbidden' } }]);
      await until(() => socket.closed !== undefined);
      expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
      expect(lines.filter((line) => line.msg === 'subscription socket refused')).toEqual([
        expect.objectContaining({ level: 30, reason: 'the bearer token is invalid or expired' }),
      ]);
      expect(JSON.stringify(lines)).not.toContain('stack');
    } finally {
      stream.write = write;
      await psm.stop();
    }
  });
});
