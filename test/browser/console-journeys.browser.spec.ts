import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cny, type PsmApp } from '../support/psm-app.js';
import { launchChromium } from './support/chromium.js';
import { consoleContext, expectOnlyItsOwnRequests, openConsole, screenshotOnFailure, seriousViolations, type ConsolePage } from './support/console-page.js';
import { seededService } from './support/seeded-service.js';

/** The open stages' names as the board shows them (schema.gql's descriptions of Stage). */
const STAGE_NAMES: Record<string, string> = {
  LEAD: '信息登记', QUALIFIED: '已筛选', PSM010_EXCHANGE: 'PSM010 现场交流', PSM020_SURVEY: 'PSM020 现场调研', PSM030_SOLUTION: 'PSM030 编制解决方案',
  PSM040_QUOTATION: 'PSM040 确定报价', PSM050_TENDER: 'PSM050 商务招投标', PSM060_NEGOTIATION: 'PSM060 商务谈判', PSM070_CONTRACT: 'PSM070 确定合同文本',
};
/** A page load or two in Chromium beside the other suites on two cores. */
const TIMEOUT = 60_000;
const yuan = (fen: number) => `¥${Math.round(fen / 100).toLocaleString('en-US')}`;

interface Column { stage: string; count: number; amount: number; weightedAmount: number; cards: Array<{ projectId: string; title: string; customer: string; ownerId: string; amount: { amount: number }; overdue: boolean }> }
const BOARD = 'query($asOf: DateTime, $filter: BoardFilterInput) { pipelineBoard(asOf: $asOf, filter: $filter, cardsPerColumn: 50) { stage count amount weightedAmount cards { projectId title customer ownerId amount { amount } overdue } } }';

let psm: PsmApp;
let browser: Browser;
let context: BrowserContext;
let tab: ConsolePage;
let page: Page;

beforeAll(async () => {
  [psm, browser] = await Promise.all([seededService(), launchChromium()]);
  context = await consoleContext(browser, psm.url);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await psm?.stop();
});
beforeEach(async () => {
  tab = await openConsole(context, psm.url);
  page = tab.page;
});
afterEach(async () => {
  // whatever a test did, nothing came from elsewhere and the CSP refused nothing the console needs
  expectOnlyItsOwnRequests(tab);
  await tab.close();
});

const board = async (userId: string, role: string, variables: Record<string, unknown> = {}): Promise<Column[]> =>
  (await psm.graphql(BOARD, variables, psm.tokenFor(userId, role as never))).data.pipelineBoard;

/** Signs in through the development sign-in, with the keyboard: the person typed into the picker. */
async function signIn(name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '登录' }).waitFor();
  await page.getByLabel('人员').focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '我的待办' }).waitFor();
}

