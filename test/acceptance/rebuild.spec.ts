import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { PROJECTIONS } from '../../projections/projections.js';
import { Projector } from '../../projections/runtime/projector.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { DEMO, projectEverything, seed } from '../support/demo-world.js';
import { readModelHash } from '../support/read-model-hash.js';
import { Random } from '../../src/demo/random.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const CHILD = join(import.meta.dirname, '../reliability/projector-all.child.mjs');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rebuilding the read models', () => {
  let dir: string;
  let events: SqliteEventStore;
  let rebuilt: string;
  let incremental: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'psm-rebuild-'));
    events = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
    // incrementally: the projector runs while the history is being written
    const live = new EmbeddedReadStore(join(dir, 'live.db'));
    const projector = new Projector(PROJECTIONS, events, live, pino({ level: 'silent' }));
    await projector.start();
    await seed(events, { ...DEMO, projects: 150 });
    const head = (await events.head())?.position;
    for (let i = 0; i < 2000 && !projector.status().every((s) => s.checkpoint === head); i++) await sleep(10);
    await projector.stop();
    incremental = await readModelHash(live);
    await live.close();
    // from scratch, over the finished log
    const fresh = new EmbeddedReadStore(':memory:');
    await projectEverything(events, fresh);
    rebuilt = await readModelHash(fresh);
  }, 120_000);
  afterAll(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('from scratch gives documents identical to the ones built incrementally', () => {
    expect(rebuilt).toBe(incremental);
  });

  it('gives the same documents after the projector is killed (SIGKILL) at random points 10 times and restarted', async () => {
    const readFile = join(dir, 'killed.db');
    const head = Number((await events.head())!.position);
    const random = new Random(3);
    const behindAtKill: number[] = [];
    for (let kill = 0; kill < 10; kill++) {
      const child = spawn(process.execPath, [CHILD, join(dir, 'events.db'), readFile], { stdio: ['ignore', 'pipe', 'inherit'] });
      for await (const line of createInterface({ input: child.stdout! })) if (line === 'ready') break;
      await sleep(random.int(0, 60));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const db = new Database(readFile, { readonly: true });
      const checkpoints = db.prepare('SELECT position FROM checkpoints').pluck().all() as string[];
      db.close();
      behindAtKill.push(PROJECTIONS.length - checkpoints.filter((position) => Number(position) === head).length);
    }
    // most kills interrupted projections in the middle of the log
    expect(behindAtKill.filter((behind) => behind > 0).length).toBeGreaterThanOrEqual(5);
    const survivor = new EmbeddedReadStore(readFile);
    await projectEverything(events, survivor);
    expect(await readModelHash(survivor)).toBe(rebuilt);
    await survivor.close();
  }, 120_000);
});
