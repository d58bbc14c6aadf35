import { WORK_ITEMS, myWorkProjection } from '../../projections/my-work/my-work.projection.js';
import { PIPELINE_CARDS, pipelineBoardProjection } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { AMOUNT_HISTORY, stageHistoryProjection } from '../../projections/stage-history/stage-history.projection.js';
import { WIN_LOSS, winLossProjection } from '../../projections/win-loss/win-loss.projection.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { agreementPassed, cny, doc, drafted, history, PROJECT } from '../unit/domain/fixtures.js';
import { projectAll, storedEvents } from '../support/stored-events.js';

/** Events that correct what an earlier stage established: the read models follow the correction. */
describe('out-of-stage corrections', () => {
  const requoted: ProjectEvent[] = [
    ...agreementPassed(),
    { type: 'QuotationSubmitted', data: { version: 2, amount: cny(95_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } },
  ];

  it('a new quotation during negotiation changes the card’s amount and asks for approval again', async () => {
    expect(await (await projectAll(pipelineBoardProjection, storedEvents(PROJECT, requoted))).findOne(PIPELINE_CARDS, { _id: PROJECT }))
      .toMatchObject({ stage: 'PSM060_NEGOTIATION', amount: cny(95_000) });
    const work = await projectAll(myWorkProjection, storedEvents(PROJECT, requoted));
    expect(await work.find(WORK_ITEMS, { kind: 'QUOTATION_APPROVAL' })).toEqual([expect.objectContaining({ assignee: 'TECH_MANAGER', version: 2 })]);
    const amounts = await (await projectAll(stageHistoryProjection, storedEvents(PROJECT, requoted))).find(AMOUNT_HISTORY, {}, { sort: { at: 1 } });
    expect(amounts.map((entry) => entry.amount)).toEqual([cny(800_000), cny(90_000), cny(95_000)]);
  });

  it('a new solution version waits for its organisers, then replaces the open review’s reviewers, and the failed review counts', async () => {
    const resubmitted: ProjectEvent[] = [
      ...history('PSM040'),
      { type: 'ReviewVoteCast', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-1', vote: 'REJECT', comments: 'x', documentSha256: doc('solution').sha256 } },
      { type: 'ReviewFailed', data: { subject: 'SOLUTION', version: 1, reviewerId: 'rv-1', comments: 'x' } },
      { type: 'SolutionSubmitted', data: { version: 2, document: doc('solution', 2), authorId: 'pe-wang', organisers: ['MARKETING'] } },
    ];
    const awaiting = await projectAll(myWorkProjection, storedEvents(PROJECT, resubmitted));
    expect(await awaiting.find(WORK_ITEMS)).toEqual([expect.objectContaining({ kind: 'CONVENE_REVIEW', assigneeType: 'ROLE', assignee: 'MARKETING', version: 2 })]);
    resubmitted.push({ type: 'ReviewConvened', data: { subject: 'SOLUTION', version: 2, reviewers: ['rv-7'], approvalsNeeded: 1, convenedBy: 'mk-zhou' } });
    const work = await projectAll(myWorkProjection, storedEvents(PROJECT, resubmitted));
    expect(await work.find(WORK_ITEMS)).toEqual([expect.objectContaining({ kind: 'REVIEW', assignee: 'rv-7', version: 2 })]);
    expect(await (await projectAll(winLossProjection, storedEvents(PROJECT, resubmitted))).findOne(WIN_LOSS, { _id: PROJECT })).toMatchObject({ failedReviews: 1 });
  });

  it('a countersign rejection clears the chain; the new draft starts it again at the preparer', async () => {
    const redrafted: ProjectEvent[] = [
      ...drafted(),
      { type: 'ContractCountersigned', data: { version: 1, step: 0, signerId: 'am-li', role: 'ACCOUNT_MANAGER', documentSha256: doc('contract').sha256 } },
      { type: 'CountersignRejected', data: { version: 1, step: 1, signerId: 'mk', role: 'MARKETING', comments: 'terms' } },
    ];
    expect(await (await projectAll(myWorkProjection, storedEvents(PROJECT, redrafted))).count(WORK_ITEMS)).toBe(0);
    const again: ProjectEvent[] = [...redrafted, {
      type: 'ContractDrafted',
      data: { version: 2, document: doc('contract', 2), amount: cny(90_000), quotationVersion: 1, chain: [{ role: 'ACCOUNT_MANAGER', userId: 'am-li' }, { role: 'MARKETING' }, { role: 'BU_GENERAL_MANAGER' }] },
    }];
    const work = await projectAll(myWorkProjection, storedEvents(PROJECT, again));
    expect(await work.find(WORK_ITEMS, { active: true })).toEqual([expect.objectContaining({ kind: 'COUNTERSIGN', assignee: 'am-li', step: 0, version: 2 })]);
    expect(await work.count(WORK_ITEMS)).toBe(3);
  });
});
