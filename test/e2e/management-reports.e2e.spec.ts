import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/project/vocabulary.js';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { PsmApp, type GraphQLResponse } from '../support/psm-app.js';

const RESULT = '{ stream revision events { type revision data } }';
const REPORT = `{ month status current { version analysis readAt position figures { figure value } } versions { version preparedBy }
  history { kind version by comments } }`;

/** The monthly report and the quarterly analysis over HTTP, through their whole life, on the real service. */
describe('management reports: 每月信息统计表 and 季度信息分析报告 as documents', () => {
  let psm: PsmApp;
  const supervisor = () => psm.tokenFor('sup-ma', 'SALES_SUPERVISOR');
  const director = () => psm.tokenFor('dir-zhu', 'SALES_DIRECTOR');
  const planner = () => psm.tokenFor('sp-tang', 'SALES_PLANNER');

  const send = (mutation: string, input: Record<string, unknown>, token: string) =>
    psm.graphql(`mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) ${RESULT} }`, { input: { commandId: randomUUID(), ...input } }, token);
  const ok = async (pending: Promise<GraphQLResponse>) => {
    const { data, errors } = await pending;
    expect(errors).toBeUndefined();
    return Object.values(data!)[0] as { events: Array<{ type: string; data: Record<string, any> }> };
  };
  /** A refusal with its code, and nothing appended. */
  const refused = async (pending: () => Promise<GraphQLResponse>) => {
    const head = await psm.logHead();
    const { errors } = await pending();
    expect(await psm.logHead()).toBe(head);
    return errors![0].extensions;
  };
  const report = async (month: string, token = director(), asOf?: string) =>
    (await psm.graphql(`query($month: String!, $asOf: DateTime) { monthlyReport(month: $month, asOf: $asOf) ${REPORT} }`, { month, asOf }, token)).data!.monthlyReport;
  const work = async (token: string) => (await psm.graphql('{ myWork { kind period action title overdue projectId } }', {}, token)).data!.myWork as Array<Record<string, unknown>>;

  beforeAll(async () => {
    psm = await PsmApp.start();
    // a project's first steps in November 2026, the month reported
    psm.decideAt(new Date('2026-11-10T02:00:00Z'));
    await new ProcedureDriver(psm).toQuotation();
    psm.decideAt(undefined);
    await psm.caughtUp();
  });
  afterAll(() => psm.stop());

  let preparedAt: string;

  it('the supervisor prepares the ended month: the read side’s figures frozen with the position and instant read, and the analysis', async () => {
    const { events } = await ok(send('prepareMonthlyReport', { month: '2026-11', analysis: '十一月登记1条信息，已立项' }, supervisor()));
    expect(events[0]).toMatchObject({ type: 'MonthlyReportPrepared', data: { month: '2026-11', version: 1, preparedBy: 'sup-ma', position: expect.any(String) } });
    expect(events[0].data.figures).toEqual(expect.arrayContaining([{ figure: 'leads', value: 1 }, { figure: 'approvals', value: 1 }, { figure: 'leadsByChannel.EXHIBITION', value: 1 }]));
    await psm.caughtUp();
    preparedAt = new Date().toISOString();
    expect(await report('2026-11')).toMatchObject({ status: 'PREPARED', current: { version: 1, analysis: '十一月登记1条信息，已立项' } });
  });

  it('refuses, with typed codes and appending nothing: a month not ended, an empty analysis, the wrong role, a submit of nothing prepared, a decision on nothing submitted', async () => {
    expect(await refused(() => send('prepareMonthlyReport', { month: '2026-12', analysis: 'x' }, supervisor()))).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'REPORT_PERIOD_NOT_ENDED' });
    expect(await refused(() => send('prepareMonthlyReport', { month: '2027-03', analysis: 'x' }, supervisor()))).toMatchObject({ domainCode: 'REPORT_PERIOD_NOT_ENDED' });
    expect(await refused(() => send('prepareMonthlyReport', { month: '2026-10', analysis: '  ' }, supervisor()))).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'REASON_REQUIRED' });
    expect(await refused(() => send('prepareMonthlyReport', { month: '2026-10', analysis: 'x' }, director()))).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
    expect(await refused(() => send('submitMonthlyReport', { month: '2026-10' }, supervisor()))).toMatchObject({ domainCode: 'REPORT_NOT_PREPARED' });
    expect(await refused(() => send('acknowledgeMonthlyReport', { month: '2026-11' }, director()))).toMatchObject({ domainCode: 'REPORT_NOT_SUBMITTED' });
    expect(await refused(() => send('returnMonthlyReport', { month: '2026-11', comments: 'x' }, supervisor()))).toMatchObject({ domainCode: 'NOT_ALLOWED_FOR_ROLE' });
  });

  it('is submitted to the director, whose work shows it; returned with comments, it waits for the supervisor', async () => {
    await ok(send('submitMonthlyReport', { month: '2026-11' }, supervisor()));
    await psm.caughtUp();
    expect(await work(director())).toContainEqual(expect.objectContaining({ kind: 'MONTHLY_REPORT_RECEIPT', period: '2026-11', projectId: null }));
    await ok(send('returnMonthlyReport', { month: '2026-11', comments: '请补充丢单原因分析' }, director()));
    await psm.caughtUp();
    expect(await work(director())).not.toContainEqual(expect.objectContaining({ kind: 'MONTHLY_REPORT_RECEIPT' }));
    expect(await work(supervisor())).toContainEqual(expect.objectContaining({ kind: 'MONTHLY_REPORT_REVISION', period: '2026-11', title: '请补充丢单原因分析' }));
    expect(await refused(() => send('submitMonthlyReport', { month: '2026-11' }, supervisor()))).toMatchObject({ domainCode: 'REPORT_NOT_PREPARED' });
  });

  it('is prepared again as version 2, every version kept, resubmitted and acknowledged', async () => {
    await ok(send('prepareMonthlyReport', { month: '2026-11', analysis: '补充：本月无丢单' }, supervisor()));
    await ok(send('submitMonthlyReport', { month: '2026-11' }, supervisor()));
    await ok(send('acknowledgeMonthlyReport', { month: '2026-11', comments: '已阅' }, director()));
    await psm.caughtUp();
    expect(await report('2026-11')).toMatchObject({
      status: 'ACKNOWLEDGED', current: { version: 2, analysis: '补充：本月无丢单' }, versions: [{ version: 1 }, { version: 2 }],
      history: ['PREPARED', 'SUBMITTED', 'RETURNED', 'PREPARED', 'SUBMITTED', 'ACKNOWLEDGED'].map((kind) => expect.objectContaining({ kind })),
    });
    expect(await work(supervisor())).not.toContainEqual(expect.objectContaining({ kind: 'MONTHLY_REPORT_REVISION' }));
    const { data } = await psm.graphql('{ monthlyReports(year: 2026) { month status } }', {}, director());
    expect(data.monthlyReports).toEqual([{ month: '2026-11', status: 'ACKNOWLEDGED' }]);
    expect((await psm.graphql('{ monthlyReports(year: 1999) { month } }', {}, director())).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a retried command with what it first appended, appending nothing', async () => {
    const input = { commandId: randomUUID(), month: '2026-10', analysis: '十月无新信息' };
    const first = await ok(psm.graphql(`mutation($input: PrepareMonthlyReportInput!) { prepareMonthlyReport(input: $input) ${RESULT} }`, { input }, supervisor()));
    const head = await psm.logHead();
    const again = await ok(psm.graphql(`mutation($input: PrepareMonthlyReportInput!) { prepareMonthlyReport(input: $input) ${RESULT} }`, { input }, supervisor()));
    expect(again).toEqual(first);
    expect(await psm.logHead()).toBe(head);
  });

  it('as of a past instant says what it said then', async () => {
    expect(await report('2026-11', director(), preparedAt)).toMatchObject({ status: 'PREPARED', versions: [{ version: 1 }], current: { analysis: '十一月登记1条信息，已立项' } });
  });

  it('restates: a lead registered in the reported month afterwards shows as a difference between the frozen figures and the live ones', async () => {
    const none = await psm.graphql('query { monthlyReportRestatement(month: "2026-11") { version differences { figure frozen now } } }', {}, director());
    expect(none.data.monthlyReportRestatement).toEqual({ version: 2, differences: [] });
    psm.decideAt(new Date('2026-11-20T02:00:00Z'));
    await ok(psm.as('am-li', 'ACCOUNT_MANAGER').do('registerLead', {
      title: '补录', customer: '常州汽配', contact: { name: '王工' }, need: 'one cell', channel: 'WEB', estimatedAmount: { amount: 10_000_000, currency: 'CNY' }, region: 'EAST', productLine: 'ROBOT_CELL',
    }) as Promise<GraphQLResponse>);
    psm.decideAt(undefined);
    await psm.caughtUp();
    const { data } = await psm.graphql('query { monthlyReportRestatement(month: "2026-11") { version differences { figure frozen now } } }', {}, director());
    expect(data.monthlyReportRestatement.differences).toEqual(expect.arrayContaining([{ figure: 'leads', frozen: 1, now: 2 }, { figure: 'leadsByChannel.WEB', frozen: 0, now: 1 }]));
    // as of the instant version 1 was prepared, nothing had changed yet
    const then = await psm.graphql('query($at: DateTime) { monthlyReportRestatement(month: "2026-11", asOf: $at) { differences { figure } } }', { at: preparedAt }, director());
    expect(then.data.monthlyReportRestatement.differences).toEqual([]);
    // the same as a spreadsheet: one row per figure that differs
    const csv = await (await fetch(`${psm.url}/reports/monthly-restatement.csv?month=2026-11`, { headers: { authorization: `Bearer ${director()}` } })).text();
    expect(csv.split('\n')).toEqual(expect.arrayContaining(['leads,1,2', 'leadsByChannel.WEB,0,1']));
    expect((await fetch(`${psm.url}/reports/monthly-restatement.csv?month=2026-01`, { headers: { authorization: `Bearer ${director()}` } })).status).toBe(404);
  });

  it('is read by the unit’s managers only', async () => {
    for (const [userId, role] of [['am-li', 'ACCOUNT_MANAGER'], ['sp-tang', 'SALES_PLANNER'], ['admin', 'ADMIN']] as Array<[string, Role]>) {
      const { errors } = await psm.graphql('{ monthlyReport(month: "2026-11") { status } }', {}, psm.tokenFor(userId, role));
      expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  describe('the quarterly analysis', () => {
    const q3 = ['2026-07', '2026-08', '2026-09'];
    const prepareQ3 = (token = director()) => send('prepareQuarterlyAnalysis', {
      quarter: '2026-Q3', analysis: '三季度信息登记偏少，需加强展会渠道',
      actions: [{ title: '华东区展会推广', ownerId: 'sp-tang', dueOn: '2026-10-20' }, { title: '老客户回访计划', ownerId: 'sp-tang', dueOn: '2027-01-31' }],
    }, token);

    it('is refused while a month of the quarter has no acknowledged report, naming the months', async () => {
      psm.decideAt(new Date('2026-10-05T02:00:00Z'));
      for (const month of q3.slice(0, 2)) {
        await ok(send('prepareMonthlyReport', { month, analysis: `${month} 分析` }, supervisor()));
        await ok(send('submitMonthlyReport', { month }, supervisor()));
      }
      await ok(send('acknowledgeMonthlyReport', { month: q3[0] }, director()));
      expect(await refused(() => prepareQ3())).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'REPORT_MONTHS_MISSING', missingMonths: ['2026-08', '2026-09'] });
    });

    it('is prepared by the director from the three acknowledged reports, against the previous quarter and a year before, with actions for 销售策划', async () => {
      await ok(send('acknowledgeMonthlyReport', { month: q3[1] }, director()));
      await ok(send('prepareMonthlyReport', { month: q3[2], analysis: '九月分析' }, supervisor()));
      await ok(send('submitMonthlyReport', { month: q3[2] }, supervisor()));
      await ok(send('acknowledgeMonthlyReport', { month: q3[2] }, director()));
      expect(await refused(() => prepareQ3(supervisor()))).toMatchObject({ domainCode: 'NOT_ALLOWED_FOR_ROLE' });
      const { events } = await ok(prepareQ3());
      psm.decideAt(undefined);
      expect(events[0].data).toMatchObject({
        quarter: '2026-Q3', reports: q3.map((month) => ({ month, version: 1 })),
        previousQuarter: { quarter: '2026-Q2', source: 'LIVE' }, sameQuarterLastYear: { quarter: '2025-Q3', source: 'LIVE' },
        actions: [{ action: 1, ownerId: 'sp-tang', dueOn: '2026-10-20' }, { action: 2, ownerId: 'sp-tang', dueOn: '2027-01-31' }],
      });
      await psm.caughtUp();
      const { data } = await psm.graphql('{ quarterlyAnalysisReport(quarter: "2026-Q3") { analysis preparedBy reports { month } actions { action status overdue } } }', {}, director());
      expect(data.quarterlyAnalysisReport).toMatchObject({ preparedBy: 'dir-zhu', actions: [{ action: 1, status: 'OPEN', overdue: true }, { action: 2, status: 'OPEN', overdue: false }] });
      expect(await refused(() => prepareQ3())).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    });

    it('shows each action in its owner’s work, overdue first, and lets only the owner move it on with a note, until done', async () => {
      const items = (await work(planner())).filter((item) => item.kind === 'FOLLOW_UP_ACTION');
      expect(items).toEqual([expect.objectContaining({ action: 1, overdue: true, period: '2026-Q3' }), expect.objectContaining({ action: 2, overdue: false })]);
      expect(await refused(() => send('updateFollowUpAction', { quarter: '2026-Q3', action: 1, status: 'DONE', note: 'x' }, psm.tokenFor('sp-other', 'SALES_PLANNER'))))
        .toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ACTION_OWNER' });
      expect(await refused(() => send('updateFollowUpAction', { quarter: '2026-Q3', action: 1, status: 'DONE', note: '' }, planner()))).toMatchObject({ domainCode: 'REASON_REQUIRED' });
      await ok(send('updateFollowUpAction', { quarter: '2026-Q3', action: 1, status: 'IN_PROGRESS', note: '已联系展会主办方' }, planner()));
      await ok(send('updateFollowUpAction', { quarter: '2026-Q3', action: 1, status: 'DONE', note: '展位已定' }, planner()));
      await psm.caughtUp();
      expect((await work(planner())).filter((item) => item.kind === 'FOLLOW_UP_ACTION').map((item) => item.action)).toEqual([2]);
      const mine = await psm.graphql('{ followUpActions { action status note history { status note by } } }', {}, planner());
      expect(mine.data.followUpActions[0]).toMatchObject({ action: 1, status: 'DONE', note: '展位已定', history: [{ status: 'IN_PROGRESS' }, { status: 'DONE', by: 'sp-tang' }] });
      // another planner sees none of them; the unit's managers see them all
      expect((await psm.graphql('{ followUpActions { action } }', {}, psm.tokenFor('sp-other', 'SALES_PLANNER'))).data.followUpActions).toEqual([]);
      expect((await psm.graphql('{ followUpActions(status: OPEN) { action } }', {}, director())).data.followUpActions).toEqual([{ action: 2 }]);
    });
  });
});
