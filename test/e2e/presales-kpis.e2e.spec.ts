import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { stepsOn, type Hand } from '../support/project-steps.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

const AM: Hand = ['am-li', 'ACCOUNT_MANAGER'];
const ENGINEER: Hand = ['pe-wang', 'PRESALES_ENGINEER'];
const TM: Hand = ['tm-he', 'TECH_MANAGER'];
const FIGURES = 'person period success { count of rate } satisfaction { count total score } solutionQuality { count score } collaboration { count score } onTime { count of rate } demos';
const KPIS = `query($person: String!, $month: String, $year: String) { presalesKpis(person: $person, month: $month, year: $year) { ${FIGURES} assessments { month inForce { version rating comment reason kpis } versions { version rating } } } }`;
const EVENTS = `query($person: String!, $figure: KpiFigure!, $month: String, $limit: Int, $offset: Int) {
  presalesKpiEvents(person: $person, figure: $figure, month: $month, limit: $limit, offset: $offset) { total items { projectId revision type at value outcome } } }`;
const month = shanghaiDate(new Date()).slice(0, 7);

describe('售前考核: a pre-sales person\'s KPIs, opened to their events, and the manager\'s monthly assessment', () => {
  let psm: PsmApp;
  let won: string;
  let open: string;
  /** A project pe-li follows, where pe-wang only presented a demo: not one pe-wang is a member of. */
  let presentedOnly: string;
  const read = (hand: Hand, query: string, variables: Record<string, unknown>) => psm.graphql(query, variables, psm.tokenFor(...hand));
  const kpisOf = async (hand: Hand, variables: Record<string, unknown> = { month }) => {
    const { data, errors } = await read(hand, KPIS, { person: 'pe-wang', ...variables });
    if (errors) throw new Error(JSON.stringify(errors));
    return data.presalesKpis;
  };
  const lead = (projectId: string) => ({
    projectId, title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells', channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
  });
  const approve = async (projectId: string, engineer: string) => {
    const { step } = stepsOn(psm, projectId);
    await step(AM, 'registerLead', lead(projectId));
    await step(['sup-zhao', 'SALES_SUPERVISOR'], 'screenLead', { decision: 'QUALIFY' });
    await step(['dir-sun', 'SALES_DIRECTOR'], 'approveProject', {
      sponsorId: 'dir-sun', presalesEngineerId: engineer, hasMatureReference: true, milestones: [{ name: 'solution', dueOn: '2027-12-15' }], presalesBudget: cny(20_000),
    });
    return step;
  };

  beforeAll(async () => {
    psm = await PsmApp.start();
    const driver = new ProcedureDriver(psm);
    won = await driver.toDraftedContract();
    await driver.countersignAll(won, 'contract v1');
    await driver.signContract(won, 'contract v1');
    open = randomUUID();
    const step = await approve(open, 'pe-wang');
    await step(ENGINEER, 'recordExchange', { summary: 'memo', surveyNeeded: false });
    await step(ENGINEER, 'submitSolution', { document: docOf('open solution') });
    await step(['mk-zhou', 'MARKETING'], 'conveneReview', { subject: 'SOLUTION', reviewers: ['rv-1'] });
    await step(['rv-1', 'REVIEWER'], 'approveReview', { subject: 'SOLUTION', documentSha256: docOf('open solution').sha256, scores: { rationality: 5, innovation: 4, completeness: 3 } });
    await step(ENGINEER, 'planDemo', { audience: '厂长', environment: '展厅', agenda: '焊接', durationMinutes: 60 });
    await step(ENGINEER, 'recordDemoHeld', { number: 1, presenters: ['pe-wang'], heldOn: shanghaiDate(new Date()) });
    await step(['mk-zhou', 'MARKETING'], 'rateCollaboration', { person: 'pe-wang', score: 4, comment: '评审材料准备充分' });
    const { data } = await psm.graphql('mutation($input: SendSatisfactionSurveyInput!) { sendSatisfactionSurvey(input: $input) { link } }', {
      input: { commandId: randomUUID(), projectId: open, contact: { name: '陈工' }, rates: ['pe-wang'] },
    }, psm.tokenFor(...AM));
    const answered = await fetch(`${psm.url}${data.sendSatisfactionSurvey.link}`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: ['responsiveness', 'expertise', 'solutionFit', 'communication'].map((questionId) => ({ questionId, score: 5 })) }),
    });
    expect(answered.status).toBe(201);
    presentedOnly = randomUUID();
    const other = await approve(presentedOnly, 'pe-li');
    await other(['pe-li', 'PRESALES_ENGINEER'], 'planDemo', { audience: '厂长', environment: '展厅', agenda: '焊接', durationMinutes: 60 });
    await other(['pe-li', 'PRESALES_ENGINEER'], 'recordDemoHeld', { number: 1, presenters: ['pe-li', 'pe-wang'], heldOn: shanghaiDate(new Date()) });
    await psm.caughtUp();
  }, 60_000);
  afterAll(() => psm.stop());

  it('counts every figure of the month from its events: won ÷ followed, the survey, the reviewers\' scores, the ratings, the SLA steps, the demos', async () => {
    expect(await kpisOf(ENGINEER)).toMatchObject({
      person: 'pe-wang', period: month,
      success: { count: 1, of: 3, rate: 1 / 3 },
      satisfaction: { count: 1, total: 100, score: 100 },
      solutionQuality: { count: 1, score: 75 },
      collaboration: { count: 1, score: 75 },
      onTime: { count: 2, of: 2, rate: 1 },
      demos: 2,
    });
  });

  it('folds a year from the months\' counts: the same figures when the year holds one month of work', async () => {
    const { period, ...year } = await kpisOf(TM, { year: month.slice(0, 4) });
    const { period: _month, ...monthly } = await kpisOf(TM);
    expect([period, year]).toEqual([month.slice(0, 4), monthly]);
  });

  it('is read by the pre-sales engineer themselves and the unit\'s managers; not by another engineer or an account manager', async () => {
    for (const hand of [['pe-li', 'PRESALES_ENGINEER'], AM, ['mk-zhou', 'MARKETING']] as Hand[]) {
      expect((await read(hand, KPIS, { person: 'pe-wang', month })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const { data } = await read(TM, `query { presalesKpisOfMonth(month: "${month}") { person success { count of } demos } }`, {});
    expect(data.presalesKpisOfMonth).toEqual([
      { person: 'pe-li', success: { count: 0, of: 1 }, demos: 1 },
      { person: 'pe-wang', success: { count: 1, of: 3 }, demos: 2 },
    ]);
    expect((await read(ENGINEER, `query { presalesKpisOfMonth(month: "${month}") { person } }`, {})).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('opens each figure to its events, paged, showing only events of projects the caller may see', async () => {
    const page = async (hand: Hand, figure: string, limit = 20, offset = 0) => (await read(hand, EVENTS, { person: 'pe-wang', figure, month, limit, offset })).data.presalesKpiEvents;
    expect((await page(TM, 'WON')).items).toEqual([expect.objectContaining({ projectId: won, type: 'ContractSigned' })]);
    expect((await page(TM, 'SATISFACTION')).items).toEqual([expect.objectContaining({ projectId: open, type: 'SatisfactionSurveyAnswered', value: 100 })]);
    expect((await page(TM, 'SOLUTION_QUALITY')).items).toEqual([expect.objectContaining({ projectId: open, type: 'ReviewVoteCast', value: 75 })]);
    expect((await page(TM, 'ON_TIME')).items.map((item: { type: string; outcome: string }) => [item.type, item.outcome])).toEqual([['SOLUTION', 'ON_TIME'], ['SOLUTION', 'ON_TIME']]);
    const followed = await page(TM, 'FOLLOWED', 100);
    expect(new Set(followed.items.map((item: { projectId: string }) => item.projectId))).toEqual(new Set([won, open, presentedOnly]));
    const [first, second] = [await page(TM, 'FOLLOWED', 2, 0), await page(TM, 'FOLLOWED', 2, 2)];
    expect([...first.items, ...second.items]).toEqual(followed.items.slice(0, 4));
    expect(first.total).toBe(followed.total);
    // pe-wang presented on pe-li's project but is no member of it: the figure counts it, their own drill-down does not show it
    const own = await page(ENGINEER, 'DEMOS');
    expect(own.items.map((item: { projectId: string }) => item.projectId)).toEqual([open]);
    expect((await page(TM, 'DEMOS')).total).toBe(2);
    expect((await read(TM, EVENTS, { person: 'pe-wang', figure: 'WON', month, limit: 101 })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a period that is neither one month nor one year', async () => {
    for (const variables of [{ month: '2026-13' }, { year: '26' }, { month, year: month.slice(0, 4) }, {}]) {
      expect((await read(TM, KPIS, { person: 'pe-wang', ...variables })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('月度考核: the manager rates the month once, with the KPIs they saw; a revision gives its reason and keeps every version', async () => {
    const assess = (hand: Hand, mutation: 'assessPresales' | 'reviseAssessment', input: Record<string, unknown>) => read(hand,
      `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { person month revision version } }`,
      { input: { commandId: randomUUID(), person: 'pe-wang', month, ...input } });
    const head = await psm.logHead();
    expect((await assess(ENGINEER, 'assessPresales', { rating: 5, comment: '自评' })).errors?.[0].extensions.domainCode).toBe('NOT_ALLOWED_FOR_ROLE');
    expect((await assess(TM, 'assessPresales', { rating: 9, comment: '超出量表' })).errors?.[0].extensions.domainCode).toBe('INVALID_INPUT');
    expect(await psm.logHead()).toBe(head);
    expect((await assess(TM, 'assessPresales', { rating: 4, comment: '方案质量高' })).data.assessPresales).toEqual({ person: 'pe-wang', month, revision: 0, version: 1 });
    expect((await assess(TM, 'assessPresales', { rating: 3, comment: '再评一次' })).errors?.[0].extensions.domainCode).toBe('INVALID_TRANSITION');
    expect((await assess(TM, 'reviseAssessment', { rating: 5, comment: '客户满意度满分', reason: '' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await assess(TM, 'reviseAssessment', { rating: 5, comment: '客户满意度满分', reason: '补充客户调查结果' })).data.reviseAssessment).toMatchObject({ version: 2 });
    await psm.caughtUp();
    const { assessments } = await kpisOf(ENGINEER);
    expect(assessments).toEqual([{
      month,
      inForce: { version: 2, rating: 5, comment: '客户满意度满分', reason: '补充客户调查结果', kpis: expect.objectContaining({ person: 'pe-wang', success: { count: 1, of: 3, rate: 1 / 3 } }) },
      versions: [{ version: 1, rating: 4 }, { version: 2, rating: 5 }],
    }]);
  });
});
