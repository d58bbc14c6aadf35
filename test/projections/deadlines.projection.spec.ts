import { WORK_ITEMS, myWorkProjection } from '../../projections/my-work/my-work.projection.js';
import { PIPELINE_CARDS, pipelineBoardProjection } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { DUE_STEPS, stageHistoryProjection } from '../../projections/stage-history/stage-history.projection.js';
import { PeriodReport } from '../../projections/monthly-statistics/period-report.js';
import type { ProjectCommand } from '../../src/domain/project/commands.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import type { Role } from '../../src/domain/project/vocabulary.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { as, given } from '../unit/domain/given-when-then.js';
import { AM, cny, contracting, doc, ENGINEER, history, negotiating, PROJECT } from '../unit/domain/fixtures.js';
import { projectAll, storedEvents } from '../support/stored-events.js';

/** The history with the events these commands decide (at 2026-11-24, enterprise-standard), one after another. */
function decided(history: ProjectEvent[], ...steps: Array<[ProjectCommand, string, ...Role[]]>): ProjectEvent[] {
  return steps.reduce((events, [command, userId, ...roles]) => [...events, ...given(events).when(command, as(userId, ...roles)).events()], history);
}
const withDimensions = (events: StoredEvent[]) =>
  events.map((event) => ({ ...event, metadata: { ...event.metadata, dimensions: { ownerId: AM, region: 'EAST', productLine: 'ROBOT_CELL', projectClass: 'GENERAL', businessUnit: null } } }));

async function readModels(events: StoredEvent[]) {
  const reads = new EmbeddedReadStore(':memory:');
  for (const projection of [stageHistoryProjection, pipelineBoardProjection, myWorkProjection]) await projectAll(projection, events, reads);
  return reads;
}

const exchange: [ProjectCommand, string, Role] = [{ type: 'RecordExchange', data: { summary: 'memo', surveyNeeded: false } }, ENGINEER, 'PRESALES_ENGINEER'];
const solution: [ProjectCommand, string, Role] = [{ type: 'SubmitSolution', data: { document: doc('solution') } }, ENGINEER, 'PRESALES_ENGINEER'];

