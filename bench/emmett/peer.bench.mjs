import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  readMessagesBatch,
  readStream,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import sqlite3 from 'sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteEventStore } from '../../dist/src/event-store/sqlite/sqlite.event-store.js';
import { runLine, writeSection } from '../../dist/bench/results.js';

/**
 * The same append and read workloads on PSM's SqliteEventStore and on Emmett's SQLite event store,
 * side by side in one run, both on WAL with synchronous=FULL. Run from anywhere after the root build.
 */

// writeSection writes bench/RESULTS.md relative to the working directory
process.chdir(fileURLToPath(new URL('../..', import.meta.url)));

const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 1 : 5));
const LOG_EVENTS = QUICK ? 10_000 : 50_000;
const LONG_STREAM = 1_000;
const CALLERS = 64;
const EMMETT = JSON.parse(readFileSync(new URL('./node_modules/@event-driven-io/emmett-sqlite/package.json', import.meta.url), 'utf8')).version;
const dir = mkdtempSync(join(tmpdir(), 'psm-peer-'));

/** The payload of bench/event-store.bench.ts: a TrackingNoteAdded with its command metadata. */
const payload = () => {
  const commandId = randomUUID();
  return {
    type: 'TrackingNoteAdded',
    data: { kind: 'CALL', note: '与客户确认了交付周期与付款方式', nextAction: 'send the revised quotation', nextActionOn: '2026-12-01' },
    metadata: { actor: { userId: 'am-li', roles: ['ACCOUNT_MANAGER'] }, commandId, correlationId: commandId, causationId: commandId, schemaVersion: 1 },
  };
};
const psmEvent = () => ({ id: randomUUID(), ...payload() });

async function timed(run) {
  const start = performance.now();
  const count = await run(start + SECONDS * 1000);
  return count / ((performance.now() - start) / 1000);
}

/** `callers` concurrent callers, each appending single events to its own stream until the time is up. */
const appendLoop = (callers, appendNext) =>
  timed(async (until) => {
    let n = 0;
    await Promise.all(Array.from({ length: callers }, async () => {
      const next = appendNext(`project-${randomUUID()}`);
      while (performance.now() < until) {
        await next();
        n++;
      }
    }));
    return n;
  });

async function psmAppends(callers) {
  const store = new SqliteEventStore(join(dir, `psm-appends-${callers}.db`));
  const rate = await appendLoop(callers, (stream) => {
    let revision = -1;
    return async () => {
      await store.append(stream, [psmEvent()], revision < 0 ? 'NO_STREAM' : revision);
      revision++;
    };
  });
  await store.close();
  return rate;
}

/** Emmett's store API: getSQLiteEventStore opens a connection for each call and closes it after. */
async function emmettStoreAppends() {
  const store = getSQLiteEventStore({ fileName: join(dir, 'emmett-store-appends.db') });
  return appendLoop(1, (stream) => {
    let version = 0n;
    return async () => {
      version = (await store.appendToStream(stream, [payload()], { expectedStreamVersion: version })).nextExpectedStreamVersion;
    };
  });
}

/** 64 appends at once on one getSQLiteEventStore, as concurrent commands would make them: how many resolve, how many are in the file. */
async function emmettStoreConcurrentRound() {
  const fileName = join(dir, 'emmett-store-concurrent.db');
  const store = getSQLiteEventStore({ fileName });
  await store.appendToStream('warm-up', [payload()]);
  const log = console.log;
  console.log = () => {}; // its withTransaction logs every error it rethrows
  const results = await Promise.allSettled(
    Array.from({ length: CALLERS }, () => store.appendToStream(`project-${randomUUID()}`, [payload()], { expectedStreamVersion: 0n })),
  );
  console.log = log;
  const connection = sqliteConnection({ fileName });
  const stored = await connection.querySingle("SELECT COUNT(*) AS n FROM emt_messages WHERE stream_id LIKE 'project-%'");
  connection.close();
  const rejected = results.filter((result) => result.status === 'rejected');
  return { acknowledged: CALLERS - rejected.length, stored: stored.n, errors: [...new Set(rejected.map((result) => result.reason.message))] };
}

async function emmettConnection(name) {
  const connection = sqliteConnection({ fileName: join(dir, `${name}.db`) });
  await createEventStoreSchema(connection);
  return connection;
}