/** A column's figures as the page shows them: 项目数, 金额, 加权金额. */
async function figures(stage: string): Promise<Record<string, string>> {
  const lines = (await page.getByRole('region', { name: STAGE_NAMES[stage] }).locator('dl').innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
  return Object.fromEntries(lines.flatMap((line, i) => (i % 2 === 0 ? [[line, lines[i + 1]]] : [])));
}

const expectedFigures = (column: Column) => ({ 项目数: String(column.count), 金额: yuan(column.amount), 加权金额: yuan(column.weightedAmount) });

describe('the web console in Chromium, on the demo history', () => {
  it('signs in with the development sign-in, marked as such, as a seeded person in their role', () =>
    screenshotOnFailure(page, 'dev-sign-in', async () => {
      await page.goto('/board');
      await page.waitForURL('**/sign-in');
      await page.getByText('开发登录', { exact: true }).waitFor();
      expect(await page.getByRole('alert').innerText()).toMatch(/生产环境不提供/);
      expect(await seriousViolations(page)).toEqual([]);
      // the browser asks for less motion (consoleContext): Ant Design's transitions are off
      expect(await page.evaluate("getComputedStyle(document.querySelector('button[type=submit]')).transitionDuration")).toBe('0s');
      await page.getByLabel('人员').focus();
      await page.keyboard.type('郭峰');
      await page.keyboard.press('Enter');
      expect(await page.getByLabel('角色').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').innerText()).toBe('评审委员');
      await page.getByRole('button', { name: '登录' }).click();
      // back where the sign-in was asked for, as 郭峰 the reviewer
      await page.getByRole('heading', { level: 1, name: '销售漏斗' }).waitFor();
      await page.getByText('郭峰 · 评审委员').waitFor();
    }), TIMEOUT);

  it('my work lists what waits for the reviewer, overdue first, each opening its project’s header', () =>
    screenshotOnFailure(page, 'my-work', async () => {
      const { data } = await psm.graphql('{ myWork { kind project { title stage overdue } } }', {}, psm.tokenFor('rv-1', 'REVIEWER'));
      const items: Array<{ kind: string; project: { title: string; stage: string; overdue: boolean } }> = data.myWork;
      expect(items.length).toBeGreaterThan(0);
      await signIn('郭峰');
      await page.getByText(`共 ${items.length} 项，逾期 ${items.filter((item) => item.project.overdue).length} 项`).waitFor();
      const rows = page.locator('.ant-table-tbody tr');
      expect(await rows.count()).toBe(items.length);
      const shown = await rows.allInnerTexts();
      for (const item of items) expect(shown.some((row) => row.includes(item.project.title) && row.includes('评审'))).toBe(true);
      const overdueRows = shown.map((row) => row.includes('逾期'));
      expect(overdueRows).toEqual([...overdueRows].sort((a, b) => Number(b) - Number(a)));
      expect(await seriousViolations(page)).toEqual([]);

      const first = items.find((item) => shown[0].includes(item.project.title))!;
      await page.getByRole('link', { name: first.project.title }).first().click();
      await page.getByRole('heading', { level: 1, name: first.project.title }).waitFor();
      await page.getByText(STAGE_NAMES[first.project.stage] ?? first.project.stage).first().waitFor();
      expect(await page.locator('.ant-descriptions').first().innerText()).toMatch(/预估金额\s+¥[\d,]+/);
      expect(await seriousViolations(page)).toEqual([]);
    }), TIMEOUT);

  it('the board shows every stage’s count, amount and weighted amount in yuan, and the cards with their flags', () =>
    screenshotOnFailure(page, 'board', async () => {
      const columns = await board('sup-1', 'SALES_SUPERVISOR');
      await signIn('马超');
      await page.getByRole('link', { name: '销售漏斗' }).click();
      await page.getByRole('region', { name: STAGE_NAMES.LEAD }).waitFor();
      for (const column of columns) expect(await figures(column.stage)).toEqual(expectedFigures(column));
      const card = columns.flatMap((column) => column.cards).find((c) => c.overdue) ?? columns.flatMap((column) => column.cards)[0];
      const shown = await page.getByRole('listitem', { name: card.title }).innerText();
      for (const text of [card.customer, card.ownerId, yuan(card.amount.amount), '本阶段']) expect(shown).toContain(text);
      expect(shown.includes('逾期')).toBe(card.overdue);
      expect(await page.getByRole('listitem').filter({ hasText: '逾期' }).count()).toBe(columns.flatMap((column) => column.cards).filter((c) => c.overdue).length);
      expect(await seriousViolations(page)).toEqual([]);
      if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(import.meta.dirname, '../../docs/console-board.png') });

      // a filter narrows every column to what the server answers for it
      const filtered = await board('sup-1', 'SALES_SUPERVISOR', { filter: { region: 'EAST' } });
      await page.getByLabel('区域').focus();
      await page.keyboard.type('EAST');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/board?region=EAST');
      for (const column of filtered) {
        await page.getByRole('region', { name: STAGE_NAMES[column.stage] }).getByText(yuan(column.amount), { exact: true }).first().waitFor();
        expect(await figures(column.stage)).toEqual(expectedFigures(column));
      }

      // English is one click away
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Pipeline board' }).waitFor();
      await page.getByRole('region', { name: 'Lead' }).getByText('Weighted').waitFor();
      await page.getByRole('button', { name: '中文' }).click();
    }), TIMEOUT);

  it('the board is walked with the arrow keys, and Enter opens the focused card’s project', () =>
    screenshotOnFailure(page, 'board-keys', async () => {
      const stages = (await board('sup-1', 'SALES_SUPERVISOR')).map((column) => column.cards).filter((cards) => cards.length > 0);
      expect(stages.length).toBeGreaterThanOrEqual(2);
      await signIn('马超');
      await page.goto('/board');
      await page.getByRole('group', { name: '销售漏斗' }).focus();
      // into the first card; right to the next stage with cards; down one (or its last card)
      for (const key of ['ArrowDown', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
      const target = stages[1][Math.min(1, stages[1].length - 1)];
      expect(await page.evaluate('document.activeElement.textContent')).toBe(target.title);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/projects/${target.projectId}`);
      await page.getByRole('heading', { level: 1, name: target.title }).waitFor();
    }), TIMEOUT);

  it('the board updates live when another user registers a lead through GraphQL', () =>
    screenshotOnFailure(page, 'board-live', async () => {
      await signIn('马超');
      await page.goto('/board');
      await page.getByText('实时更新', { exact: true }).waitFor();
      const before = await figures('LEAD');
      const title = `现场登记线索 ${randomUUID().slice(0, 8)}`;
      const registered = await psm.as('am-3', 'ACCOUNT_MANAGER').do('registerLead', {
        title, customer: '杭州实时机械', contact: { name: '钱工' }, need: 'a welding cell', channel: 'WEB',
        estimatedAmount: cny(9_000_000), region: 'EAST', productLine: 'ROBOT_CELL',
      });
      expect(registered.errors).toBeUndefined();
      const card = page.getByRole('region', { name: STAGE_NAMES.LEAD }).getByRole('listitem', { name: title });
      await card.waitFor();
      expect(await card.innerText()).toContain('杭州实时机械');
      expect(await card.innerText()).toContain('¥9,000,000');
      expect((await figures('LEAD')).项目数).toBe(String(Number(before.项目数) + 1));
    }), TIMEOUT);

  it('the board as of a past instant, picked in Beijing time, is the board the server replays for it', () =>
    screenshotOnFailure(page, 'board-as-of', async () => {
      const asOf = '2026-05-01T04:00:00.000Z'; // 2026-05-01 12:00 in Asia/Shanghai
      const columns = await board('sup-1', 'SALES_SUPERVISOR', { asOf });
      await signIn('马超');
      await page.goto('/board');
      await page.getByText('实时更新', { exact: true }).waitFor();
      await page.getByLabel('历史时点（北京时间）').focus();
      await page.keyboard.type('2026-05-01 12:00');
      await page.keyboard.press('Enter');
      await page.getByText('正在查看 2026-05-01 12:00（北京时间）时的看板').waitFor();
      expect(page.url()).toContain(`asOf=${encodeURIComponent(asOf)}`);
      for (const column of columns) {
        await page.getByRole('region', { name: STAGE_NAMES[column.stage] }).getByText(yuan(column.amount), { exact: true }).first().waitFor();
        expect(await figures(column.stage)).toEqual(expectedFigures(column));
      }
      expect(await page.getByText('实时更新', { exact: true }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    }), TIMEOUT);
});
