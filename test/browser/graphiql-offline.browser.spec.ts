import type { Browser, BrowserContext } from 'playwright-core';
import { PsmApp } from '../support/psm-app.js';
import { launchChromium } from './support/chromium.js';
import { consoleContext, openConsole, screenshotOnFailure } from './support/console-page.js';

describe('GraphiQL offline, in Chromium: everything from the service itself', () => {
  let psm: PsmApp;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    [psm, browser] = await Promise.all([PsmApp.start(), launchChromium()]);
    context = await consoleContext(browser, psm.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await psm?.stop();
  });

  it('renders its editors and answers a query, having fetched nothing from another origin', async () => {
    const { page, foreignRequests, errors, close } = await openConsole(context, psm.url);
    await screenshotOnFailure(page, 'graphiql', async () => {
      // signed in to the console in this tab: GraphiQL starts with its token in the headers pane
      const { token } = (await (await fetch(`${psm.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'sup-1', roles: ['SALES_SUPERVISOR'] }) })).json()) as { token: string };
      await page.goto('/sign-in');
      await page.evaluate(`sessionStorage.setItem('psm.token', '${token}')`);
      await page.goto('/graphiql');
      await page.locator('.graphiql-container .graphiql-query-editor .CodeMirror').waitFor();
      await page.getByRole('button', { name: 'Headers' }).click();
      await page.locator('.graphiql-editor-tool').getByText('Bearer', { exact: false }).first().waitFor();
      expect(await page.locator('.graphiql-editor-tool').innerText()).toContain(`Bearer ${token.slice(0, 20)}`);
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.result-window').getByText('"UP"').first().waitFor();
      expect(await page.locator('.result-window').innerText()).toMatch(/"eventStore": "UP"[\s\S]*"readStore": "UP"/);
      expect(foreignRequests).toEqual([]);
      expect(errors).toEqual([]);
    });
    await close();
  }, 60_000);
});
