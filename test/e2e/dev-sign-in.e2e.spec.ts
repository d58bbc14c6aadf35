import { PsmApp } from '../support/psm-app.js';

const signIn = (url: string, body: unknown) => fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** The status of an answer whose body is read, so no connection stays open past the test. */
const statusOf = async (answer: Promise<Response>) => {
  const response = await answer;
  await response.arrayBuffer();
  return response.status;
};

describe('开发登录: development tokens over HTTP, on the embedded default', () => {
  let psm: PsmApp;
  beforeAll(async () => (psm = await PsmApp.start()));
  afterAll(() => psm.stop());

  it('tells the console it offers the development sign-in and no identity provider', async () => {
    expect(await (await fetch(`${psm.url}/console/config`)).json()).toEqual({ oidc: null, devSignIn: true });
  });

  it('lists the demo history’s people, with names and roles', async () => {
    const response = await fetch(`${psm.url}/dev/people`);
    expect(response.status).toBe(200);
    const { people } = (await response.json()) as { people: Array<{ userId: string; name: string; roles: string[] }> };
    expect(people).toContainEqual({ userId: 'sup-1', name: '马超', roles: ['SALES_SUPERVISOR'] });
  });

  it('signs a token the service accepts, naming the person and role asked for', async () => {
    const response = await signIn(psm.url, { userId: 'rv-1', name: '郭峰', roles: ['REVIEWER'] });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const { data, errors } = await psm.graphql('{ myWork { kind } }', {}, token);
    expect(errors).toBeUndefined();
    expect(data.myWork).toEqual([]);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'rv-1', name: '郭峰', roles: ['REVIEWER'], iss: 'psm', aud: 'psm' });
    expect(claims.exp - claims.iat).toBe(12 * 3600);
  });

  it('refuses what `npm run token` refuses: no user, no role, an unknown role, unknown fields', async () => {
    for (const body of [{ roles: ['REVIEWER'] }, { userId: 'rv-1', roles: [] }, { userId: 'rv-1', roles: ['KING'] }, { userId: 'rv 1', roles: ['REVIEWER'] }, { userId: 'rv-1', roles: ['REVIEWER'], bu: 'X' }]) {
      expect(await statusOf(signIn(psm.url, body))).toBe(400);
    }
  });
});

describe('no development sign-in outside the embedded default’s development secret', () => {
  const shapes: Array<[string, Record<string, string>]> = [
    ['NODE_ENV=production', { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' }],
    ['a configured JWT_SECRET, in development', { JWT_SECRET: 'a-configured-secret-of-at-least-32-characters' }],
  ];
  it.each(shapes)('%s: neither the people nor a token are served (404)', async (_name, env) => {
    const psm = await PsmApp.start(env);
    try {
      expect(await statusOf(fetch(`${psm.url}/dev/people`))).toBe(404);
      expect(await statusOf(signIn(psm.url, { userId: 'am-1', roles: ['ADMIN'] }))).toBe(404);
      expect(await (await fetch(`${psm.url}/console/config`)).json()).toMatchObject({ devSignIn: false });
    } finally {
      await psm.stop();
    }
  });
});
