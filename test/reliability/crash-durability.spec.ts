import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const CHILD = join(import.meta.dirname, 'append-burst.child.mjs');
const ACKS_BEFORE_KILL = 2000;

describe('a crash during a burst of appends', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync('dist/src/event-store/sqlite/sqlite.event-store.js')) throw new Error('run `npm run build` first (npm test does)');
    dir = mkdtempSync(join(tmpdir(), 'psm-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged append when the process is killed with SIGKILL', async () => {
    const file = join(dir, 'events.db');
    const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: Array<{ stream: string; revision: number; id: string }> = [];
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for await (const line of createInterface({ input: child.stdout! })) {
      const [, stream, revision, id] = line.split(' ');
      acknowledged.push({ stream, revision: Number(revision), id });
      if (acknowledged.length === ACKS_BEFORE_KILL) child.kill('SIGKILL');
    }
    expect(await exited).toBeNull();

    const store = new SqliteEventStore(file, projectUpcasters);
    const all = await store.readAll({ limit: 1_000_000 });
    const ids = new Set(all.map((event) => event.id));
    const missing = acknowledged.filter((ack) => !ids.has(ack.id));
    expect(missing).toEqual([]);
    // nothing half-written either: every stream is a gap-free run of whole two-event appends
    const revisions = new Map<string, number[]>();
    for (const event of all) revisions.set(event.stream, [...(revisions.get(event.stream) ?? []), event.revision]);
    for (const list of revisions.values()) {
      expect(list).toEqual(list.map((_, index) => index));
      expect(list.length % 2).toBe(0);
    }
    expect(all.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL * 2);
    await store.close();
  });
});