/** One long-lived connection through Emmett's exported appendToStream; `serialized` queues the callers so each append is its own transaction. */
async function emmettConnectionAppends(callers, serialized) {
  const connection = await emmettConnection(`emmett-connection-${callers}-${serialized}`);
  let tail = Promise.resolve();
  const inTurn = (append) => {
    const result = tail.then(append);
    tail = result.catch(() => {});
    return result;
  };
  // counts the COMMITs withTransaction issues, to show how many appends shared one
  const run = sqlite3.Database.prototype.run;
  let commits = 0;
  sqlite3.Database.prototype.run = function (sql, ...rest) {
    if (sql === 'COMMIT') commits++;
    return run.call(this, sql, ...rest);
  };
  let appended = 0;
  const rate = await appendLoop(callers, (stream) => {
    let version = 0n;
    return async () => {
      const append = () => appendToStream(connection, stream, 'project', [payload()], { expectedStreamVersion: version });
      const result = serialized ? await inTurn(append) : await append();
      if (!result.success) throw new Error(`Emmett refused an append to ${stream} at ${version}`);
      version = result.nextStreamPosition;
      appended++;
    };
  });
  await tail;
  sqlite3.Database.prototype.run = run;
  connection.close();
  return { rate, appended, commits };
}

/** The same log in both stores: LOG_EVENTS single-event streams, then one stream of LONG_STREAM events. */
async function fillPsm(file) {
  const store = new SqliteEventStore(file);
  for (let i = 0; i < LOG_EVENTS / 500; i++) {
    await Promise.all(Array.from({ length: 500 }, () => store.append(`project-${randomUUID()}`, [psmEvent()], 'NO_STREAM')));
  }
  const long = `project-${randomUUID()}`;
  for (let i = 0; i < LONG_STREAM / 100; i++) {
    await store.append(long, Array.from({ length: 100 }, psmEvent), i === 0 ? 'NO_STREAM' : i * 100 - 1);
  }
  return { store, long };
}

async function fillEmmett(connection) {
  for (let i = 0; i < LOG_EVENTS / 500; i++) {
    // withTransaction nests: the 500 appends share the outer transaction
    await connection.withTransaction(async () => {
      for (let j = 0; j < 500; j++) await appendToStream(connection, `project-${randomUUID()}`, 'project', [payload()], { expectedStreamVersion: 0n });
    });
  }
  const long = `project-${randomUUID()}`;
  for (let i = 0; i < LONG_STREAM / 100; i++) {
    await appendToStream(connection, long, 'project', Array.from({ length: 100 }, payload), { expectedStreamVersion: BigInt(i * 100) });
  }
  return long;
}

async function reads() {
  const { store, long } = await fillPsm(join(dir, 'psm-reads.db'));
  const total = LOG_EVENTS + LONG_STREAM;
  const psmAll = await timed(async (until) => {
    let n = 0;
    while (performance.now() < until) {
      for (let page = await store.readAll({ limit: 1000 }); page.length; page = await store.readAll({ after: page.at(-1).position, limit: 1000 })) n += page.length;
    }
    return n;
  });
  const psmStream = await timed(async (until) => {
    let n = 0;
    while (performance.now() < until) n += (await store.readStream(long)).length;
    return n;
  });
  await store.close();

  const fileName = join(dir, 'emmett-reads.db');
  const connection = await emmettConnection('emmett-reads');
  const emmettLong = await fillEmmett(connection);
  const emmettAll = await timed(async (until) => {
    let n = 0;
    while (performance.now() < until) {
      let batch = await readMessagesBatch(connection, { after: 0n, batchSize: 1000 });
      n += batch.messages.length;
      while (batch.areEventsLeft) {
        batch = await readMessagesBatch(connection, { after: batch.currentGlobalPosition, batchSize: 1000 });
        n += batch.messages.length;
      }
    }
    return n;
  });
  const emmettStream = await timed(async (until) => {
    let n = 0;
    while (performance.now() < until) n += (await readStream(connection, emmettLong)).events.length;
    return n;
  });
  connection.close();

  const emmettStore = getSQLiteEventStore({ fileName });
  const emmettStoreStream = await timed(async (until) => {
    let n = 0;
    while (performance.now() < until) n += (await emmettStore.readStream(emmettLong)).events.length;
    return n;
  });
  // one pass of a consumer from the beginning: it stores its checkpoint for every message it handles
  const consumer = emmettStore.consumer({ pulling: { batchSize: 1000, pullingFrequencyInMs: 0 } });
  let consumed = 0;
  consumer.processor({
    processorId: 'bench',
    startFrom: 'BEGINNING',
    eachMessage: () => void consumed++,
    stopAfter: () => consumed === total,
  });
  const start = performance.now();
  await consumer.start();
  const emmettConsumer = consumed / ((performance.now() - start) / 1000);
  await consumer.close();
  if (consumed !== total) throw new Error(`the consumer read ${consumed} of ${total} events`);
  return { total, psmAll, psmStream, emmettAll, emmettStream, emmettStoreStream, emmettConsumer };
}

