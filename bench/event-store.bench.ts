import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store.js';
import { rawInserts, timed, trackingNoteEvent as event } from './raw-sqlite.js';
import { QUICK, runLine, writeSection } from './results.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';

/** Durable appends and reads of the embedded event store, each as a ratio to raw better-sqlite3 in the same run. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 1 : 3));
const dir = mkdtempSync(join(tmpdir(), 'psm-bench-'));

async function appends(callers: number): Promise<number> {
  const store = new SqliteEventStore(join(dir, `store-${callers}.db`), projectUpcasters);
  const rate = await timed(SECONDS, async (until) => {
    let n = 0;
    await Promise.all(Array.from({ length: callers }, async () => {
      const stream = `project-${randomUUID()}`;
      for (let revision = -1; performance.now() < until; revision++, n++) {
        await store.append(stream, [event()], revision < 0 ? 'NO_STREAM' : revision);
      }
    }));
    return n;
  });
  await store.close();
  return rate;
}

async function reads(): Promise<{ store: number; raw: number; events: number }> {
  const file = join(dir, 'reads.db');
  const store = new SqliteEventStore(file, projectUpcasters);
  const events = QUICK ? 10_000 : 50_000;
  for (let i = 0; i < events / 500; i++) await Promise.all(Array.from({ length: 500 }, () => store.append(`project-${randomUUID()}`, [event()], 'NO_STREAM')));
  const storeRate = await timed(SECONDS, async (until) => {
    let n = 0;
    while (performance.now() < until) {
      for (let page = await store.readAll({ limit: 1000 }); page.length; page = await store.readAll({ after: page.at(-1)!.position, limit: 1000 })) n += page.length;
    }
    return n;
  });
  await store.close();
  const db = new Database(file, { readonly: true });
  const scan = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
  const rawRate = await timed(SECONDS, (until) => {
    let n = 0;
    while (performance.now() < until) {
      for (let page = scan.all(0, 1000) as Array<{ position: number }>; page.length; page = scan.all(page.at(-1)!.position, 1000) as Array<{ position: number }>) n += page.length;
    }
    return n;
  });
  db.close();
  return { store: storeRate, raw: rawRate, events };
}

// the disk's fsync rate drifts on a shared machine: the baseline is taken before each append measurement, the faster one kept
const a1 = await rawInserts(dir, 1, SECONDS);
const b = await rawInserts(dir, 64, SECONDS);
const single = await appends(1);
const a2 = await rawInserts(dir, 1, SECONDS);
const concurrent = await appends(64);
const a = Math.max(a1, a2);
const read = await reads();
rmSync(dir, { recursive: true, force: true });

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (n: number, base: number) => `${(n / base).toFixed(2)}×`;
const rows = [
  [`A raw better-sqlite3, 1 insert per transaction (baseline: the faster of ${fmt(a1)} and ${fmt(a2)}, taken before each append measurement)`, `${fmt(a)} rows/s`, '1.00×'],
  ['B raw better-sqlite3, 64 inserts per transaction', `${fmt(b)} rows/s`, ratio(b, a)],
  ['SqliteEventStore, 1 caller, single-event appends', `${fmt(single)} appends/s`, ratio(single, a)],
  ['SqliteEventStore, 64 concurrent callers (group commit)', `${fmt(concurrent)} appends/s`, ratio(concurrent, a)],
  [`raw page scan of ${fmt(read.events)} events, 1,000 per page (read baseline)`, `${fmt(read.raw)} events/s`, '1.00× (reads)'],
  ['SqliteEventStore readAll, 1,000 per page (parse + upcast)', `${fmt(read.store)} events/s`, `${ratio(read.store, read.raw)} (reads)`],
];
const verdict = concurrent / a >= 5 ? 'PASS' : 'FAIL';
const table = ['| measurement | rate | ratio |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const section = `${runLine(`${SECONDS} s per measurement`)}\n\n${table}\n\nTarget: 64 concurrent callers reach at least 5× the single-transaction baseline (A): **${(concurrent / a).toFixed(1)}× — ${verdict}**\n`;
console.log(section);
writeSection('Event store — latest run', section);
