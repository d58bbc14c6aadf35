import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { PROJECTIONS } from '../../projections/projections.js';
import { Projector } from '../../projections/runtime/projector.js';
import { rebuild, type RebuildOptions } from '../../projections/runtime/rebuild.js';
import { ManualClock } from '../../src/application/clock.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { demoSchedule } from '../../src/demo/demo-schedule.js';
import { commandSide, runSchedule } from '../../src/demo/run-schedule.js';
import { loadConfig } from '../../src/config/app-config.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import { projectEverything } from '../support/demo-world.js';
import { readModelHash } from '../support/read-model-hash.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const silent = pino({ level: 'silent' });

async function caughtUp(projector: Projector, events: EventStore): Promise<void> {
  const head = (await events.head())?.position;
  for (let i = 0; i < 500 && !projector.status().every((s) => s.checkpoint === head); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Rebuilds halfway through the demo history while the rest of it is written and the live projector keeps going. */
async function rebuildWhileServing(events: EventStore, reads: ReadStore, options: RebuildOptions): Promise<void> {
  const schedule = demoSchedule({ projects: 80, months: 6, seed: 5, end: new Date('2026-11-01T00:00:00Z') });
  const clock = new ManualClock(new Date());
  const { handler, others } = commandSide(events, new PolicyProvider(ENTERPRISE_STANDARD), clock);
  const projector = new Projector(PROJECTIONS, events, reads, silent);
  await projector.start();
  const half = Math.floor(schedule.length / 2);
  await runSchedule(handler, clock, schedule.slice(0, half), others);
  await caughtUp(projector, events);

  const boardBefore = await reads.count('pipeline_cards');
  expect(boardBefore).toBeGreaterThan(0);
  const [rebuilt] = await Promise.all([
    rebuild(PROJECTIONS, events, reads, silent, options),
    runSchedule(handler, clock, schedule.slice(half), others),
  ]);
  expect(rebuilt.every((result) => result.checkpoint !== undefined)).toBe(true);
  await caughtUp(projector, events);
  await projector.stop();
  expect(projector.status().map((s) => s.state)).toEqual(PROJECTIONS.map(() => 'STOPPED'));

  const fresh = new EmbeddedReadStore(':memory:');
  await projectEverything(events, fresh);
  expect(await readModelHash(reads)).toBe(await readModelHash(fresh));
  expect(await reads.count('pipeline_cards__rebuild')).toBe(0);
}

describe('rebuilding while the service runs', () => {
  it('swaps fresh read models in while events keep arriving and the live projector keeps going', async () => {
    await rebuildWhileServing(new InMemoryEventStore(projectUpcasters), new EmbeddedReadStore(':memory:'), {});
  }, 60_000);

  it('does so with the read models rebuilt on worker threads writing into the file the service keeps open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'psm-live-rebuild-'));
    const [events, reads] = [new SqliteEventStore(join(dir, 'events.db'), projectUpcasters), new EmbeddedReadStore(join(dir, 'read.db'))];
    try {
      await rebuildWhileServing(events, reads, { config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }) });
    } finally {
      await Promise.all([events.close(), reads.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