/** What Emmett's connections run with (getSQLiteEventStore opens them through sqliteConnection), read back from SQLite. */
async function durability() {
  const connection = sqliteConnection({ fileName: join(dir, 'emmett-pragmas.db') });
  const journal = await connection.querySingle('PRAGMA journal_mode');
  const synchronous = await connection.querySingle('PRAGMA synchronous');
  connection.close();
  return `Emmett's connection: journal_mode=${journal.journal_mode}, synchronous=${synchronous.synchronous} (2 = FULL)`;
}

const emmettDurability = await durability();
const psm1 = await psmAppends(1);
const psm64 = await psmAppends(CALLERS);
const emmettStore1 = await emmettStoreAppends();
const round = await emmettStoreConcurrentRound();
const emmettConn1 = await emmettConnectionAppends(1, true);
const emmettSerial64 = await emmettConnectionAppends(CALLERS, true);
const emmettShared64 = await emmettConnectionAppends(CALLERS, false);
const read = await reads();
rmSync(dir, { recursive: true, force: true });

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const inCommits = ({ appended, commits }) => `${fmt(appended)} appends in ${fmt(commits)} COMMIT${commits === 1 ? '' : 's'}`;
const verdict = (a, b, target) => `≥ ${target}×: **${a / b >= target ? 'PASS' : 'FAIL'}**`;
const rows = [
  ['appends, 1 caller — Emmett store API (a connection per call)', `${fmt(psm1)} /s`, `${fmt(emmettStore1)} /s`, ratio(psm1, emmettStore1), ''],
  ['appends, 1 caller — Emmett appendToStream on one connection', `${fmt(psm1)} /s`, `${fmt(emmettConn1.rate)} /s`, ratio(psm1, emmettConn1.rate), ''],
  [`appends, ${CALLERS} callers — Emmett store API, one round of ${CALLERS} at once`, '—', `${round.acknowledged} acknowledged, ${round.stored} in the file`, '—', 'loses acknowledged appends'],
  [`appends, ${CALLERS} callers — Emmett on one connection, appends in turn (${inCommits(emmettSerial64)}: its best durable figure)`, `${fmt(psm64)} /s`, `${fmt(emmettSerial64.rate)} /s`, ratio(psm64, emmettSerial64.rate), verdict(psm64, emmettSerial64.rate, 5)],
  [`appends, ${CALLERS} callers — Emmett on one connection, not queued (${inCommits(emmettShared64)})`, `${fmt(psm64)} /s`, `${fmt(emmettShared64.rate)} /s`, ratio(psm64, emmettShared64.rate), 'acknowledged before COMMIT: not durable'],
  [`read all ${fmt(read.total)} events in order, pages of 1,000 — Emmett readMessagesBatch`, `${fmt(read.psmAll)} events/s`, `${fmt(read.emmettAll)} events/s`, ratio(read.psmAll, read.emmettAll), verdict(read.psmAll, read.emmettAll, 1)],
  [`read all — Emmett consumer from the beginning, batches of 1,000 (one pass)`, `${fmt(read.psmAll)} events/s`, `${fmt(read.emmettConsumer)} events/s`, ratio(read.psmAll, read.emmettConsumer), ''],
  [`read one ${fmt(LONG_STREAM)}-event stream — Emmett readStream on one connection`, `${fmt(read.psmStream)} events/s`, `${fmt(read.emmettStream)} events/s`, ratio(read.psmStream, read.emmettStream), verdict(read.psmStream, read.emmettStream, 1)],
  [`read one ${fmt(LONG_STREAM)}-event stream — Emmett store API readStream`, `${fmt(read.psmStream)} events/s`, `${fmt(read.emmettStoreStream)} events/s`, ratio(read.psmStream, read.emmettStoreStream), ''],
];
const table = [
  '| measurement | PSM SqliteEventStore | Emmett SQLite | PSM / Emmett | target |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
const section = `${runLine(`${SECONDS} s per measurement · @event-driven-io/emmett-sqlite ${EMMETT} (sqlite3 ${sqlite3.VERSION})`)}

Both on WAL with synchronous=FULL: PSM sets them; ${emmettDurability}, node-sqlite3's default.

${table}

Store errors in the ${CALLERS}-at-once round: ${round.errors.join('; ') || 'none'}
`;
console.log(section);
writeSection('Peer: Emmett SQLite — latest run', section);