describe('SLA clocks on the read side', () => {
  it('a solution counts overdue only after its tolerance: late within it is on time, later is overdue, and never refused', async () => {
    // due Friday 2026-11-27, overdue after Tuesday 2026-12-01 (2 working days' tolerance)
    const events = decided(history('PSM030'), exchange, solution);
    const at = (submittedOn: string) => withDimensions(storedEvents(PROJECT, events, new Date(Date.parse(`${submittedOn}T02:00:00Z`) - (events.length - 1) * 86_400_000).toISOString()));
    const report = async (submittedOn: string) => (await new PeriodReport(await readModels(at(submittedOn))).rows(['2026-12'], 'all', null, new Date('2026-12-15T00:00:00Z')))[0];
    expect(await report('2026-11-30')).toBeUndefined();
    expect(await report('2026-12-03')).toMatchObject({ overdueSteps: 1, overdueByKind: { SOLUTION: 1 }, overdueByPerson: { u: 1 } });
  });

  it('a solution request waits on the card and in the technical team\'s work until it is answered', async () => {
    const request: [ProjectCommand, string, Role] = [{ type: 'RequestSolution', data: { need: 'two welding cells' } }, AM, 'ACCOUNT_MANAGER'];
    const requested = await readModels(withDimensions(storedEvents(PROJECT, decided(history('PSM030'), request))));
    expect(Object.keys((await requested.findOne(PIPELINE_CARDS, { _id: PROJECT }))!.deadlines as object)).toEqual(['SOLUTION_REQUEST']);
    expect((await requested.find(WORK_ITEMS, {}, { sort: { assignee: 1 } })).map(({ kind, assignee, dueAt }) => [kind, assignee, dueAt]))
      .toEqual([['SOLUTION_REQUEST', 'PRESALES_ENGINEER', '2026-11-25T16:00:00.000Z'], ['SOLUTION_REQUEST', 'TECH_MANAGER', '2026-11-25T16:00:00.000Z']]);
    const answer: [ProjectCommand, string, Role] = [{ type: 'AnswerSolutionRequest', data: { willMake: true } }, ENGINEER, 'PRESALES_ENGINEER'];
    const answered = await readModels(withDimensions(storedEvents(PROJECT, decided(history('PSM030'), request, answer))));
    expect((await answered.findOne(PIPELINE_CARDS, { _id: PROJECT }))!.deadlines).toEqual({});
    expect(await answered.find(WORK_ITEMS, {})).toEqual([]);
    expect(await answered.findOne(DUE_STEPS, { kind: 'SOLUTION_REQUEST' })).toMatchObject({ doneBy: 'u' });
  });

  it('a contract review waits for the whole countersign chain: the last countersign stops it', async () => {
    const draft: [ProjectCommand, string, Role] = [{ type: 'DraftContract', data: { document: doc('contract'), amount: cny(90_000), extraSigners: [], signingOnSite: true } }, AM, 'ACCOUNT_MANAGER'];
    const sign = (userId: string, role: Role): [ProjectCommand, string, Role] => [{ type: 'Countersign', data: { decision: 'SIGN', documentSha256: doc('contract').sha256 } }, userId, role];
    const twoSigned = decided(contracting(), draft, sign(AM, 'ACCOUNT_MANAGER'), sign('mk-zhou', 'MARKETING'));
    let reads = await readModels(withDimensions(storedEvents(PROJECT, twoSigned)));
    expect(await reads.findOne(DUE_STEPS, { kind: 'CONTRACT_REVIEW' })).toMatchObject({ stoppedAt: null, dueAt: '2026-11-24T04:00:00.000Z' });
    expect(await reads.findOne(PIPELINE_CARDS, { _id: PROJECT })).toHaveProperty('deadlines.CONTRACT_REVIEW.dueAt', '2026-11-24T04:00:00.000Z');
    expect(await reads.findOne(WORK_ITEMS, { kind: 'COUNTERSIGN', active: true })).toMatchObject({ assignee: 'BU_GENERAL_MANAGER', dueAt: '2026-11-24T04:00:00.000Z' });
    reads = await readModels(withDimensions(storedEvents(PROJECT, decided(twoSigned, sign('gm-qian', 'BU_GENERAL_MANAGER')))));
    expect(await reads.findOne(DUE_STEPS, { kind: 'CONTRACT_REVIEW' })).toMatchObject({ doneBy: 'u', stoppedAt: expect.any(String) });
    expect(await reads.findOne(PIPELINE_CARDS, { _id: PROJECT })).toHaveProperty('deadlines', {});
  });

  it('a close lapses the open clocks and starts the owner\'s summary, in my work until the summary is written', async () => {
    const terminated = decided(history('PSM030'), exchange,
      [{ type: 'RequestTermination', data: { reason: 'budget frozen' } }, AM, 'ACCOUNT_MANAGER'],
      [{ type: 'DecideTermination', data: { approve: true } }, 'dir-sun', 'SALES_DIRECTOR']);
    const reads = await readModels(withDimensions(storedEvents(PROJECT, terminated)));
    const clocks = await reads.find(DUE_STEPS, {}, { sort: { kind: 1 } });
    expect(clocks.map(({ kind, stoppedAt, doneBy }) => [kind, stoppedAt === null, doneBy])).toEqual([['SOLUTION', false, undefined], ['SUMMARY', true, undefined]]);
    expect(Object.keys((await reads.findOne(PIPELINE_CARDS, { _id: PROJECT }))!.deadlines as object)).toEqual(['SUMMARY']);
    expect(await reads.find(WORK_ITEMS, {})).toMatchObject([{ kind: 'SUMMARY', assigneeType: 'USER', assignee: AM, dueAt: '2026-12-01T16:00:00.000Z' }]);
    const summarized = decided(terminated, [{ type: 'SummarizeProject', data: { reasons: ['BUDGET_CUT'], text: 'budget frozen' } }, AM, 'ACCOUNT_MANAGER']);
    const after = await readModels(withDimensions(storedEvents(PROJECT, summarized)));
    expect(await after.find(WORK_ITEMS, {})).toEqual([]);
    expect(await after.findOne(DUE_STEPS, { kind: 'SUMMARY' })).toMatchObject({ doneBy: 'u' });
  });

  it('a redelivered event that stops one clock and starts the next leaves the new one running', async () => {
    const submit: [ProjectCommand, string, Role] = [{ type: 'SubmitTechnicalAgreement', data: { document: doc('agreement') } }, ENGINEER, 'PRESALES_ENGINEER'];
    const resubmit: [ProjectCommand, string, Role] = [{ type: 'SubmitTechnicalAgreement', data: { document: doc('agreement', 2) } }, ENGINEER, 'PRESALES_ENGINEER'];
    const events = withDimensions(storedEvents(PROJECT, decided(negotiating(), submit, resubmit)));
    const reads = await readModels([...events, events[events.length - 1]]);
    const clocks = await reads.find(DUE_STEPS, { kind: 'AGREEMENT_REVIEW' }, { sort: { revision: 1 } });
    expect(clocks.map(({ stoppedAt }) => stoppedAt === null)).toEqual([false, true]);
  });
});
