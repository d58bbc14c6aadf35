import { randomUUID } from 'node:crypto';
import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

const DAY = 86_400_000;
/** The Shanghai month of an instant at the end of a day. */
const monthOf = (instant: string) => new Date(Date.parse(instant) - 1 + 8 * 3600_000).toISOString().slice(0, 7);

describe('time limits (SLA): a late step on the board, in my work and in the monthly report, never refused', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  const projectId = randomUUID();
  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
    // the exchange was recorded a month ago: the solution's limit, tolerance included, has run out
    psm.decideAt(new Date(Date.now() - 30 * DAY));
    await drive.ok(drive.am().do('registerLead', {
      projectId, title: '单机设备', customer: '苏州精工', contact: { name: '陈工' }, need: 'one press',
      channel: 'PHONE', estimatedAmount: cny(300_000), region: 'EAST', productLine: 'SINGLE_EQUIPMENT',
    }));
    await drive.ok(psm.as('sup-zhao', 'SALES_SUPERVISOR').do('screenLead', { projectId, decision: 'QUALIFY' }));
    await drive.ok(psm.as('dir-sun', 'SALES_DIRECTOR').do('approveProject', {
      projectId, sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2026-12-15' }], presalesBudget: cny(20_000),
    }));
    await drive.ok(psm.as('pe-wang', 'PRESALES_ENGINEER').do('recordExchange', { projectId, summary: 'memo', surveyNeeded: false }));
    psm.decideAt(undefined);
    await psm.caughtUp();
  });
  afterAll(() => psm.stop());

  it('the card shows the open clock, due, overdue and whom it waits for; my work lists it first, overdue; a late solution is accepted; the month counts it per person and kind', async () => {
    const director = psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
    const board = await psm.graphql('{ pipelineBoard(cardsPerColumn: 20) { cards { projectId dueOn overdue deadlines { kind dueAt overdueAt overdue waitingFor { userId role } } } } }', {}, director);
    expect(board.errors).toBeUndefined();
    const card = board.data.pipelineBoard.flatMap((column: { cards: unknown[] }) => column.cards).find((c: { projectId: string }) => c.projectId === projectId);
    expect(card).toMatchObject({ overdue: true, deadlines: [{ kind: 'SOLUTION', overdue: true, waitingFor: [{ userId: 'pe-wang', role: null }] }] });
    const [solution] = card.deadlines;
    expect(solution.overdueAt > solution.dueAt).toBe(true);
    expect(card.dueOn).toBe(new Date(Date.parse(solution.dueAt) - 1 + 8 * 3600_000).toISOString().slice(0, 10));

    const work = await psm.graphql('{ myWork { projectId kind assigneeType assignee dueAt overdue } }', {}, psm.tokenFor('pe-wang', 'PRESALES_ENGINEER'));
    expect(work.data.myWork).toEqual([{ projectId, kind: 'SOLUTION', assigneeType: 'USER', assignee: 'pe-wang', dueAt: solution.dueAt, overdue: true }]);

    await drive.ok(psm.as('pe-wang', 'PRESALES_ENGINEER').do('submitSolution', { projectId, document: docOf('solution v1') }));
    await psm.caughtUp();
    const month = monthOf(solution.overdueAt);
    const report = await psm.graphql(`query($month: String!) { monthlyStatistics(month: $month, groupBy: OWNER) {
      rows { value overdueSteps overdueByKind { key count } overdueByPerson { key count } } } }`, { month }, director);
    expect(report.errors).toBeUndefined();
    expect(report.data.monthlyStatistics.rows).toContainEqual({
      value: 'am-li', overdueSteps: 1, overdueByKind: [{ key: 'SOLUTION', count: 1 }], overdueByPerson: [{ key: 'pe-wang', count: 1 }],
    });
    const csv = await (await fetch(`${psm.url}/reports/monthly.csv?month=${month}`, { headers: { authorization: `Bearer ${director}` } })).text();
    expect(csv).toContain('逾期按时限 overdueByKind');
    expect(csv).toContain('SOLUTION:1');
    expect(csv).toContain('pe-wang:1');
  });
});
