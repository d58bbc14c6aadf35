import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { cny, docOf, PsmApp } from '../support/psm-app.js';
import { launchChromium } from './support/chromium.js';
import { consoleContext, expectOnlyItsOwnRequests, openConsole, screenshotOnFailure, seriousViolations, type ConsolePage } from './support/console-page.js';

/** The development sign-in's people (src/demo/demo-people.ts) who take each step under the default profile. */
const HANDS = {
  accountManager: { name: '王磊', userId: 'am-1' },
  director: { name: '朱红', userId: 'dir-1' },
  engineer: { name: '周杰', userId: 'pe-1' },
  marketing: { name: '谢婷', userId: 'mk-1' },
  reviewer: { name: '郭峰', userId: 'rv-1' },
  techManager: { name: '高远', userId: 'tm-1' },
  leader: { name: '梁栋', userId: 'dl-1' },
  generalManager: { name: '胡斌', userId: 'gm-1' },
};
type Hand = keyof typeof HANDS;
/** Fifteen sign-ins and twenty forms in Chromium beside the other suites on two cores. */
const TIMEOUT = 180_000;
const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');
const PROJECT = 'query($id: ID!) { project(id: $id) { stage revision signedAmount { amount } documents { kind sha256 } contract { status } } }';
const HISTORY = 'query($id: ID!) { projectHistory(projectId: $id, limit: 1000) { entries { type actor { userId } } } }';

let psm: PsmApp;
let browser: Browser;
let context: BrowserContext;
let tab: ConsolePage;
let page: Page;
let signedIn: Hand | undefined;

beforeAll(async () => {
  // a fresh service: the walk registers its own lead
  [psm, browser] = await Promise.all([PsmApp.start({ RATE_LIMIT_MAX: '100000' }), launchChromium()]);
  context = await consoleContext(browser, psm.url);
  tab = await openConsole(context, psm.url);
  page = tab.page;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await psm?.stop();
});
afterEach(() => {
  expectOnlyItsOwnRequests(tab);
});

/** Signs the tab in as the hand, through the avatar's menu and the development sign-in, back on the page it was on. */
async function as(hand: Hand): Promise<void> {
  if (signedIn === hand) return;
  if (signedIn) {
    await page.getByRole('button', { name: /退出登录/ }).hover();
    await page.getByRole('menuitem', { name: /退出登录/ }).click();
  }
  await page.getByLabel('人员').focus();
  await page.keyboard.type(HANDS[hand].name);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${HANDS[hand].name} · `) }).waitFor();
  signedIn = hand;
}

/** Opens the step's form from the project's actions, lets `fill` fill it, submits it and waits for the form to close. */
async function act(step: string, fill: (form: Locator) => Promise<void> = async () => {}): Promise<void> {
  await page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: step, exact: true }).click();
  const form = page.getByRole('dialog', { name: step });
  await fill(form);
  // from the keyboard: a list of tags keeps its options open over the buttons until it loses focus
  await form.getByRole('button', { name: '提交' }).focus();
  await page.keyboard.press('Enter');
  await form.waitFor({ state: 'detached' });
}

const type = (form: Locator, label: string, text: string) => form.getByLabel(label, { exact: true }).fill(text);

/** An antd select: its search typed, the match taken with Enter once the list offers it. */
async function choose(form: Locator, label: string, option: string): Promise<void> {
  await form.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(option);
  await page.locator('.ant-select-item-option-active', { hasText: option }).waitFor();
  await page.keyboard.press('Enter');
  await form.locator('.ant-select-selection-item', { hasText: option }).waitFor();
}

/** A document: the file chosen (its sha256 computed in the browser), its URI typed. */
async function attach(form: Locator, label: string, content: string): Promise<void> {
  await form.locator('input[type=file]').setInputFiles({ name: `${content}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(content) });
  const digest = form.getByLabel(`${label} · SHA-256`, { exact: true });
  await page.waitForFunction(([input, expected]) => (input as { value: string }).value === expected, [await digest.elementHandle(), sha256(content)] as const);
  await type(form, `${label} · 地址（URI）`, `https://dms.example.test/${encodeURIComponent(content)}`);
}

/** Waits for the element's animations (a modal zooming in) to end: axe-core measures contrast as it stands. */
const settled = (element: Locator) =>
  element.evaluate((node) => Promise.all((node as unknown as { getAnimations: (options: object) => Array<{ finished: Promise<unknown> }> }).getAnimations({ subtree: true }).map((animation) => animation.finished)));

