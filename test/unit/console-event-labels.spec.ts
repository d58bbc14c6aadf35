import { EVENT_LABELS } from '../../src/application/audit/event-labels.js';
import { EVENT_TYPES } from '../../web/src/features/history/event-labels.js';

describe('the history screen’s names of events', () => {
  it('are the server’s, every event type in Chinese as EVENT_LABELS says, with an English name beside it', () => {
    expect(Object.fromEntries(Object.entries(EVENT_TYPES).map(([type, { zh }]) => [type, zh]))).toEqual(EVENT_LABELS);
    expect(Object.values(EVENT_TYPES).filter(({ en }) => !en.trim())).toEqual([]);
  });
});
