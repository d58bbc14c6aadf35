import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore, type SetAside } from '../../src/read-store/embedded/embedded.read-store.js';
import { READ_STORE, type ReadStore } from '../../src/read-store/read-store.port.js';
import { PROJECTIONS } from '../../projections/projections.js';
import { checkpointKey } from '../../projections/runtime/projection.js';
import { DEMO, projectEverything, seed } from '../support/demo-world.js';
import { readModelHash } from '../support/read-model-hash.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const PAGE = 4096;

/** Ways a read.db is found damaged with the service stopped. */
const DAMAGE: Record<string, (file: string) => void> = {
  'garbage over the whole file': (file) => writeFileSync(file, Buffer.alloc(statSync(file).size, 0x5a)),
  'a page of the documents overwritten': (file) => {
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 3 * PAGE, 4 * PAGE);
    writeFileSync(file, bytes);
  },
  // a collection kept in memory: those kept on disk (large) have indexes on their JSON, and SQLite refuses to store a body that is not
  'a document body that is not JSON': (file) => {
    const db = new Database(file);
    db.prepare("UPDATE documents SET body = '{\"stage\": \"LEA' WHERE collection = 'pipeline_cards' AND id = (SELECT id FROM documents WHERE collection = 'pipeline_cards' LIMIT 1)").run();
    db.close();
  },
};

/** The service on a data directory, until its read models hold the whole log; then stopped. */
async function runServiceUntilCaughtUp(dir: string): Promise<{ hash: string; fresh: string }> {
  const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  await app.init();
  const events = app.get<EventStore>(EVENT_STORE);
  const reads = app.get<ReadStore>(READ_STORE);
  const head = (await events.head())!.position;
  for (let i = 0; i < 1000 && (await Promise.all(PROJECTIONS.map((projection) => reads.checkpoint(checkpointKey(projection))))).some((checkpoint) => checkpoint !== head); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const hash = await readModelHash(reads);
  // a fresh projection of the same log, in memory, beside the service's
  const scratch = new EmbeddedReadStore(':memory:');
  await projectEverything(events, scratch);
  const fresh = await readModelHash(scratch);
  await scratch.close();
  await app.close();
  return { hash, fresh };
}

describe('a damaged read-model file found at start', () => {
  let clean: string;
  let built: { hash: string; fresh: string };
  beforeAll(async () => {
    clean = mkdtempSync(join(tmpdir(), 'psm-damaged-'));
    const events = new SqliteEventStore(join(clean, 'events.db'), projectUpcasters);
    await seed(events, { ...DEMO, projects: 30, months: 4 });
    await events.close();
    built = await runServiceUntilCaughtUp(clean);
  }, 60_000);
  afterAll(() => rmSync(clean, { recursive: true, force: true }));

  it.each(Object.entries(DAMAGE))('%s: set aside, not deleted, and the read models rebuilt from the log', async (_, damage) => {
    expect(built.hash).toBe(built.fresh);
    const dir = mkdtempSync(join(tmpdir(), 'psm-damaged-'));
    try {
      cpSync(clean, dir, { recursive: true });
      const file = join(dir, 'read.db');
      damage(file);
      const damaged = readFileSync(file);
      const logBefore = readFileSync(join(dir, 'events.db'));

      const { hash, fresh } = await runServiceUntilCaughtUp(dir);
      expect(hash).toBe(fresh);
      expect(hash).toBe(built.hash);
      const setAside = readdirSync(dir).filter((name) => /^read\.db\.damaged-[\dTZ-]+$/.test(name));
      expect(setAside).toHaveLength(1);
      expect(readFileSync(join(dir, setAside[0])).equals(damaged)).toBe(true);
      expect(readFileSync(join(dir, 'events.db')).equals(logBefore)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the embedded read store opening a damaged file', () => {
  it('tells the operator which file it set aside and why, and starts empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'psm-damaged-'));
    try {
      const file = join(dir, 'read.db');
      writeFileSync(file, 'not a database at all, but long enough to be read as a header: '.repeat(100));
      const reports: SetAside[] = [];
      const reads = new EmbeddedReadStore(file, { onSetAside: (report) => reports.push(report) });
      expect(reports).toEqual([{ file, setAsideAs: expect.stringMatching(/read\.db\.damaged-/), reason: expect.stringMatching(/not a database/) }]);
      expect(await reads.checkpoint('pipeline-board')).toBeUndefined();
      await reads.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
