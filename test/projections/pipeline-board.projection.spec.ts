import { PIPELINE_CARDS, pipelineBoardProjection } from '../../projections/pipeline-board/pipeline-board.projection.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { cny, countersigned, history, PROJECT, tendering, won } from '../unit/domain/fixtures.js';
import { projectAll, storedEvents } from '../support/stored-events.js';

const card = async (events: ProjectEvent[]) => {
  const reads = await projectAll(pipelineBoardProjection, storedEvents(PROJECT, events));
  return reads.findOne(PIPELINE_CARDS, { _id: PROJECT });
};

describe('pipeline board projection', () => {
  it('a registered lead is a card in LEAD with its estimate and next step', async () => {
    expect(await card(history('QUALIFIED'))).toMatchObject({
      projectId: PROJECT, stage: 'LEAD', open: true, customer: '苏州精工机械有限公司', ownerId: 'am-li', region: 'EAST',
      productLine: 'ROBOT_CELL', amount: cny(800_000), projectClass: null, nextStep: '筛选 screen the lead', stageEnteredAt: '2026-11-02T02:00:00.000Z',
    });
  });

  it('follows the stages, the class, the quotation amount and the open clocks', async () => {
    expect(await card(history('REVIEW'))).toMatchObject({
      stage: 'PSM030_SOLUTION', projectClass: 'GENERAL', stageEnteredAt: '2026-11-05T02:00:00.000Z',
      deadlines: { SOLUTION: { kind: 'SOLUTION', dueAt: '2026-11-27T16:00:00.000Z', overdueAt: '2026-11-27T16:00:00.000Z', waitingFor: [] } },
    });
    const quoted = await card(history('APPROVED'));
    expect(quoted).toMatchObject({ stage: 'PSM040_QUOTATION', amount: cny(90_000), deadlines: {} });
    expect(await card(countersigned())).toMatchObject({ stage: 'PSM070_CONTRACT', open: true });
  });

  it('a project raised to MAJOR by its quotation shows its new class', async () => {
    const raised: ProjectEvent[] = [...history('QUOTED'),
      { type: 'ProjectClassRaised', data: { from: 'GENERAL', to: 'MAJOR', reason: 'QUOTATION_ABOVE_THRESHOLD', amount: cny(6_000_000) } }];
    expect(await card(raised)).toMatchObject({ projectClass: 'MAJOR' });
  });

  it('a closed project leaves the open board with its outcome', async () => {
    expect(await card(won())).toMatchObject({ stage: 'WON', open: false, nextStep: null, amount: cny(90_000) });
    const noBid: ProjectEvent[] = [...tendering(), { type: 'BidDecided', data: { decision: 'NO_BID', reason: 'x', decidedBy: 'd' } }];
    expect(await card(noBid)).toMatchObject({ stage: 'CLOSED', open: false });
  });

  it('a redelivered event changes nothing', async () => {
    const events = storedEvents(PROJECT, history('APPROVED'));
    const once = await projectAll(pipelineBoardProjection, events);
    const twice = await projectAll(pipelineBoardProjection, [...events, ...events.slice(-3)]);
    expect(await twice.find(PIPELINE_CARDS)).toEqual(await once.find(PIPELINE_CARDS));
  });

  it('ignores streams that are not projects', async () => {
    const [event] = storedEvents(PROJECT, history('QUALIFIED'));
    const reads = await projectAll(pipelineBoardProjection, [{ ...event, stream: 'other-1' }]);
    expect(await reads.count(PIPELINE_CARDS)).toBe(0);
  });
});
