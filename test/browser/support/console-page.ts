import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAILURES = join(import.meta.dirname, '..', 'failures');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface ConsolePage {
  page: Page;
  /** Every URL the page requested that is not the service's own (nothing may come from a CDN). */
  foreignRequests: string[];
  /** Console errors the page logged: CSP refusals, failed loads, React errors. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * One context for a test file: with @sparticuz/chromium's --single-process, closing a context (or its
 * last page) ends the browser, so a blank page stays open while tests open and close theirs.
 */
export async function consoleContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  // as a user who asked their system for less motion: the console then animates nothing (and the tests wait for no animation)
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN', baseURL: baseUrl, reducedMotion: 'reduce' });
  // tests talk to loopback only: whatever a page asks of anywhere else is refused before it leaves (and recorded by openConsole)
  await context.route((url) => !LOOPBACK.has(url.hostname) && /^(https?|wss?):$/.test(url.protocol), (route) => route.abort('blockedbyclient'));
  await context.newPage();
  return context;
}

/** A fresh tab (its own session storage, so signed out) on the service, with what it fetched and what went wrong recorded. */
export async function openConsole(context: BrowserContext, baseUrl: string): Promise<ConsolePage> {
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith(`${origin.replace(/^http/, 'ws')}/`) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
  });
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, foreignRequests, errors, close: () => page.close() };
}

/**
 * What every browser test holds after it, whatever it did: nothing was asked of another origin (but those
 * `allowed`, e.g. a test's identity provider) and the CSP refused nothing the console needs.
 */
export function expectOnlyItsOwnRequests(tab: ConsolePage, allowed: string[] = []): void {
  expect(tab.foreignRequests.filter((url) => !allowed.some((prefix) => url.startsWith(prefix)))).toEqual([]);
  expect(tab.errors.filter((error) => /Content Security Policy|Refused to/.test(error))).toEqual([]);
}

/** axe-core's serious and critical violations on the page as it stands, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated, not a <script>: the page's CSP allows no inline script, and must not be loosened for a test
  await page.evaluate(AXE_SOURCE);
  // runs in the page: its globals are the browser's, not this (Node) file's
  const { violations } = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  };
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Runs a browser test; when it fails, the page as it was goes to test/browser/failures/<name>.png. */
export async function screenshotOnFailure(page: Page, name: string, test: () => Promise<void>): Promise<void> {
  try {
    await test();
  } catch (error) {
    mkdirSync(FAILURES, { recursive: true });
    await page.screenshot({ path: join(FAILURES, `${name.replace(/[^\w-]+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}
