import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import { Projector } from '../../projections/runtime/projector.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { newEvent, sleep } from '../support/events.js';
// @ts-expect-error plain ESM shared with the child process
import { totalsProjection } from './totals.projection.mjs';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';

const CHILD = join(import.meta.dirname, 'projector.child.mjs');
const STREAMS = 50;
const EVENTS_PER_STREAM = 200;

async function untilCheckpointPasses(readFile: string, position: number): Promise<void> {
  const db = new Database(readFile, { readonly: true, fileMustExist: false });
  try {
    for (let i = 0; i < 5000; i++) {
      const row = db.prepare("SELECT position FROM checkpoints WHERE projection = 'totals'").pluck().get();
      if (Number(row ?? 0) >= position) return;
      await sleep(2);
    }
  } finally {
    db.close();
  }
}

describe('a crash of the projector in the middle of the log', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'psm-projector-crash-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from the checkpoint it committed with the changes: nothing lost, nothing counted twice', async () => {
    const eventsFile = join(dir, 'events.db');
    const readFile = join(dir, 'read.db');
    const events = new SqliteEventStore(eventsFile, projectUpcasters);
    await Promise.all(
      Array.from({ length: STREAMS }, async (_, s) => {
        for (let i = 0; i < EVENTS_PER_STREAM; i++) await events.append(`project-${s}`, [newEvent('Paid', { amount: i + 1 })], 'ANY');
      }),
    );

    const child = spawn(process.execPath, [CHILD, eventsFile, readFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    for await (const line of createInterface({ input: child.stdout! })) if (line === 'ready') break;
    await untilCheckpointPasses(readFile, 1000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const reads = new EmbeddedReadStore(readFile);
    const checkpoint = Number(await reads.checkpoint('totals'));
    expect(checkpoint).toBeGreaterThan(0);
    expect(checkpoint).toBeLessThan(STREAMS * EVENTS_PER_STREAM);

    const projector = new Projector([totalsProjection], events, reads, pino({ level: 'silent' }));
    await projector.start();
    for (let i = 0; i < 500 && projector.status()[0].checkpoint !== String(STREAMS * EVENTS_PER_STREAM); i++) await sleep(10);
    await projector.stop();

    const totals = await reads.find('totals', {}, { sort: { _id: 1 } });
    expect(totals).toHaveLength(STREAMS);
    for (const total of totals) expect(total).toMatchObject({ events: EVENTS_PER_STREAM, amount: (EVENTS_PER_STREAM * (EVENTS_PER_STREAM + 1)) / 2 });
    await Promise.all([events.close(), reads.close()]);
  });
});