const project = async (id: string) => (await psm.graphql(PROJECT, { id }, psm.tokenFor('sup-1', 'SALES_SUPERVISOR'))).data.project;

describe('a project walked from its lead to the signed contract in the console alone', () => {
  let projectId = '';

  it('registers the lead, and every hand in turn takes its step from the project page', () =>
    screenshotOnFailure(page, 'project-walk', async () => {
      await page.goto('/my-work');
      await as('accountManager');
      await page.getByRole('link', { name: '登记线索' }).click();
      const lead = page.locator('form');
      await type(lead, '标题', '焊接机器人工作站');
      await type(lead, '客户', '苏州精工');
      await type(lead, '名称', '陈工');
      await type(lead, '需求', '两台焊接工作站');
      await choose(lead, '信息来源', '展会');
      await type(lead, '预估金额（元）', '800000');
      await type(lead, '产品线', 'ROBOT_CELL');
      await type(lead, '区域', 'EAST');
      await lead.getByRole('button', { name: '登记' }).click();
      await page.waitForURL(/\/projects\/[\w-]+$/);
      projectId = page.url().split('/').pop()!;
      await page.getByRole('heading', { level: 1, name: '焊接机器人工作站' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await as('director');
      await act('筛选：合格');
      await act('立项', async (form) => {
        await type(form, '项目发起人', 'dir-1');
        await type(form, '售前工程师', 'pe-1');
        await form.getByLabel('有成熟案例').click();
        await type(form, '名称', '提交解决方案');
        await type(form, '到期日', '2026-12-15');
        await page.keyboard.press('Enter');
        await type(form, '售前预算（元）', '20000');
      });

      await as('engineer');
      await act('现场交流', (form) => type(form, '摘要', '客户需要两台焊接工作站，无需调研'));
      await act('提交解决方案', async (form) => {
        await attach(form, '文件', 'solution v1');
        // a document's form: its file chooser beside the typed fields (the last step's toast gone)
        await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
        await settled(form);
        expect(await seriousViolations(page)).toEqual([]);
      });

      await as('marketing');
      await act('组织解决方案评审', (form) => choose(form, '评审委员（用户 ID）', 'rv-1'));

      await as('reviewer');
      await act('解决方案评审通过');

      // 市场部 hears the customer accept the solution and its budget: the quotation waits for it
      await as('marketing');
      await act('客户认可解决方案与预算');

      await as('accountManager');
      await act('提交报价', async (form) => {
        await type(form, '金额（元）', '90000');
        await attach(form, '文件', 'quotation 90000');
      });

      await as('techManager');
      await act('报价审批');

      await as('accountManager');
      await act('确定采购方式', (form) => choose(form, '采购方式', '谈判'));
      await act('提交技术协议', (form) => attach(form, '文件', 'agreement v1'));

      await as('marketing');
      await act('组织技术协议评审', (form) => choose(form, '评审委员（用户 ID）', 'rv-1'));

      await as('reviewer');
      await act('技术协议评审通过');

      await as('marketing');
      await act('客户确认技术协议条款');

      await as('leader');
      await act('签署技术协议');

      await as('marketing');
      await act('客户确认签约意向');

      await as('accountManager');
      await act('确定合同文本', (form) => attach(form, '文件', 'contract v1'));
      await act('会签');

      await as('marketing');
      await act('会签');

      await as('generalManager');
      await act('会签');

      await as('marketing');
      await act('客户确认合同条款');

      await as('leader');
      await act('签订合同', async (form) => {
        await type(form, '签订日期', '2026-11-24');
        await page.keyboard.press('Enter');
      });
      await page.getByText('PSM080 签订合同（赢单）').first().waitFor();

      const signed = await project(projectId);
      expect(signed.stage).toBe('WON');
      expect(signed.signedAmount.amount).toBe(90_000_00);
      expect(signed.contract.status).toBe('SIGNED');
      expect(signed.documents.map((doc: { kind: string }) => doc.kind)).toEqual(['SOLUTION', 'QUOTATION', 'TECHNICAL_AGREEMENT', 'CONTRACT', 'SIGNED_CONTRACT']);
      expect(signed.documents.map((doc: { sha256: string }) => doc.sha256)).toEqual(['solution v1', 'quotation 90000', 'agreement v1', 'contract v1', 'contract v1'].map(sha256));
      // every event the console caused, each by the hand signed in to take its step
      const entries: Array<{ type: string; actor: { userId: string } }> = (await psm.graphql(HISTORY, { id: projectId }, psm.tokenFor('sup-1', 'SALES_SUPERVISOR'))).data.projectHistory.entries;
      expect(entries[0]).toEqual({ type: 'LeadRegistered', actor: { userId: 'am-1' } });
      expect(entries.at(-1)).toEqual({ type: 'ContractSigned', actor: { userId: 'dl-1' } });
      expect(new Set(entries.map((entry) => entry.actor.userId))).toEqual(new Set(Object.values(HANDS).map((hand) => hand.userId)));
    }), TIMEOUT);

  it('a refused step shows the server’s code and reason and appends nothing; the form is accessible and works from the keyboard', () =>
    screenshotOnFailure(page, 'project-refusal', async () => {
      // a solution waiting for 郭峰's vote, reached over GraphQL
      const step = (userId: string, role: string, mutation: string, input: Record<string, unknown>) => psm.as(userId, role as never).do(mutation, input);
      const registered = await step('am-1', 'ACCOUNT_MANAGER', 'registerLead', {
        title: '激光切割单元', customer: '无锡精密', contact: { name: '周工' }, need: 'a cutting cell', channel: 'WEB', estimatedAmount: cny(500_000), region: 'EAST', productLine: 'ROBOT_CELL',
      });
      const id: string = registered.data.registerLead.projectId;
      for (const [userId, role, mutation, input] of [
        ['dir-1', 'SALES_DIRECTOR', 'screenLead', { decision: 'QUALIFY' }],
        ['dir-1', 'SALES_DIRECTOR', 'approveProject', { sponsorId: 'dir-1', presalesEngineerId: 'pe-1', hasMatureReference: true, milestones: [{ name: '方案', dueOn: '2026-12-15' }], presalesBudget: cny(10_000) }],
        ['pe-1', 'PRESALES_ENGINEER', 'recordExchange', { summary: '交流', surveyNeeded: false }],
        ['pe-1', 'PRESALES_ENGINEER', 'submitSolution', { document: docOf('cutting solution') }],
        ['mk-1', 'MARKETING', 'conveneReview', { subject: 'SOLUTION', reviewers: ['rv-1'] }],
      ] as const) expect((await step(userId, role, mutation, { projectId: id, ...input })).errors).toBeUndefined();
      const before = await project(id);
      const head = await psm.logHead();

      // the vote waits in the reviewer's work, which opens the project
      if (!signedIn) await page.goto('/my-work');
      await as('reviewer');
      await page.getByRole('link', { name: '我的待办' }).click();
      await page.getByRole('link', { name: '激光切割单元' }).click();
      await page.getByRole('heading', { level: 1, name: '激光切割单元' }).waitFor();
      // the last step's toast fading out is no part of this page
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
      expect(await seriousViolations(page)).toEqual([]);
      // the form opened, its sha256 replaced and sent, all from the keyboard
      await page.getByRole('button', { name: '解决方案评审通过', exact: true }).focus();
      await page.keyboard.press('Enter');
      const form = page.getByRole('dialog', { name: '解决方案评审通过' });
      const digest = form.getByLabel('所审文件的 SHA-256', { exact: true });
      expect(await digest.inputValue()).toBe(docOf('cutting solution').sha256);
      await settled(form);
      expect(await seriousViolations(page)).toEqual([]);
      const wrong = sha256('another file');
      await digest.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(wrong);
      await form.getByRole('button', { name: '提交' }).focus();
      await page.keyboard.press('Enter');

      // what the server answers to that vote, the page shows
      const refusal = (await step('rv-1', 'REVIEWER', 'approveReview', { projectId: id, subject: 'SOLUTION', documentSha256: wrong })).errors![0];
      const alert = form.getByRole('alert');
      await alert.getByText(refusal.message).waitFor();
      expect(await alert.innerText()).toContain(refusal.extensions.domainCode!);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await psm.logHead()).toBe(head);
      expect((await project(id)).revision).toBe(before.revision);

      // the sha256 in force again: the vote is taken and the page reads the project again
      await digest.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(docOf('cutting solution').sha256);
      await form.getByRole('button', { name: '提交' }).focus();
      await page.keyboard.press('Enter');
      await form.waitFor({ state: 'detached' });
      const after = await project(id);
      expect(after.revision).toBeGreaterThan(before.revision);
      expect(after.stage).toBe('PSM040_QUOTATION');
      await page.getByText('PSM040 确定报价').first().waitFor();
    }), TIMEOUT);
});
