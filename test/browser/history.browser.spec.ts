import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO, seed } from '../support/demo-world.js';
import { PsmApp } from '../support/psm-app.js';
import { launchChromium } from './support/chromium.js';
import { consoleContext, expectOnlyItsOwnRequests, openConsole, screenshotOnFailure, seriousViolations, type ConsolePage } from './support/console-page.js';

/** The stages' names as schema.gql describes them. */
const STAGE_NAMES: Record<string, string> = {
  LEAD: '信息登记', QUALIFIED: '已筛选', PSM010_EXCHANGE: 'PSM010 现场交流', PSM020_SURVEY: 'PSM020 现场调研', PSM030_SOLUTION: 'PSM030 编制解决方案',
  PSM040_QUOTATION: 'PSM040 确定报价', PSM050_TENDER: 'PSM050 商务招投标', PSM060_NEGOTIATION: 'PSM060 商务谈判', PSM070_CONTRACT: 'PSM070 确定合同文本',
  WON: 'PSM080 签订合同（赢单）', LOST: '丢单', TERMINATED: '终止', CLOSED: '关闭',
};
/** projectDiff's fields (FieldChangeView.field) as the console names them. */
const FIELD_NAMES: Record<string, string> = {
  stage: '阶段', 'amounts.estimated': '预估金额', 'amounts.quotation': '报价金额', 'amounts.contract': '合同金额', 'amounts.signed': '签约金额',
  documents: '文档', 'approvals.solution': '解决方案评审', 'approvals.technicalAgreement': '技术协议评审', 'approvals.quotation': '报价审批', signers: '合同会签',
};
const TIMEOUT = 60_000;
const PAGE_SIZE = 20;
const yuan = (fen: number) => `¥${Math.round(fen / 100).toLocaleString('en-US')}`;
/** YYYY-MM-DD HH:mm in Beijing time. */
const beijing = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

interface Entry { revision: number; type: string; label: string; occurredAt: string; actor: { userId: string }; decidedDocument: { title: string; sha256: string } | null }
const HISTORY = 'query($id: ID!, $from: Int, $limit: Int!) { projectHistory(projectId: $id, from: $from, limit: $limit) { headRevision entries { revision type label occurredAt actor { userId } decidedDocument { title sha256 } } } }';
const PROJECT = 'query($id: ID!, $atRevision: Int, $asOf: DateTime) { project(id: $id, atRevision: $atRevision, asOf: $asOf) { revision stage estimatedAmount { amount } documents { filedAt title sha256 } } }';

let psm: PsmApp;
let browser: Browser;
let tab: ConsolePage;
let page: Page;
/** The supervisor (马超) sees every project of the demo; the longest one's history runs over two pages. */
let token: string;
let projectId: string;
let headRevision: number;

const ask = async (query: string, variables: Record<string, unknown>) => {
  const { data, errors } = await psm.graphql(query, variables, token);
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
};
const history = async (from: number, limit = PAGE_SIZE): Promise<Entry[]> => (await ask(HISTORY, { id: projectId, from, limit })).projectHistory.entries;

beforeAll(async () => {
  [psm, browser] = await Promise.all([
    PsmApp.start({ RATE_LIMIT_MAX: '100000' }).then(async (app) => {
      await seed(app.app.get<EventStore>(EVENT_STORE), { ...DEMO, projects: 12 });
      await app.caughtUp();
      return app;
    }),
    launchChromium(),
  ]);
  token = psm.tokenFor('sup-1', 'SALES_SUPERVISOR');
  const { items } = (await ask('{ projects(page: { limit: 50 }) { items { projectId } } }', {})).projects as { items: Array<{ projectId: string }> };
  const heads = await Promise.all(items.map(async ({ projectId: id }) => [id, (await ask(HISTORY, { id, limit: 1 })).projectHistory.headRevision] as const));
  [projectId, headRevision] = heads.reduce((longest, next) => (next[1] > longest[1] ? next : longest));
  tab = await openConsole(await consoleContext(browser, psm.url), psm.url);
  page = tab.page;
  await signIn();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await psm?.stop();
});
afterEach(() => {
  // whatever a test did, nothing came from elsewhere and the CSP refused nothing the screen needs
  expectOnlyItsOwnRequests(tab);
});

/** Signs in as 马超 (业务主管) through the development sign-in, once for the file: the tab keeps the session. */
async function signIn(): Promise<void> {
  await page.goto('/');
  await page.getByLabel('人员').focus();
  await page.keyboard.type('马超');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '我的待办' }).waitFor();
}

