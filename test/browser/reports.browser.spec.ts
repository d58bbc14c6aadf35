import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { cny, type PsmApp } from '../support/psm-app.js';
import { launchChromium } from './support/chromium.js';
import { consoleContext, expectOnlyItsOwnRequests, openConsole, screenshotOnFailure, seriousViolations, type ConsolePage } from './support/console-page.js';
import { seededService } from './support/seeded-service.js';

/** A page load or two in Chromium beside the other suites on two cores; a report as of an instant replays the log. */
const TIMEOUT = 60_000;
/** 40 projects over the 8 months before 2026-11-01 (DEMO's end): enough for every figure, quicker to seed than the journeys' 100. */
const HISTORY = { projects: 40, months: 8 };
/** A month and a quarter of that history. */
const MONTH = '2026-08';
const QUARTER = '2026-Q3';
const yuan = (fen: number) => `¥${Math.round(fen / 100).toLocaleString('en-US')}`;
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const signed = (value: number, format: (value: number) => string) => (value > 0 ? `+${format(value)}` : value < 0 ? `-${format(-value)}` : format(0));

type KeyCount = { key: string; count: number };
interface StatisticsRow {
  value: string; leads: number; leadsByChannel: KeyCount[]; approvals: number; solutionsSubmitted: number; firstPassRate: number | null;
  quotations: number; quotationAmount: number; bidsWon: number; contractsSigned: number; contractAmount: number; losses: number;
  lossesByReason: KeyCount[]; overdueSteps: number; overdueByKind: KeyCount[]; overdueByPerson: KeyCount[];
}
const MONTHLY = `query($month: String!, $groupBy: GroupBy!, $asOf: DateTime) { monthlyStatistics(month: $month, groupBy: $groupBy, asOf: $asOf) { rows {
  value leads leadsByChannel { key count } approvals solutionsSubmitted firstPassRate quotations quotationAmount bidsWon contractsSigned contractAmount
  losses lossesByReason { key count } overdueSteps overdueByKind { key count } overdueByPerson { key count } } } }`;

let psm: PsmApp;
let browser: Browser;
let context: BrowserContext;
let tab: ConsolePage;
let page: Page;
let director: string;

beforeAll(async () => {
  [psm, browser] = await Promise.all([seededService(HISTORY), launchChromium()]);
  context = await consoleContext(browser, psm.url);
  director = psm.tokenFor('dir-1', 'SALES_DIRECTOR');
  await registerLead(); // this month's report has a row before the as-of test's instant, most likely
  // one tab signed in once: its session lasts while the tests move between the reports
  tab = await openConsole(context, psm.url);
  page = tab.page;
  await signInAsDirector();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await psm?.stop();
});
afterEach(() => {
  expectOnlyItsOwnRequests(tab);
});

const monthly = async (groupBy: string, asOf?: string, month = MONTH): Promise<StatisticsRow[]> => {
  const { data, errors } = await psm.graphql(MONTHLY, { month, groupBy, asOf }, director);
  expect(errors).toBeUndefined();
  return data.monthlyStatistics.rows;
};

async function registerLead(): Promise<void> {
  const registered = await psm.as('am-3', 'ACCOUNT_MANAGER').do('registerLead', {
    title: `报表测试线索 ${Date.now()}`, customer: '杭州报表机械', contact: { name: '钱工' }, need: 'a welding cell', channel: 'WEB',
    estimatedAmount: cny(9_000_000), region: 'EAST', productLine: 'ROBOT_CELL',
  });
  expect(registered.errors).toBeUndefined();
  await psm.caughtUp();
}

/** Signs in through the development sign-in as 朱红, the sales director: a unit role, who reads reports. */
async function signInAsDirector(): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '登录' }).waitFor();
  await page.getByLabel('人员').focus();
  await page.keyboard.type('朱红');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '我的待办' }).waitFor();
}

