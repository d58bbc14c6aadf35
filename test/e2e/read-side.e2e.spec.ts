import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

describe('projects, my work and win/loss over GraphQL', () => {
  let psm: PsmApp;
  let drive: ProcedureDriver;
  let won: string;
  let lost: string;
  let drafted: string;
  let month: string;


  beforeAll(async () => {
    psm = await PsmApp.start();
    drive = new ProcedureDriver(psm);
    drafted = await drive.toDraftedContract('contract d');
    won = await drive.toDraftedContract('contract w');
    await drive.countersignAll(won, 'contract w');
    await drive.signContract(won, 'contract w');
    lost = await drive.toQuotation();
    await drive.approveQuotation(lost, 90_000, ['tm-he', 'TECH_MANAGER']);
    await drive.ok(drive.am().do('chooseProcurement', { projectId: lost, method: 'TENDER' }));
    await drive.ok(psm.as('am-li', 'ACCOUNT_MANAGER').do('decideBid', { projectId: lost, decision: 'BID' }));
    await drive.ok(drive.am().do('recordBidStep', { projectId: lost, step: 'DOCUMENTS_PURCHASED', openingOn: '2099-01-20' }));
    await drive.ok(drive.am().do('evaluateTenderDocuments', { projectId: lost, findings: 'terms acceptable', evaluators: ['am-li'] }));
    await drive.ok(drive.am().do('decideBid', { projectId: lost, decision: 'BID' }));
    await drive.ok(psm.as('mk-zhou', 'MARKETING').do('recordBidStep', { projectId: lost, step: 'DOCUMENTS_CHECKED' }));
    await drive.ok(psm.as('mk-zhou', 'MARKETING').do('recordBidStep', { projectId: lost, step: 'DOCUMENTS_SEALED', delivery: 'COURIER' }));
    await drive.ok(drive.am().do('recordBidStep', { projectId: lost, step: 'BID_SUBMITTED', amount: cny(90_000) }));
    await drive.ok(drive.am().do('recordBidResult', {
      projectId: lost, result: 'LOST', winner: 'KUKA', winningPrice: cny(80_000), ourPrice: cny(90_000), reasons: ['PRICE'], competitors: ['ABB'],
    }));
    month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    await psm.caughtUp();
  });
  afterAll(() => psm.stop());

  it('lists projects, open or closed, with filters and pages', async () => {
    const token = psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
    const all = await psm.graphql('{ projects { total items { projectId stage open } } }', {}, token);
    expect(all.errors).toBeUndefined();
    expect(all.data.projects.total).toBe(3);
    const closed = await psm.graphql('{ projects(filter: { open: false }) { total items { projectId stage } } }', {}, token);
    expect(closed.data.projects.items.map((p: { projectId: string }) => p.projectId).sort()).toEqual([won, lost].sort());
    const page = await psm.graphql('{ projects(page: { offset: 1, limit: 1 }) { total items { projectId } } }', {}, token);
    expect(page.data.projects).toMatchObject({ total: 3, items: [expect.anything()] });
    const tooMany = await psm.graphql('{ projects(page: { limit: 1000 }) { total } }', {}, token);
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('my work: the next countersigner sees the contract waiting, by role', async () => {
    const { data } = await psm.graphql('{ myWork { projectId kind assigneeType assignee step } }', {}, psm.tokenFor('am-li', 'ACCOUNT_MANAGER'));
    // the owner's closed projects wait for their summaries too
    expect(data.myWork.filter((item: { kind: string }) => item.kind !== 'SUMMARY')).toEqual([{ projectId: drafted, kind: 'COUNTERSIGN', assigneeType: 'USER', assignee: 'am-li', step: 0 }]);
    await drive.ok(drive.am().do('countersign', { projectId: drafted, decision: 'SIGN', documentSha256: docOf('contract d').sha256 }));
    await psm.caughtUp();
    const marketing = await psm.graphql('{ myWork { projectId kind assigneeType assignee step } }', {}, psm.tokenFor('mk-zhou', 'MARKETING'));
    expect(marketing.data.myWork).toEqual([{ projectId: drafted, kind: 'COUNTERSIGN', assigneeType: 'ROLE', assignee: 'MARKETING', step: 1 }]);
    const other = await psm.graphql('{ myWork(userId: "mk-zhou") { kind } }', {}, psm.tokenFor('pe-wang', 'PRESALES_ENGINEER'));
    expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('my work: each item carries its project’s card, what the console sorts and links by (title, stage, due date, overdue)', async () => {
    const director = psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
    const { data } = await psm.graphql('{ pipelineBoard { cards { projectId title customer stage dueOn overdue amount { amount } } } }', {}, director);
    const card = data.pipelineBoard.flatMap((column: { cards: Array<{ projectId: string }> }) => column.cards).find((c: { projectId: string }) => c.projectId === drafted);
    const work = await psm.graphql('{ myWork { projectId project { projectId title customer stage dueOn overdue amount { amount } } } }', {}, psm.tokenFor('mk-zhou', 'MARKETING'));
    expect(work.errors).toBeUndefined();
    expect(work.data.myWork).toEqual([{ projectId: drafted, project: card }]);
    expect(card).toMatchObject({ title: expect.any(String), stage: 'PSM070_CONTRACT' });
  });

  it('win/loss analysis: win rate, bid hit rate, amounts, reasons and competitors', async () => {
    const { data, errors } = await psm.graphql(`query($m: String!) { winLossAnalysis(from: $m, to: $m, groupBy: PROCUREMENT_METHOD) {
      key closed won lost winRate bidsLost bidHitRate amountWon amountLost lossReasons { key count } competitorsMet { key count } } }`, { m: month }, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    expect(errors).toBeUndefined();
    expect(data.winLossAnalysis).toEqual([
      { key: 'NEGOTIATION', closed: 1, won: 1, lost: 0, winRate: 1, bidsLost: 0, bidHitRate: null, amountWon: 9_000_000, amountLost: 0, lossReasons: [], competitorsMet: [] },
      { key: 'TENDER', closed: 1, won: 0, lost: 1, winRate: 0, bidsLost: 1, bidHitRate: 0, amountWon: 0, amountLost: 9_000_000,
        lossReasons: [{ key: 'PRICE', count: 1 }], competitorsMet: [{ key: 'ABB', count: 1 }, { key: 'KUKA', count: 1 }] },
    ]);
  });

  it('an administrator rebuilds the read models while they keep being served; others may not', async () => {
    const board = '{ pipelineBoard { stage count amount cards { projectId stage } } }';
    const director = psm.tokenFor('dir-sun', 'SALES_DIRECTOR');
    const before = await psm.graphql(board, {}, director);
    const refused = await psm.graphql('mutation { rebuildReadModels { name } }', {}, director);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await psm.graphql('mutation { rebuildReadModels(names: ["nope"]) { name } }', {}, psm.tokenFor('root', 'ADMIN'));
    expect(unknown.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const { data, errors } = await psm.graphql('mutation { rebuildReadModels { name checkpoint seconds } }', {}, psm.tokenFor('root', 'ADMIN'));
    expect(errors).toBeUndefined();
    expect(data.rebuildReadModels.map((r: { name: string }) => r.name)).toContain('pipeline-board');
    expect((await psm.graphql(board, {}, director)).data).toEqual(before.data);
  });
});
