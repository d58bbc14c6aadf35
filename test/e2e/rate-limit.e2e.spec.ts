import { randomUUID } from 'node:crypto';
import { cny, PsmApp } from '../support/psm-app.js';
import { postRaw } from '../support/raw-http.js';

const MAX = 5;
const HEALTH = JSON.stringify({ query: '{ health { eventStore } }' });

describe('rate limiting: a budget per user (by token), anonymous callers per address', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start({ RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_WINDOW_SECONDS: '60' })));
  afterAll(() => psm.stop());

  const asUser = (userId: string) => ({ authorization: `Bearer ${psm.tokenFor(userId, 'ACCOUNT_MANAGER')}` });

  it(`answers a user's first ${MAX} requests, then 429 TOO_MANY_REQUESTS with Retry-After, and appends nothing`, async () => {
    for (let i = 0; i < MAX; i++) expect((await postRaw(psm.url, HEALTH, asUser('am-li'))).status).toBe(200);
    const before = await psm.logHead();
    const lead = {
      commandId: randomUUID(), title: 't', customer: 'c', contact: { name: 'n' }, need: 'n', channel: 'WEB',
      estimatedAmount: cny(1), region: 'EAST', productLine: 'ROBOT_CELL',
    };
    const refused = await postRaw(psm.url, JSON.stringify({ query: 'mutation($input: RegisterLeadInput!) { registerLead(input: $input) { stage } }', variables: { input: lead } }), asUser('am-li'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    expect(await psm.logHead()).toBe(before);
  });

  it('keeps other users’ budgets whole, and a new token for the same user does not reset it', async () => {
    expect((await postRaw(psm.url, HEALTH, asUser('pe-wang'))).status).toBe(200);
    expect((await postRaw(psm.url, HEALTH, asUser('am-li'))).status).toBe(429);
  });

  it('counts anonymous callers and bad tokens by address, apart from the users behind it', async () => {
    for (let i = 0; i < MAX; i++) expect((await postRaw(psm.url, HEALTH, i % 2 ? { authorization: 'Bearer forged' } : {})).status).toBe(200);
    const refused = await postRaw(psm.url, HEALTH);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].extensions.code).toBe('TOO_MANY_REQUESTS');
    expect((await postRaw(psm.url, HEALTH, asUser('sd-sun'))).status).toBe(200);
  });

  it('never limits the health and metrics probes', async () => {
    for (let i = 0; i < MAX * 2; i++) {
      expect((await fetch(`${psm.url}/health`)).status).toBe(200);
      expect((await fetch(`${psm.url}/metrics`)).status).toBe(200);
    }
  });

  it('limits plain HTTP routes too: 429 with the code', async () => {
    const headers = { authorization: `Bearer ${psm.tokenFor('mk-zhou', 'MARKETING')}` };
    for (let i = 0; i < MAX; i++) expect((await fetch(`${psm.url}/reports/monthly.csv?month=2026-10`, { headers })).status).toBe(200);
    const refused = await fetch(`${psm.url}/reports/monthly.csv?month=2026-10`, { headers });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe('rate limiting behind a reverse proxy (TRUST_PROXY)', () => {
  const exhaust = async (url: string, forwardedFor: string) => {
    const statuses: number[] = [];
    for (let i = 0; i <= MAX; i++) statuses.push((await postRaw(url, HEALTH, { 'x-forwarded-for': forwardedFor })).status);
    return statuses;
  };

  it('counts anonymous callers by the client address the trusted proxy forwards', async () => {
    const psm = await PsmApp.start({ RATE_LIMIT_MAX: String(MAX), TRUST_PROXY: '127.0.0.1' });
    try {
      expect((await exhaust(psm.url, '10.1.1.1')).at(-1)).toBe(429);
      expect((await postRaw(psm.url, HEALTH, { 'x-forwarded-for': '10.2.2.2' })).status).toBe(200);
    } finally {
      await psm.stop();
    }
  });

  it('ignores X-Forwarded-For from an untrusted peer: a client cannot pick a fresh address per request', async () => {
    const psm = await PsmApp.start({ RATE_LIMIT_MAX: String(MAX) });
    try {
      expect((await exhaust(psm.url, '10.1.1.1')).at(-1)).toBe(429);
      expect((await postRaw(psm.url, HEALTH, { 'x-forwarded-for': '10.2.2.2' })).status).toBe(429);
    } finally {
      await psm.stop();
    }
  });
});