/** A table's rows as header → cell text, once it has stopped loading. */
async function tableOf(region: Locator): Promise<Array<Record<string, string>>> {
  await region.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  const headers = await region.locator('thead th').allInnerTexts();
  const rows = await region.locator('tbody tr.ant-table-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  return rows.map((cells) => Object.fromEntries(headers.map((header, i) => [header.trim(), cells[i]])));
}

/** Waits (5 s at most) until a table's first cells are `firsts`: the page has drawn the new answer. */
/** The page's monthlyStatistics answer for the variables named: until it is in, the table may still show the figures asked for before. */
const statisticsAnswered = (variables: string) =>
  page.waitForResponse((response) => /\/graphql$/.test(response.url()) && /query MonthlyStatistics\b/.test(response.request().postData() ?? '') && (response.request().postData() ?? '').includes(variables));

async function tableShowing(region: Locator, firsts: string[]): Promise<Array<Record<string, string>>> {
  for (let attempt = 0; ; attempt++) {
    // the figures of the month asked for, not the last month's kept on screen while they load
    const rows = (await region.getAttribute('aria-busy')) === 'false' ? await tableOf(region) : [];
    if (JSON.stringify(rows.map((row) => Object.values(row)[0])) === JSON.stringify(firsts) || attempt > 50) return rows;
    await page.waitForTimeout(100);
  }
}

const counts = (cell: string) => [...cell.matchAll(/ (\d+)(?=、|$)/g)].map((match) => Number(match[1]));
const groupName = (value: string) => (value === '*' ? '全部门' : value);

/** The row as the page must show it: every count, amount and rate; keyed lists by their counts in rank order (and by person, by name). */
function expectRowShown(shown: Record<string, string>, row: StatisticsRow): void {
  expect(shown).toMatchObject({
    维度: groupName(row.value), 信息登记: String(row.leads), 立项: String(row.approvals), 提交方案: String(row.solutionsSubmitted), 一次通过率: percent(row.firstPassRate),
    报价数: String(row.quotations), 报价金额: yuan(row.quotationAmount), 中标: String(row.bidsWon), 签约: String(row.contractsSigned), 签约金额: yuan(row.contractAmount),
    丢单: String(row.losses), 逾期步骤: String(row.overdueSteps), 逾期按人员: row.overdueByPerson.map(({ key, count }) => `${key} ${count}`).join('、'),
  });
  expect(counts(shown.按渠道)).toEqual(row.leadsByChannel.map((c) => c.count));
  expect(counts(shown.丢单原因)).toEqual(row.lossesByReason.map((c) => c.count));
  expect(counts(shown.逾期按时限)).toEqual(row.overdueByKind.map((c) => c.count));
}

describe('the reports in Chromium, on the demo history', () => {
  it('the monthly statistics show the server’s figures by group, with charts, the trend and the CSV it serves', () =>
    screenshotOnFailure(page, 'reports-monthly', async () => {
      const [all, byRegion] = await Promise.all([monthly('ALL'), monthly('REGION')]);
      // a month with losses and overdue steps, so that every column is put to the test
      expect(all.length).toBe(1);
      expect(all[0].lossesByReason.length * all[0].overdueByKind.length * all[0].leadsByChannel.length).toBeGreaterThan(0);
      await page.getByRole('menuitem', { name: '报表' }).click();
      await page.getByRole('link', { name: '统计月报' }).click();
      await page.getByRole('heading', { level: 1, name: '每月信息统计表' }).waitFor();
      await page.getByLabel('月份').click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(MONTH);
      const answered = statisticsAnswered(`"month":"${MONTH}"`);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`month=${MONTH}`));
      await answered;
      // the month picker's panel closes (axe reads the page at rest below)
      await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'detached' });
      const figures = page.getByRole('region', { name: '统计数据' });
      const [total] = await tableShowing(figures, ['全部门']);
      expectRowShown(total, all[0]);

      // the funnel is drawn, named by its numbers, which the table beside it shows too
      const funnel = page.getByRole('region', { name: `${MONTH} 销售漏斗` });
      const chart = funnel.getByRole('img', { name: new RegExp(`^${MONTH} 销售漏斗：信息登记 ${all[0].leads}，立项 ${all[0].approvals}，提交方案 ${all[0].solutionsSubmitted}，报价数 ${all[0].quotations}，签约 ${all[0].contractsSigned}$`) });
      await chart.locator('canvas').first().waitFor();
      expect((await tableOf(funnel)).map((row) => row.数量)).toEqual([all[0].leads, all[0].approvals, all[0].solutionsSubmitted, all[0].quotations, all[0].contractsSigned].map(String));
      const reasons = await tableOf(page.getByRole('region', { name: `${MONTH} 丢单原因` }));
      expect(reasons.map((row) => Number(row.数量))).toEqual(all[0].lossesByReason.map((c) => c.count));
      await page.getByRole('region', { name: '近 6 个月趋势' }).getByRole('img', { name: /^近 6 个月趋势：信息登记 / }).locator('canvas').first().waitFor();
      const trend = await tableOf(page.getByRole('region', { name: '近 6 个月趋势' }));
      const earlier = trend.map((row) => row.月份);
      expect(earlier).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', MONTH]);
      const leads = await Promise.all(earlier.map(async (month) => (await psm.graphql('query($m: String!) { monthlyStatistics(month: $m) { rows { leads } } }', { m: month }, director)).data.monthlyStatistics.rows[0]?.leads ?? 0));
      expect(trend.map((row) => Number(row.信息登记))).toEqual(leads);
      expect(await seriousViolations(page)).toEqual([]);

      // grouped by region, one row per region, as the server groups them
      await page.getByLabel('分组').focus();
      await page.keyboard.type('区域');
      await page.keyboard.press('Enter');
      await page.waitForURL(/groupBy=REGION/);
      const regions = await tableShowing(figures, byRegion.map((row) => row.value));
      expect(regions.length).toBe(byRegion.length);
      byRegion.forEach((row, i) => expectRowShown(regions[i], row));

      // the CSV saved is the one the server serves for the same month and grouping
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
      const served = await fetch(`${psm.url}/reports/monthly.csv?month=${MONTH}&groupBy=region`, { headers: { authorization: `Bearer ${director}` } });
      expect(download.suggestedFilename()).toBe(`monthly-${MONTH}-region.csv`);
      expect(await readFile((await download.path())!)).toEqual(Buffer.from(await served.arrayBuffer()));
    }), TIMEOUT);

  it('the monthly statistics as of an instant picked in Beijing time are those the server replays for it', () =>
    screenshotOnFailure(page, 'reports-monthly-as-of', async () => {
      // the picker picks minutes: this one, after which a lead is registered, so the live report is another
      const instant = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      const wallClock = new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      const thisMonth = wallClock.slice(0, 7);
      await registerLead();
      const then = await monthly('ALL', instant.toISOString(), thisMonth);
      expect(then).not.toEqual(await monthly('ALL', undefined, thisMonth));
      await page.getByRole('link', { name: '统计月报' }).click();
      await page.waitForURL(/\/reports\/monthly$/);
      // the page drawn for the address (this month, the whole department), not the last one's still on screen
      for (let tries = 0; (await page.getByLabel('月份').inputValue()) !== thisMonth; tries++) {
        if (tries > 200) throw new Error(`the month picker still shows ${await page.getByLabel('月份').inputValue()}`);
        await page.waitForTimeout(50);
      }
      await page.getByLabel('历史时点（北京时间）').focus();
      await page.keyboard.type(wallClock);
      const answered = statisticsAnswered(`"asOf":"${instant.toISOString()}"`);
      await page.keyboard.press('Enter');
      await page.getByText(`正在查看 ${wallClock}（北京时间）时的报表`).waitFor();
      await answered;
      await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'detached' });
      expect(page.url()).toContain(`asOf=${encodeURIComponent(instant.toISOString())}`);
      const shown = await tableShowing(page.getByRole('region', { name: '统计数据' }), then.map((row) => groupName(row.value)));
      expect(shown.length).toBe(then.length);
      then.forEach((row, i) => expectRowShown(shown[i], row));
      expect(await seriousViolations(page)).toEqual([]);
      // the CSV saved is the server's for that instant too
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
      const served = await fetch(`${psm.url}/reports/monthly.csv?month=${thisMonth}&groupBy=all&asOf=${encodeURIComponent(instant.toISOString())}`, { headers: { authorization: `Bearer ${director}` } });
      const saved = await readFile((await download.path())!);
      expect(saved).toEqual(Buffer.from(await served.arrayBuffer()));
      const live = await fetch(`${psm.url}/reports/monthly.csv?month=${thisMonth}&groupBy=all`, { headers: { authorization: `Bearer ${director}` } });
      expect(saved).not.toEqual(Buffer.from(await live.arrayBuffer()));
      expect(download.suggestedFilename()).toBe(`monthly-${thisMonth}-all-asof-${instant.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z.csv`);
    }), TIMEOUT);

  it('the quarterly analysis compares the quarter as the server does, with loss reasons and win/loss by region', () =>
    screenshotOnFailure(page, 'reports-quarterly', async () => {
      const { data } = await psm.graphql(`query($q: String!) { quarterlyAnalysis(quarter: $q) { previousQuarter sameQuarterLastYear
        againstPreviousQuarter { figure current other change changeRate } againstSameQuarterLastYear { figure other change changeRate } topLossReasons { key count } }
        winLossAnalysis(from: "2026-07", to: "2026-09", groupBy: REGION) { key closed won lost winRate amountWon } }`, { q: QUARTER }, director);
      const analysis = data.quarterlyAnalysis;
      expect(analysis.topLossReasons.length).toBeGreaterThan(0);
      await page.goto(`/reports/quarterly?quarter=${QUARTER}`);
      await page.getByRole('heading', { level: 1, name: '季度信息分析报告' }).waitFor();
      const comparison = page.getByRole('region', { name: '与上季度、去年同期对比' });
      await comparison.getByRole('img', { name: /^与上季度、去年同期对比：信息登记/ }).locator('canvas').first().waitFor();
      const shown = await tableOf(comparison);
      expect(shown.length).toBe(analysis.againstPreviousQuarter.length);
      analysis.againstPreviousQuarter.forEach((previous: { figure: string; current: number; other: number; change: number; changeRate: number | null }, i: number) => {
        const lastYear = analysis.againstSameQuarterLastYear[i];
        const format = /Amount$/.test(previous.figure) ? yuan : String;
        expect(shown[i]).toMatchObject({
          [`本季度 ${QUARTER}`]: format(previous.current),
          [`上季度 ${analysis.previousQuarter}`]: format(previous.other),
          环比: `${signed(previous.change, format)} (${percent(previous.changeRate)})`,
          [`去年同期 ${analysis.sameQuarterLastYear}`]: format(lastYear.other),
          同比: `${signed(lastYear.change, format)} (${percent(lastYear.changeRate)})`,
        });
      });
      const reasons = await tableOf(page.getByRole('region', { name: '主要丢单原因' }));
      expect(reasons.map((row) => Number(row.数量))).toEqual(analysis.topLossReasons.map((c: { count: number }) => c.count));
      const winLoss = await tableOf(page.getByRole('region', { name: '成败分析 · 区域' }));
      expect(winLoss.map((row) => [row.分组, row.结案, row.赢单, row.丢单, row.赢单率, row.赢单金额])).toEqual(
        data.winLossAnalysis.map((group: { key: string; closed: number; won: number; lost: number; winRate: number | null; amountWon: number }) =>
          [group.key, String(group.closed), String(group.won), String(group.lost), percent(group.winRate), yuan(group.amountWon)]),
      );
      expect(await seriousViolations(page)).toEqual([]);

      // in English, the charts are named in English too
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Quarterly analysis' }).waitFor();
      const [leads] = analysis.againstPreviousQuarter;
      const quarters = `${analysis.sameQuarterLastYear}/${analysis.previousQuarter}/${QUARTER}`;
      const counts = `${analysis.againstSameQuarterLastYear[0].other}/${leads.other}/${leads.current}`;
      await page.getByRole('img', { name: new RegExp(`^Against the previous quarter and a year before: Leads ${quarters}: ${counts}，`) }).waitFor();
      await page.getByRole('button', { name: '中文' }).click();
    }), TIMEOUT);
  it('the month’s report is a document: submitted by the supervisor, the director acknowledges it on the screen, its restatement beside it', () =>
    screenshotOnFailure(page, 'reports-monthly-document', async () => {
      const supervisor = psm.tokenFor('sup-1', 'SALES_SUPERVISOR');
      for (const [mutation, input] of [['prepareMonthlyReport', { month: MONTH, analysis: '八月展会信息较多' }], ['submitMonthlyReport', { month: MONTH }]] as const) {
        const name = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
        const { errors } = await psm.graphql(`mutation($input: ${name}!) { ${mutation}(input: $input) { revision } }`, { input: { commandId: crypto.randomUUID(), ...input } }, supervisor);
        expect(errors).toBeUndefined();
      }
      await psm.caughtUp();
      await page.goto(`/reports/monthly?month=${MONTH}`);
      const document = page.getByRole('region', { name: '月报文档' });
      await document.getByText('已报送', { exact: true }).waitFor();
      await document.getByText('八月展会信息较多').waitFor();
      await document.getByRole('button', { name: '签收' }).click();
      await document.getByText('已签收', { exact: true }).waitFor();
      await document.getByText('当前数字与冻结时一致').waitFor();
      const { data } = await psm.graphql(`{ monthlyReport(month: "${MONTH}") { status history { kind by } } }`, {}, director);
      expect(data.monthlyReport).toMatchObject({ status: 'ACKNOWLEDGED', history: [{ kind: 'PREPARED' }, { kind: 'SUBMITTED' }, { kind: 'ACKNOWLEDGED', by: 'dir-1' }] });
      expect(await seriousViolations(page)).toEqual([]);
    }), TIMEOUT);

  it('售前考核 lists each pre-sales person\'s month as the server counts it, and opens a figure to its events', () =>
    screenshotOnFailure(page, 'reports-kpis', async () => {
      const { data, errors } = await psm.graphql(`query($month: String!) { presalesKpisOfMonth(month: $month) { person demos } }`, { month: MONTH }, director);
      expect(errors).toBeUndefined();
      const people: Array<{ person: string; demos: number }> = data.presalesKpisOfMonth;
      const presenter = people.find((row) => row.demos > 0)!;
      expect(presenter).toBeDefined();
      await page.goto(`/reports/kpis?month=${MONTH}`);
      await page.getByRole('heading', { level: 1, name: '售前考核（月度）' }).waitFor();
      const table = page.locator('.ant-table').first();
      // the month's answer drawn: a row for every person the server counts (before it comes in, the table is empty)
      for (const { person } of people) await table.locator('tr.ant-table-row', { hasText: person }).first().waitFor();
      const rows = await tableOf(table);
      expect(rows.map((row) => [row.售前人员, row.演示])).toEqual(people.map((row) => [row.person, String(row.demos)]));
      await page.locator('tr', { hasText: presenter.person }).getByRole('button', { name: String(presenter.demos), exact: true }).click();
      const drawer = page.getByRole('dialog', { name: `${presenter.person} · 演示 的事件` });
      await drawer.waitFor();
      expect((await tableOf(drawer)).map((row) => row.事件)).toEqual(Array(presenter.demos).fill('DemoHeld'));
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    }), TIMEOUT);
});
