import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OpenIdProvider, TEST_PERSON } from '../support/openid-provider.js';
import { PsmApp } from '../support/psm-app.js';
import { launchChromium } from './support/chromium.js';
import { consoleContext, expectOnlyItsOwnRequests, openConsole, screenshotOnFailure, seriousViolations, type ConsolePage } from './support/console-page.js';

const CLIENT_ID = 'psm-console';
const RESOURCE = 'urn:psm:api';
/** Two page loads at the provider and a token exchange, in Chromium beside the other suites on two cores. */
const TIMEOUT = 60_000;

let provider: OpenIdProvider;
let psm: PsmApp;
let browser: Browser;
let context: BrowserContext;
let tab: ConsolePage;
let page: Page;

beforeAll(async () => {
  provider = await OpenIdProvider.listen();
  [psm, browser] = await Promise.all([
    // production-shaped: no development secret, tokens only from the provider's keys, its issuer checked
    PsmApp.start({ NODE_ENV: 'production', OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_RESOURCE: RESOURCE, JWT_JWKS_URL: provider.jwksUrl, RATE_LIMIT_MAX: '100000' }),
    launchChromium(),
  ]);
  provider.serve({ clientId: CLIENT_ID, redirectUri: `${psm.url}/sign-in/callback`, resource: RESOURCE, audience: 'psm' });
  context = await consoleContext(browser, psm.url);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await psm?.stop();
  await provider?.stop();
});
beforeEach(async () => {
  tab = await openConsole(context, psm.url);
  page = tab.page;
});
afterEach(async () => {
  // only the provider besides the service itself (whose development login page asks for a web font: refused by consoleContext, never fetched), and the CSP refused nothing the sign-in needs
  expectOnlyItsOwnRequests(tab, [`${provider.issuer}/`, 'https://fonts.googleapis.com/']);
  await tab.close();
});

/** From the console's sign-in page to the provider: the authorization request the console sent. */
async function toTheProvider(): Promise<URL> {
  await page.goto('/my-work');
  await page.waitForURL('**/sign-in');
  const authorization = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/auth?`));
  await page.getByRole('button', { name: '通过公司身份提供方登录' }).click();
  return new URL((await authorization).url());
}

describe('production sign-in through OpenID Connect, against a real provider on loopback', () => {
  it('tells the console its provider, offers no development sign-in, and lets the page connect to the issuer and nowhere else', async () => {
    expect(await (await fetch(`${psm.url}/console/config`)).json()).toEqual({ oidc: { issuer: provider.issuer, clientId: CLIENT_ID, scope: 'openid profile', resource: RESOURCE }, devSignIn: false });
    const devPeople = await fetch(`${psm.url}/dev/people`);
    await devPeople.arrayBuffer();
    expect(devPeople.status).toBe(404);
    const signInPage = await fetch(`${psm.url}/sign-in`);
    await signInPage.arrayBuffer();
    const csp = signInPage.headers.get('content-security-policy')!;
    expect(csp.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('connect-src'))).toBe(`connect-src 'self' ${provider.issuer}`);
  });

  it('signs in at the provider with PKCE and comes back signed in as the person the token names, whose GraphQL calls are answered', () =>
    screenshotOnFailure(page, 'oidc-sign-in', async () => {
      await page.goto('/sign-in');
      await page.getByRole('button', { name: '通过公司身份提供方登录' }).waitFor();
      expect(await page.getByText('开发登录').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      const authorization = await toTheProvider();
      await page.locator('input[name=login]').fill(TEST_PERSON.sub);
      await page.locator('input[name=password]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      const myWork = page.waitForResponse((response) => response.url() === `${psm.url}/graphql` && /myWork/.test(response.request().postData() ?? ''));
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('heading', { level: 1, name: '我的待办' }).waitFor();
      await page.getByText(`${TEST_PERSON.name} · 客户经理`).waitFor();
      const answer = await myWork;
      expect(await answer.json()).toEqual({ data: { myWork: expect.any(Array) } });
      const claims = JSON.parse(Buffer.from(answer.request().headers().authorization.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ iss: provider.issuer, aud: 'psm', sub: TEST_PERSON.sub, roles: TEST_PERSON.roles, bu: TEST_PERSON.bu });
      // the authorization request the console sent: code flow, S256, state and nonce, for PSM's resource
      expect(Object.fromEntries(authorization.searchParams)).toMatchObject({ response_type: 'code', client_id: CLIENT_ID, code_challenge_method: 'S256', redirect_uri: `${psm.url}/sign-in/callback`, resource: RESOURCE });
      for (const parameter of ['code_challenge', 'state', 'nonce']) expect(authorization.searchParams.get(parameter)).toMatch(/^[\w-]{40,}$/);
    }), TIMEOUT);

  it('refuses a callback whose state is not the one this tab sent, with a clear message and no session', () =>
    screenshotOnFailure(page, 'oidc-forged-state', async () => {
      // the provider is not asked: a pending sign-in in this tab is all a forged callback could hope to meet
      await page.route(`${provider.issuer}/auth?**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>provider</title>' }));
      await toTheProvider();
      await page.goto(`/sign-in/callback?${new URLSearchParams({ code: 'a-code-from-elsewhere', state: 'forged-state', iss: provider.issuer })}`);
      await page.getByText('回调与本标签页发起的登录不符').waitFor();
      expect(await page.evaluate('sessionStorage.getItem("psm.token")')).toBeNull();
      // the pending sign-in is spent: the same callback again is refused too, and the console still asks for sign-in
      await page.goto('/my-work');
      await page.waitForURL('**/sign-in');
    }), TIMEOUT);
});
