import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { stageEnteredBy } from '../../../src/domain/project/stage-of.js';
import { evolve, initialState } from '../../../src/domain/project/state.js';
import { history, tendering, won } from './fixtures.js';

describe('stage changes', () => {
  const terminated: ProjectEvent[] = [...history('REVIEW'), { type: 'ProjectTerminated', data: { decidedBy: 'd' } }];
  const noBid: ProjectEvent[] = [...tendering(), { type: 'BidDecided', data: { decision: 'NO_BID', reason: 'x', decidedBy: 'd' } }];

  it.each([['won', won()], ['no-bid', noBid], ['terminated', terminated]])('the stage an event enters is where evolve arrives (%s)', (_, path) => {
    let state = initialState();
    for (const event of path) {
      const before = state.stage;
      state = evolve(state, event);
      expect(stageEnteredBy(event) ?? before).toBe(state.stage);
    }
  });
});
