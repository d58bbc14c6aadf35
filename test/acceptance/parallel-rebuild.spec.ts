import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { PIPELINE_CARDS } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { PROJECTIONS } from '../../projections/projections.js';
import { checkpointKey } from '../../projections/runtime/projection.js';
import { rebuild, spread } from '../../projections/runtime/rebuild.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { EventMetadata } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { DEMO, projectEverything, seed } from '../support/demo-world.js';
import { readModelHash } from '../support/read-model-hash.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const silent = pino({ level: 'silent' });

describe('rebuilding the read models on worker threads (embedded stores in DATA_DIR)', () => {
  let dir: string;
  let config: AppConfig;
  let events: SqliteEventStore;
  let reads: EmbeddedReadStore;
  let projectedInOneThread: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'psm-parallel-rebuild-'));
    config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    events = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
    await seed(events, { ...DEMO, projects: 150 });
    const fresh = new EmbeddedReadStore(':memory:');
    await projectEverything(events, fresh);
    projectedInOneThread = await readModelHash(fresh);
    reads = new EmbeddedReadStore(join(dir, 'read.db'));
  }, 120_000);
  afterAll(async () => {
    await Promise.all([events.close(), reads.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives read models identical to the ones one thread projects, up to the head, kept in the file', async () => {
    const rebuilt = await rebuild(PROJECTIONS, events, reads, silent, { config });
    const head = (await events.head())!.position;
    expect(rebuilt.map(({ name, checkpoint }) => [name, checkpoint])).toEqual(PROJECTIONS.map(({ name }) => [name, head]));
    expect(await readModelHash(reads)).toBe(projectedInOneThread);
    expect(await reads.count('pipeline_cards__rebuild')).toBe(0);
    const reopened = new EmbeddedReadStore(join(dir, 'read.db'));
    expect(await readModelHash(reopened)).toBe(projectedInOneThread);
    await reopened.close();
  }, 120_000);

  it('fails, rather than waiting, when a worker cannot run (a read model it does not know)', async () => {
    const unknown = { name: 'not-a-read-model', collections: [], project: () => [] };
    await expect(rebuild([unknown], events, reads, silent, { config })).rejects.toThrow('unknown read model: not-a-read-model');
  }, 60_000);

  it('fails naming the read model, the event and the error when a worker cannot project an event, leaving that read model as it was and swapping the others in', async () => {
    const cards = () => reads.find(PIPELINE_CARDS, {}, { sort: { _id: 1 } });
    const before = await cards();
    const checkpoints = Object.fromEntries(await Promise.all(PROJECTIONS.map(async (projection) => [projection.name, await reads.checkpoint(checkpointKey(projection))])));
    // a lead's evaluation written without its data, which the board reads (no other read model folds an evaluation): the error is the TypeError met
    const metadata = { actor: { userId: 'u', roles: [] }, commandId: randomUUID(), correlationId: 'c', causationId: 'c', schemaVersion: 1 } as EventMetadata;
    await events.append(`project-${randomUUID()}`, [{ id: randomUUID(), type: 'LeadEvaluated', data: null as unknown as Record<string, unknown>, metadata }], 'NO_STREAM');
    await expect(rebuild(PROJECTIONS, events, reads, silent, { config })).rejects.toThrow(
      new RegExp(`^rebuild of pipeline-board stopped at LeadEvaluated \\(${(await events.head())!.position}\\): Cannot .* null`),
    );
    expect(await cards()).toEqual(before);
    // the read models folded beside it on its thread are left too; those of the other threads are swapped in
    const beside = spread(PROJECTIONS, Math.min(availableParallelism(), PROJECTIONS.length)).find((group) => group.some(({ name }) => name === 'pipeline-board'))!;
    const head = (await events.head())!.position;
    for (const projection of PROJECTIONS) {
      const { name } = projection;
      expect([name, await reads.checkpoint(checkpointKey(projection))]).toEqual([name, beside.some((projection) => projection.name === name) ? checkpoints[name] : head]);
    }
  }, 120_000);
});
