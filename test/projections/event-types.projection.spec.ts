import { PROJECTIONS } from '../../projections/projections.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { seed } from '../support/demo-world.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

describe('the event types a read model declares it folds', () => {
  let log: StoredEvent[];
  beforeAll(async () => {
    const events = new InMemoryEventStore(projectUpcasters);
    await seed(events, { projects: 120, months: 24, seed: 11, end: new Date('2026-11-01T00:00:00Z') });
    log = await events.readAll({ limit: 1_000_000 });
  }, 60_000);

  it.each(PROJECTIONS.filter((projection) => projection.eventTypes).map((projection) => [projection.name, projection] as const))(
    '%s changes nothing for any other event of a demo history, so a reader may skip them',
    (_name, projection) => {
      const declared = new Set(projection.eventTypes);
      const folded = new Set(log.filter((event) => projection.project(event).length > 0).map((event) => event.type));
      const skipped = log.filter((event) => !declared.has(event.type));
      expect([...folded].filter((type) => !declared.has(type))).toEqual([]);
      // the history has events of other types to skip, and of most declared types to fold
      expect(skipped.length).toBeGreaterThan(0);
      expect(folded.size).toBeGreaterThan(declared.size / 2);
    },
  );
});
