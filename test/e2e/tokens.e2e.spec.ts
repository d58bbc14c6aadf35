import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PsmApp } from '../support/psm-app.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const CLAIMS = { sub: 'am-li', name: '李明', roles: ['ACCOUNT_MANAGER'] };
type Key = Parameters<SignJWT['sign']>[0];

/** A token as an identity provider would issue it; every part can be spoiled by a test. */
function token(key: Key, { alg = 'HS256', kid, iss = 'psm', aud = 'psm', exp = '5m', claims = CLAIMS as JWTPayload } = {} as {
  alg?: string; kid?: string; iss?: string; aud?: string; exp?: string | number | null; claims?: JWTPayload;
}): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg, ...(kid ? { kid } : {}) }).setIssuer(iss).setAudience(aud).setIssuedAt();
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(key);
}

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hmac = (secret: string) => new TextEncoder().encode(secret);

/** The code PSM answers an authenticated query with: undefined when it was accepted. */
async function refusalOf(psm: PsmApp, bearer: string): Promise<string | undefined> {
  const { data, errors } = await psm.graphql('query($id: ID!) { project(id: $id) { stage } }', { id: '7b3e1f8a-0c4d-4e5f-9a6b-1c2d3e4f5a6b' }, bearer);
  if (!errors) expect(data).toEqual({ project: null });
  return errors?.[0].extensions.code;
}

describe('bearer tokens, HS256 (the embedded default with JWT_SECRET)', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start({ JWT_SECRET: SECRET })));
  afterAll(() => psm.stop());

  it('accepts a token signed with the secret, for the configured issuer and audience, not expired', async () => {
    expect(await refusalOf(psm, await token(hmac(SECRET)))).toBeUndefined();
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 3600 }],
    ['without an expiry', { exp: null }],
    ['for another issuer', { iss: 'someone-else' }],
    ['for another audience', { aud: 'another-service' }],
  ])('refuses a token %s → UNAUTHENTICATED', async (_, spoiled) => {
    expect(await refusalOf(psm, await token(hmac(SECRET), spoiled))).toBe('UNAUTHENTICATED');
  });

  it('refuses alg none, an unsigned token → UNAUTHENTICATED', async () => {
    const unsigned = `${segment({ alg: 'none', typ: 'JWT' })}.${segment({ ...CLAIMS, iss: 'psm', aud: 'psm', exp: Math.floor(Date.now() / 1000) + 300 })}.`;
    expect(await refusalOf(psm, unsigned)).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered token: claims changed after signing, or the signature altered → UNAUTHENTICATED', async () => {
    const [header, , signature] = (await token(hmac(SECRET))).split('.');
    const promoted = `${header}.${segment({ ...CLAIMS, roles: ['ADMIN'], iss: 'psm', aud: 'psm', exp: Math.floor(Date.now() / 1000) + 300 })}.${signature}`;
    expect(await refusalOf(psm, promoted)).toBe('UNAUTHENTICATED');
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect(await refusalOf(psm, `${(await token(hmac(SECRET))).split('.').slice(0, 2).join('.')}.${flipped}`)).toBe('UNAUTHENTICATED');
  });

  it('refuses algorithms other than HS256, even with the right secret → UNAUTHENTICATED', async () => {
    expect(await refusalOf(psm, await token(hmac(SECRET), { alg: 'HS512' }))).toBe('UNAUTHENTICATED');
    const { privateKey } = await generateKeyPair('RS256');
    expect(await refusalOf(psm, await token(privateKey, { alg: 'RS256' }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret → UNAUTHENTICATED', async () => {
    expect(await refusalOf(psm, await token(hmac(`${SECRET}-other`)))).toBe('UNAUTHENTICATED');
  });
});

describe('bearer tokens, RS256 with the identity provider’s public key (JWT_PUBLIC_KEY)', () => {
  let psm: PsmApp;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let pem: string;
  beforeAll(async () => {
    keys = await generateKeyPair('RS256', { extractable: true });
    pem = await exportSPKI(keys.publicKey);
    psm = await PsmApp.start({ JWT_PUBLIC_KEY: pem });
  });
  afterAll(() => psm.stop());

  it('accepts a token signed with the provider’s private key', async () => {
    expect(await refusalOf(psm, await token(keys.privateKey, { alg: 'RS256' }))).toBeUndefined();
  });

  it('refuses an HS256 token keyed with the public key itself (algorithm confusion) → UNAUTHENTICATED', async () => {
    expect(await refusalOf(psm, await token(hmac(pem)))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key, or expired → UNAUTHENTICATED', async () => {
    const other = await generateKeyPair('RS256');
    expect(await refusalOf(psm, await token(other.privateKey, { alg: 'RS256' }))).toBe('UNAUTHENTICATED');
    expect(await refusalOf(psm, await token(keys.privateKey, { alg: 'RS256', exp: Math.floor(Date.now() / 1000) - 60 }))).toBe('UNAUTHENTICATED');
  });
});

describe('bearer tokens, RS256 from the identity provider’s key set (JWT_JWKS_URL, a loopback server)', () => {
  let psm: PsmApp;
  let server: Server;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let fetches = 0;
  beforeAll(async () => {
    keys = await generateKeyPair('RS256', { extractable: true });
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' }] });
    server = createServer((request, response) => {
      fetches++;
      response.writeHead(request.url === '/jwks.json' ? 200 : 404, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    psm = await PsmApp.start({ JWT_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json` });
  });
  afterAll(async () => {
    await psm.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts tokens signed with a published key, fetching the key set once', async () => {
    expect(await refusalOf(psm, await token(keys.privateKey, { alg: 'RS256', kid: 'key-1' }))).toBeUndefined();
    expect(await refusalOf(psm, await token(keys.privateKey, { alg: 'RS256', kid: 'key-1', claims: { ...CLAIMS, sub: 'pe-wang' } }))).toBeUndefined();
    expect(fetches).toBe(1);
  });

  it('refuses a token whose key is not published, an expired one, a foreign issuer and alg none → UNAUTHENTICATED', async () => {
    const stranger = await generateKeyPair('RS256');
    expect(await refusalOf(psm, await token(stranger.privateKey, { alg: 'RS256', kid: 'key-2' }))).toBe('UNAUTHENTICATED');
    expect(await refusalOf(psm, await token(stranger.privateKey, { alg: 'RS256', kid: 'key-1' }))).toBe('UNAUTHENTICATED');
    expect(await refusalOf(psm, await token(keys.privateKey, { alg: 'RS256', kid: 'key-1', exp: Math.floor(Date.now() / 1000) - 60 }))).toBe('UNAUTHENTICATED');
    expect(await refusalOf(psm, await token(keys.privateKey, { alg: 'RS256', kid: 'key-1', iss: 'elsewhere' }))).toBe('UNAUTHENTICATED');
    const unsigned = `${segment({ alg: 'none', kid: 'key-1' })}.${segment({ ...CLAIMS, iss: 'psm', aud: 'psm', exp: Math.floor(Date.now() / 1000) + 300 })}.`;
    expect(await refusalOf(psm, unsigned)).toBe('UNAUTHENTICATED');
  });
});

describe('bearer tokens when the identity provider’s key set cannot be fetched', () => {
  let psm: PsmApp;
  beforeAll(async () => {
    // a loopback port that was just free: nothing answers there
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    psm = await PsmApp.start({ JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
  });
  afterAll(() => psm.stop());

  it('refuses the token → UNAUTHENTICATED, not an internal error', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect(await refusalOf(psm, await token(privateKey, { alg: 'RS256', kid: 'key-1' }))).toBe('UNAUTHENTICATED');
  });
});
