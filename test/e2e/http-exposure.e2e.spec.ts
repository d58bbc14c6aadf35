import { getIntrospectionQuery } from 'graphql';
import { PsmApp } from '../support/psm-app.js';
import { postRaw } from '../support/raw-http.js';

const ALLOWED_ORIGIN = 'https://psm.example.test';

/** The CSP directive's sources, e.g. `style-src` → ["'self'", "'unsafe-inline'"]. */
const sourcesOf = (csp: string, directive: string) =>
  csp.split(';').map((part) => part.trim().split(/\s+/)).find(([name]) => name === directive)?.slice(1) ?? [];

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

describe('development (the default): GraphiQL works behind the security headers', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start({ CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://other.example.test` })));
  afterAll(() => psm.stop());

  it('serves GraphiQL and every file its page loads from the service itself, under a CSP that names no other origin', async () => {
    const response = await fetch(`${psm.url}/graphiql`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).not.toMatch(/https?:\/\//);
    const files = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map(([, path]) => path);
    expect(files).toEqual(expect.arrayContaining(['/graphiql/graphiql.min.css', '/graphiql/react.production.min.js', '/graphiql/graphiql.min.js', '/graphiql/start.js']));
    for (const file of files) {
      const asset = await fetch(`${psm.url}${file}`);
      expect([file, asset.status, asset.headers.get('content-type')]).toEqual([file, 200, expect.stringMatching(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/)]);
      await asset.arrayBuffer();
    }
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of ['default-src', 'script-src', 'connect-src']) expect(sourcesOf(csp, directive)).toEqual(["'self'"]);
    expect(sourcesOf(csp, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(sourcesOf(csp, 'font-src')).toEqual(["'self'", 'data:']);
    expect(csp).not.toMatch(/https:|unpkg|cdn/);
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('suggests names in development, where introspection shows them anyway', async () => {
    const { body } = await postRaw(psm.url, JSON.stringify({ query: '{ projec { id } }' }));
    expect(body.errors![0].message).toMatch(/Did you mean "project"/);
  });

  it('answers GraphiQL’s introspection query within the default depth and complexity limits', async () => {
    const { status, body } = await postRaw(psm.url, JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }) }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50);
  });

  it('sets the security headers on API answers', async () => {
    const { headers } = await postRaw(psm.url, JSON.stringify({ query: '{ health { eventStore } }' }));
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('lets a configured origin call the API from a browser, and no other', async () => {
    const allowed = await preflight(psm.url, ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const other = await preflight(psm.url, 'https://evil.example.test');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('NODE_ENV=production: no GraphiQL, no introspection, strict CSP, no CORS unless configured', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' })));
  afterAll(() => psm.stop());

  it('does not serve GraphiQL, nor the files its page loads', async () => {
    for (const path of ['/graphiql', '/graphiql/start.js', '/graphiql/graphiql.min.js']) expect((await fetch(`${psm.url}${path}`)).status).toBe(404);
  });

  it('refuses introspection → GRAPHQL_VALIDATION_FAILED, while ordinary queries work', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }']) {
      const { body } = await postRaw(psm.url, JSON.stringify({ query }));
      expect(body.data ?? null).toBeNull();
      expect(body.errors![0]).toMatchObject({ message: expect.stringMatching(/introspection has been disabled/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    const { body } = await postRaw(psm.url, JSON.stringify({ query: '{ health { eventStore } }' }));
    expect(body.data).toEqual({ health: { eventStore: 'UP' } });
  });

  it('names no field, argument, type or value in its refusals: no “Did you mean …” (review finding 14)', async () => {
    const misspelt = ['{ projec { id } verifyProjec }', '{ pipelineBoard(asO: "2026-01-01T00:00:00Z") { stage } }', 'query($s: Stag) { health { eventStore } }', '{ projects(filter: { stag: LEAD }) { total } }'];
    for (const query of misspelt) {
      const { body } = await postRaw(psm.url, JSON.stringify({ query }));
      expect(body.errors!.length).toBeGreaterThan(0);
      for (const error of body.errors!) {
        expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(error.message).not.toMatch(/Did you mean|"project"|"projects"|"verifyProject"|"asOf"|"Stage"|"stage"/);
      }
    }
    const { body } = await postRaw(psm.url, JSON.stringify({ query: 'query($f: ProjectsFilterInput) { projects(filter: $f) { total } }', variables: { f: { stag: 'LEAD' } } }));
    expect(body.errors![0].message).not.toMatch(/Did you mean|"stage"/);
  });

  it('sends a CSP without CDN sources, upgrading insecure requests', async () => {
    const { headers } = await postRaw(psm.url, JSON.stringify({ query: '{ health { eventStore } }' }));
    const csp = headers.get('content-security-policy')!;
    for (const directive of ['default-src', 'script-src', 'connect-src']) expect(sourcesOf(csp, directive)).toEqual(["'self'"]);
    expect(csp).not.toMatch(/https:/);
    expect(csp).toContain('upgrade-insecure-requests');
  });

  it('answers no browser origin when CORS_ORIGINS is empty', async () => {
    expect((await preflight(psm.url, ALLOWED_ORIGIN)).headers.get('access-control-allow-origin')).toBeNull();
  });
});