async function openHistory(): Promise<void> {
  await page.goto(`/projects/${projectId}/history`);
  await page.getByRole('heading', { level: 1, name: '审计回放' }).waitFor();
}

const card = (title: string): Locator => page.locator('.ant-card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

/** The timeline's entries shown, checked against the server's: label, revision, Beijing time, actor, and each document with its hash. */
async function expectTimeline(entries: Entry[], documents: Array<{ filedAt: number; title: string; sha256: string }>): Promise<void> {
  const items = card('时间线').locator('.ant-timeline-item');
  await items.first().getByText(`修订号 ${entries[0].revision}`, { exact: true }).waitFor();
  expect(await items.count()).toBe(entries.length);
  const shown = await items.allInnerTexts();
  entries.forEach((entry, i) => {
    for (const text of [entry.label, `修订号 ${entry.revision}`, beijing(entry.occurredAt), entry.actor.userId]) expect(shown[i]).toContain(text);
    const hashes = [entry.decidedDocument, ...documents.filter((document) => document.filedAt === entry.revision)].filter((document) => !!document);
    for (const document of hashes) {
      expect(shown[i]).toContain(document.title);
      expect(shown[i]).toContain(`${document.sha256.slice(0, 12)}…`);
    }
  });
}

describe('the history screen (审计回放) in Chromium, on the demo history', () => {
  it('shows the project’s timeline a page at a time, with Chinese labels, actors, Beijing times and document hashes', () =>
    screenshotOnFailure(page, 'history-timeline', async () => {
      expect(headRevision + 1).toBeGreaterThan(PAGE_SIZE);
      const { documents } = (await ask(PROJECT, { id: projectId })).project;
      await openHistory();
      await page.getByText(`共 ${headRevision + 1} 条事件`).waitFor();
      const first = await history(0);
      await expectTimeline(first, documents);

      // the whole hash on hover
      const decided = first.find((entry) => entry.decidedDocument)!.decidedDocument!;
      await card('时间线').getByText(`${decided.sha256.slice(0, 12)}…`).first().hover();
      await page.getByRole('tooltip').filter({ hasText: decided.sha256 }).waitFor();

      // English is one click away
      await page.getByRole('button', { name: 'English' }).click();
      await card('Timeline').locator('.ant-timeline-item').first().getByText('Lead registered', { exact: true }).waitFor();
      await page.getByRole('button', { name: '中文' }).click();

      await card('时间线').locator('.ant-pagination').getByText('2', { exact: true }).click();
      await expectTimeline(await history(PAGE_SIZE), documents);
      // the breadcrumb leads back to the project page
      await page.locator('.ant-breadcrumb').getByRole('link', { name: (await ask('query($id: ID!) { project(id: $id) { title } }', { id: projectId })).project.title }).click();
      await page.waitForURL(`**/projects/${projectId}`);

      // a project that is not there, or not the reader's to see, is said so
      await page.goto(`/projects/${randomUUID()}/history`);
      await page.getByText('项目不存在，或您无权查看其记录').waitFor();
    }), TIMEOUT);

  it('shows the project as of a revision on the slider or an instant in Beijing time, and what changed between two revisions', () =>
    screenshotOnFailure(page, 'history-as-of', async () => {
      const now = (await ask(PROJECT, { id: projectId })).project;
      let revision = Math.min(5, headRevision - 1);
      while (revision > 0 && (await ask(PROJECT, { id: projectId, atRevision: revision })).project.stage === now.stage) revision--;
      const then = (await ask(PROJECT, { id: projectId, atRevision: revision })).project;
      expect(then.stage).not.toBe(now.stage);
      await openHistory();
      const asOf = card('时点回看');
      const stageShown = () => asOf.locator('.ant-descriptions-row').filter({ hasText: '阶段' }).locator('td').innerText();
      await asOf.getByText(`修订号 ${headRevision} 之后的项目`).waitFor();
      expect(await stageShown()).toBe(STAGE_NAMES[now.stage]);

      // the slider, by keyboard
      await asOf.getByRole('slider', { name: '修订号' }).focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < revision; i++) await page.keyboard.press('ArrowRight');
      await asOf.getByText(`修订号 ${revision} 之后的项目`).waitFor();
      expect(await stageShown()).toBe(STAGE_NAMES[then.stage]);
      expect(await asOf.locator('.ant-descriptions-row').filter({ hasText: '预估金额' }).locator('td').innerText()).toBe(yuan(then.estimatedAmount.amount));

      // an instant, as recorded: the day before the project was registered (nothing yet), then the minute after its last event
      const recorded = (await ask('query($id: ID!) { projectHistory(projectId: $id, limit: 1000) { entries { recordedAt } } }', { id: projectId })).projectHistory.entries.map((e: { recordedAt: string }) => Date.parse(e.recordedAt));
      for (const instant of [recorded[0] - 86_400_000, recorded[recorded.length - 1] + 60_000]) {
        const minute = beijing(new Date(instant).toISOString());
        const atInstant = (await ask(PROJECT, { id: projectId, asOf: new Date(`${minute.replace(' ', 'T')}:00+08:00`).toISOString() })).project;
        await asOf.getByLabel('或某一记录时刻（北京时间）').fill(minute);
        await page.keyboard.press('Enter');
        if (atInstant) {
          await asOf.getByText(`修订号 ${atInstant.revision} 之后的项目`).waitFor();
          expect(await stageShown()).toBe(STAGE_NAMES[atInstant.stage]);
        } else await asOf.getByText('该时刻尚无此项目的记录').waitFor();
      }

      // the diff between two revisions picked by keyboard
      const [from, to] = [3, headRevision - 3];
      const { changes } = (await ask('query($id: ID!, $from: Int!, $to: Int!) { projectDiff(id: $id, from: { atRevision: $from }, to: { atRevision: $to }) { changes { field before after } } }', { id: projectId, from, to })).projectDiff as {
        changes: Array<{ field: string; before: unknown; after: unknown }>;
      };
      const diff = card('变更对比');
      for (const [name, value] of [['起点修订号', from], ['终点修订号', to]] as const) {
        await diff.getByLabel(name).focus();
        await page.keyboard.type(`${value} · `);
        await page.keyboard.press('Enter');
      }
      const rows = diff.locator('.ant-table-row');
      await rows.first().getByText(FIELD_NAMES[changes[0].field], { exact: true }).waitFor();
      await diff.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      expect(await rows.locator('td:first-child').allInnerTexts()).toEqual(changes.map((change) => FIELD_NAMES[change.field]));
      const stage = changes.find((change) => change.field === 'stage');
      if (stage) expect(await rows.filter({ hasText: '阶段' }).locator('td').allInnerTexts()).toEqual(['阶段', STAGE_NAMES[stage.before as string], STAGE_NAMES[stage.after as string]]);
    }), TIMEOUT);

  it('verifies the hash chain and downloads the archive the endpoint serves', () =>
    screenshotOnFailure(page, 'history-verify', async () => {
      const verdict = (await ask('query($id: ID!) { verifyProject(id: $id) { status events headHash } }', { id: projectId })).verifyProject;
      expect(verdict.status).toBe('INTACT');
      await openHistory();
      await page.getByRole('button', { name: '校验哈希链' }).click();
      const alert = page.getByRole('alert').filter({ hasText: '哈希链完整' });
      await alert.waitFor();
      expect(await alert.innerText()).toContain(`哈希链完整：${verdict.events} 条事件逐条校验通过`);
      expect(await alert.innerText()).toContain(`${verdict.headHash.slice(0, 12)}…`);
      // the whole screen in place (timeline, the project now, the diff since registration, the verdict) for axe-core and the README
      await card('时点回看').getByText(`修订号 ${headRevision} 之后的项目`).waitFor();
      await card('变更对比').locator('.ant-table-row').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(import.meta.dirname, '../../docs/console-history.png') });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载归档' }).click()]);
      const downloaded = readFileSync((await download.path())!, 'utf8');
      const pageToken = (await page.evaluate('sessionStorage.getItem("psm.token")')) as string;
      const served = await (await fetch(`${psm.url}/projects/${projectId}/archive`, { headers: { authorization: `Bearer ${pageToken}` } })).text();
      // byte for byte but the moment of export, which each request stamps anew
      const unstamped = (archive: string) => archive.replace(/"exportedAt":"[^"]+"/, '"exportedAt":…');
      expect(unstamped(downloaded)).toBe(unstamped(served));
      expect(unstamped(downloaded)).not.toBe(downloaded);
      expect(JSON.parse(downloaded).events).toHaveLength(headRevision + 1);
      expect(download.suggestedFilename()).toBe(`project-${projectId}-archive.json`);
    }), TIMEOUT);
});
