import { EVENT_STORE, type EventStore } from '../../../src/event-store/event-store.port.js';
import { DEMO, seed } from '../../support/demo-world.js';
import { PsmApp } from '../../support/psm-app.js';
import type { DemoOptions } from '../../../src/demo/demo-schedule.js';

/** The service in development (the embedded default) on 100 projects of the demo history (or as `history` says), read models caught up. */
export async function seededService(history: Partial<DemoOptions> = {}): Promise<PsmApp> {
  // a page load is many requests from one address: the rate limit is not what these tests are about
  const psm = await PsmApp.start({ RATE_LIMIT_MAX: '100000' });
  await seed(psm.app.get<EventStore>(EVENT_STORE), { ...DEMO, projects: 100, ...history });
  await psm.caughtUp();
  return psm;
}
