import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { PsmApp } from '../support/psm-app.js';

/** web/dist/index.html as `npm run build` left it: the page the service must serve at / and the console's routes. */
const page = readFileSync(new URL('../../web/dist/index.html', import.meta.url), 'utf8');

describe('the web console, served by the API process', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start()));
  afterAll(() => psm.stop());

  it('answers / and every console route with the built page, revalidated, under the CSP', async () => {
    for (const path of ['/', '/sign-in', '/my-work', '/board', '/projects/0b6f7c3e-7d3c-4b8e-9f3e-5a8d2c1b0a01']) {
      const response = await fetch(`${psm.url}${path}`);
      expect([path, response.status, await response.text()]).toEqual([path, 200, page]);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    }
  });

  it('serves the page’s hashed scripts and styles from itself, cached for good, and nothing from another origin', async () => {
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(([, path]) => path);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const response = await fetch(`${psm.url}${asset}`);
      expect([asset, response.status, (await response.arrayBuffer()).byteLength > 0]).toEqual([asset, 200, true]);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('sends the console’s files compressed as the browser accepts (brotli, else gzip), and the API’s answers as they are', async () => {
    const [asset] = [...page.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map(([, path]) => path);
    const built = readFileSync(new URL(`../../web/dist${asset}`, import.meta.url));
    for (const [accepted, encoding, decode] of [['br, gzip', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]] as const) {
      const response = await request(`${psm.url}${asset}`, { headers: { 'accept-encoding': accepted } });
      expect([accepted, response.statusCode, response.headers['content-encoding']]).toEqual([accepted, 200, encoding]);
      const body = Buffer.from(await response.body.arrayBuffer());
      expect(body.length).toBeLessThan(built.length / 2);
      expect(decode(body).equals(built)).toBe(true);
    }
    const api = await request(`${psm.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ query: '{ health { eventStore } }' }),
    });
    expect(api.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(await api.body.text()).data.health.eventStore).toBeDefined();
  });

  it('leaves every other path to the API: unknown paths are 404, the archive is still the API’s', async () => {
    const status = async (path: string) => {
      const response = await fetch(`${psm.url}${path}`);
      await response.arrayBuffer();
      return response.status;
    };
    expect(await status('/no-such-page')).toBe(404);
    expect(await status('/assets/no-such-file.js')).toBe(404);
    expect(await status('/projects/0b6f7c3e-7d3c-4b8e-9f3e-5a8d2c1b0a01/archive')).toBe(401);
  });
});

describe('the console’s files and the rate limit', () => {
  it('a page load’s dozens of static files are not counted against its address’s anonymous budget', async () => {
    const psm = await PsmApp.start({ RATE_LIMIT_MAX: '2' });
    try {
      const [asset] = [...page.matchAll(/src="(\/assets\/[^"]+)"/g)].map(([, path]) => path);
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${psm.url}${asset}`);
        await response.arrayBuffer();
        expect(response.status).toBe(200);
      }
      const counted = [];
      for (let i = 0; i < 3; i++) counted.push((await fetch(`${psm.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ health { eventStore } }"}' })).status);
      expect(counted).toEqual([200, 200, 429]);
    } finally {
      await psm.stop();
    }
  });
});
