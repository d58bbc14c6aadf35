import { createHash, randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import { cny, PsmApp } from '../support/psm-app.js';
import { stepsOn, type Hand } from '../support/project-steps.js';

const AM: Hand = ['am-li', 'ACCOUNT_MANAGER'];
const SEND = `mutation($input: SendSatisfactionSurveyInput!) { sendSatisfactionSurvey(input: $input) { projectId revision link events { type data } } }`;
const { questions, scale, linkValidDays } = ENTERPRISE_STANDARD.kpis.satisfactionSurvey;
const answers = (score = 4) => questions.map(({ id }) => ({ questionId: id, score }));

describe('客户满意度调查 through its link: no account, one answer, typed refusals that append nothing', () => {
  let psm: PsmApp;
  let projectId: string;
  const am = () => psm.tokenFor(...AM);
  const send = async (commandId = randomUUID()) => {
    const { data, errors } = await psm.graphql(SEND, { input: { commandId, projectId, contact: { name: '陈工', email: 'chen@example.cn' }, rates: ['pe-wang'] } }, am());
    if (errors) throw new Error(JSON.stringify(errors));
    return data.sendSatisfactionSurvey as { revision: number; link: string | null; events: Array<{ type: string; data: Record<string, unknown> }> };
  };
  const post = (link: string, body: unknown) => fetch(`${psm.url}${link}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const stream = () => psm.app.get<EventStore>(EVENT_STORE).readStream(`project-${projectId}`);
  /** A refused answer: its status and typed code, and the log's head where it was. */
  const refused = async (link: string, body: unknown) => {
    const head = await psm.logHead();
    const response = await post(link, body);
    expect(await psm.logHead()).toBe(head);
    return { status: response.status, ...((await response.json()) as { domainCode?: string }) };
  };

  beforeAll(async () => {
    psm = await PsmApp.start();
    projectId = randomUUID();
    const { step } = stepsOn(psm, projectId);
    await step(AM, 'registerLead', {
      title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells', channel: 'EXHIBITION',
      estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
    });
    await step(['sup-zhao', 'SALES_SUPERVISOR'], 'screenLead', { decision: 'QUALIFY' });
    await step(['dir-sun', 'SALES_DIRECTOR'], 'approveProject', {
      sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true, milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    });
  });
  afterAll(() => psm.stop());

  it('is sent with the link returned once: the event keeps the token\'s sha256, never the token; a retry returns no link', async () => {
    const commandId = randomUUID();
    const sent = await send(commandId);
    expect(sent.link).toMatch(new RegExp(`^/survey/${projectId}\\.[A-Za-z0-9_-]{43}$`));
    const token = sent.link!.slice('/survey/'.length);
    expect(sent.events).toEqual([{ type: 'SatisfactionSurveySent', data: expect.objectContaining({ number: 1, rates: ['pe-wang'], tokenSha256: createHash('sha256').update(token).digest('hex'), questions, scale }) }]);
    expect(JSON.stringify(await stream())).not.toContain(token.split('.')[1]);
    const retried = await send(commandId);
    expect(retried).toMatchObject({ revision: sent.revision, link: null });
  });

  it('serves its page from the service itself, in Chinese, under the console\'s CSP, without a token, rate limited', async () => {
    const { link } = await send();
    const response = await fetch(`${psm.url}${link}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-ratelimit-limit')).not.toBeNull();
    const html = await response.text();
    for (const { text } of questions) expect(html).toContain(text);
    expect(html).toContain('<script src="/survey-assets/survey.js"></script>');
    expect(html).not.toMatch(/<script>|https?:\/\//);
    const script = await fetch(`${psm.url}/survey-assets/survey.js`);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('takes the answers without an account, appended by the system with no user signed in; the link then answers nothing more', async () => {
    const { link } = await send();
    const response = await post(link!, { answers: answers(5), comment: '方案讲解很清楚' });
    expect(response.status).toBe(201);
    const answered = (await stream()).at(-1)!;
    expect(answered).toMatchObject({
      type: 'SatisfactionSurveyAnswered',
      data: { rates: ['pe-wang'], answers: answers(5), scale, comment: '方案讲解很清楚' },
      metadata: { actor: { userId: 'system:survey-link', roles: [] }, signedIn: false, commandType: 'AnswerSatisfactionSurvey', projectId },
    });
    expect(await refused(link!, { answers: answers(5) })).toMatchObject({ status: 409, domainCode: 'SURVEY_ALREADY_ANSWERED' });
    const page = await fetch(`${psm.url}${link}`);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('此调查已提交');
  });

  it('refuses a wrong token, malformed or another secret for the project, with its typed code', async () => {
    await send();
    const wrong = `/survey/${projectId}.${'x'.repeat(43)}`;
    expect(await refused(wrong, { answers: answers() })).toMatchObject({ status: 404, domainCode: 'SURVEY_LINK_INVALID' });
    expect(await refused('/survey/not-a-token', { answers: answers() })).toMatchObject({ status: 404, domainCode: 'SURVEY_LINK_INVALID' });
    expect(await refused(`/survey/${randomUUID()}.${'y'.repeat(43)}`, { answers: answers() })).toMatchObject({ status: 404, domainCode: 'SURVEY_LINK_INVALID' });
    expect((await fetch(`${psm.url}${wrong}`)).status).toBe(404);
  });

  it('refuses answers that miss a question or leave the scale, and keeps the link open for a proper answer', async () => {
    const { link } = await send();
    expect(await refused(link!, { answers: answers().slice(1) })).toMatchObject({ status: 400, domainCode: 'INVALID_INPUT' });
    expect(await refused(link!, { answers: answers(scale.max + 1) })).toMatchObject({ status: 400, domainCode: 'INVALID_INPUT' });
    expect((await refused(link!, { answers: 'five' })).status).toBe(400);
    expect((await post(link!, { answers: answers(3) })).status).toBe(201);
  });

  it('refuses an expired link: after the policy\'s days it appends nothing', async () => {
    const { link } = await send();
    psm.decideAt(new Date(Date.now() + linkValidDays * 86_400_000 + 60_000));
    try {
      expect(await refused(link!, { answers: answers() })).toMatchObject({ status: 409, domainCode: 'SURVEY_LINK_EXPIRED' });
      expect((await fetch(`${psm.url}${link}`)).status).toBe(409);
    } finally {
      psm.decideAt(undefined);
    }
  });
});
