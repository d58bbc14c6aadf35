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
import { projectUpcasters } from '../../dist/src/event-store/project-upcasters.js';
import { SqliteEventStore } from '../../dist/src/event-store/sqlite/sqlite.event-store.js';
import { runLine, writeSection } from '../../dist/bench/results.js';

/**
 * The same append and read workloads on PSM's SqliteEventStore and on Emmett's SQLite event store,
 * in one run, both on WAL with synchronous=FULL. Contenders take turns in short slices, so the
 * machine's noise falls on each of them alike. Run from anywhere after the root build.
 */

// writeSection writes bench/RESULTS.md relative to the working directory
process.chdir(fileURLToPath(new URL('../..', import.meta.url)));

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = QUICK ? 2 : 5;
const SLICE_MS = QUICK ? 500 : 1000;
const LOG_EVENTS = QUICK ? 5_000 : 50_000;
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

// counts the COMMITs Emmett's withTransaction issues through node-sqlite3, to show how many appends shared one
let commits = 0;
const run = sqlite3.Database.prototype.run;
sqlite3.Database.prototype.run = function (sql, ...rest) {
  if (sql === 'COMMIT') commits++;
  return run.call(this, sql, ...rest);
};

/**
 * Runs each contender (`until => count`) for a slice in turn, ROUNDS times; returns each one's
 * count per second over its own slices, the COMMITs node-sqlite3 issued during them and the
 * contender's failures.
 */
async function interleaved(contenders) {
  const totals = contenders.map((contender) => ({ n: 0, ms: 0, commits: 0, failures: contender.failures ?? [] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, contender] of contenders.entries()) {
      const committed = commits;
      const start = performance.now();
      totals[i].n += await contender(start + SLICE_MS);
      totals[i].ms += performance.now() - start;
      totals[i].commits += commits - committed;
    }
  }
  return totals.map(({ n, ms, commits, failures }) => ({ rate: n / (ms / 1000), n, commits, failures }));
}

/**
 * `callers` concurrent callers, each appending single events to its own stream; they keep their
 * streams from slice to slice. A caller whose append fails records the error and goes on with a
 * new stream, so a store that fails now and then is measured rather than stopped.
 */
function appender(callers, appendNext) {
  const next = Array.from({ length: callers }, () => appendNext(`project-${randomUUID()}`));
  const failures = [];
  const contender = async (until) => {
    let n = 0;
    await Promise.all(next.map(async (_, caller) => {
      while (performance.now() < until) {
        try {
          await next[caller]();
          n++;
        } catch (error) {
          failures.push(error.message);
          next[caller] = appendNext(`project-${randomUUID()}`);
        }
      }
    }));
    return n;
  };
  return Object.assign(contender, { failures });
}

const psmAppender = (store, callers) =>
  appender(callers, (stream) => {
    let revision = -1;
    return async () => {
      await store.append(stream, [psmEvent()], revision < 0 ? 'NO_STREAM' : revision);
      revision++;
    };
  });

/** Emmett's store API: getSQLiteEventStore opens a connection for each call and closes it after. */
const emmettStoreAppender = (store, callers) =>
  appender(callers, (stream) => {
    let version = 0n;
    return async () => {
      version = (await store.appendToStream(stream, [payload()], { expectedStreamVersion: version })).nextExpectedStreamVersion;
    };
  });

/** Emmett's exported appendToStream on one long-lived connection; `inTurn` queues the callers so each append is its own transaction. */
function emmettConnectionAppender(connection, callers, inTurn) {
  let tail = Promise.resolve();
  const queued = (append) => {
    const result = tail.then(append);
    tail = result.catch(() => {});
    return result;
  };
  return appender(callers, (stream) => {
    let version = 0n;
    return async () => {
      const append = () => appendToStream(connection, stream, 'project', [payload()], { expectedStreamVersion: version });
      const result = inTurn ? await queued(append) : await append();
      if (!result.success) throw new Error(`Emmett refused an append to ${stream} at ${version}`);
      version = result.nextStreamPosition;
    };
  });
}

async function emmettConnection(name) {
  const connection = sqliteConnection({ fileName: join(dir, `${name}.db`) });
  await createEventStoreSchema(connection);
  return connection;
}

async function appends(callers) {
  const psm = new SqliteEventStore(join(dir, `psm-appends-${callers}.db`), projectUpcasters);
  const inTurn = await emmettConnection(`emmett-in-turn-${callers}`);
  const shared = await emmettConnection(`emmett-shared-${callers}`);
  const contenders = [
    psmAppender(psm, callers),
    emmettConnectionAppender(inTurn, callers, true),
    // with one caller, the store API; with many, one connection without the queue
    callers === 1
      ? emmettStoreAppender(getSQLiteEventStore({ fileName: join(dir, 'emmett-store-1.db') }), 1)
      : emmettConnectionAppender(shared, callers, false),
  ];
  const log = console.log;
  console.log = () => {}; // Emmett's withTransaction logs every error it rethrows
  const [psmRate, inTurnRate, third] = await interleaved(contenders);
  console.log = log;
  const stored = await shared.querySingle('SELECT COUNT(*) AS n FROM emt_messages');
  await psm.close();
  inTurn.close();
  shared.close();
  return { psm: psmRate, inTurn: inTurnRate, third: { ...third, stored: stored.n } };
}

/** 64 appends at once on one getSQLiteEventStore, as concurrent commands make them: how many resolve, how many are in the file. */
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

/** The same log in both stores: LOG_EVENTS single-event streams, then one stream of LONG_STREAM events. */
async function fillPsm(store) {
  for (let i = 0; i < LOG_EVENTS / 500; i++) {
    await Promise.all(Array.from({ length: 500 }, () => store.append(`project-${randomUUID()}`, [psmEvent()], 'NO_STREAM')));
  }
  const long = `project-${randomUUID()}`;
  for (let i = 0; i < LONG_STREAM / 100; i++) {
    await store.append(long, Array.from({ length: 100 }, psmEvent), i === 0 ? 'NO_STREAM' : i * 100 - 1);
  }
  return long;
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

/** Whole passes over a paged read (a pass runs to its end, so a slice can run over). */
const passes = (pass) => async (until) => {
  let n = 0;
  while (performance.now() < until) n += await pass();
  return n;
};

async function reads() {
  const psm = new SqliteEventStore(join(dir, 'psm-reads.db'), projectUpcasters);
  const psmLong = await fillPsm(psm);
  const fileName = join(dir, 'emmett-reads.db');
  const connection = await emmettConnection('emmett-reads');
  const emmettLong = await fillEmmett(connection);
  const emmettStore = getSQLiteEventStore({ fileName });
  const total = LOG_EVENTS + LONG_STREAM;

  const [psmAll, emmettAll] = await interleaved([
    passes(async () => {
      let n = 0;
      for (let page = await psm.readAll({ limit: 1000 }); page.length; page = await psm.readAll({ after: page.at(-1).position, limit: 1000 })) n += page.length;
      return n;
    }),
    passes(async () => {
      let batch = await readMessagesBatch(connection, { after: 0n, batchSize: 1000 });
      let n = batch.messages.length;
      while (batch.areEventsLeft) {
        batch = await readMessagesBatch(connection, { after: batch.currentGlobalPosition, batchSize: 1000 });
        n += batch.messages.length;
      }
      return n;
    }),
  ]);
  const [psmStream, emmettStream, emmettStoreStream] = await interleaved([
    passes(async () => (await psm.readStream(psmLong)).length),
    passes(async () => (await readStream(connection, emmettLong)).events.length),
    passes(async () => (await emmettStore.readStream(emmettLong)).events.length),
  ]);
  await psm.close();
  connection.close();

  // one pass of a consumer from the beginning: it stores its checkpoint for every message it handles
  const consumer = emmettStore.consumer({ pulling: { batchSize: 1000, pullingFrequencyInMs: 0 } });
  let consumed = 0;
  consumer.processor({ processorId: 'bench', startFrom: 'BEGINNING', eachMessage: () => void consumed++, stopAfter: () => consumed === total });
  const start = performance.now();
  await consumer.start();
  const emmettConsumer = consumed / ((performance.now() - start) / 1000);
  await consumer.close();
  if (consumed !== total) throw new Error(`the consumer read ${consumed} of ${total} events`);
  return { total, psmAll, emmettAll, emmettConsumer, psmStream, emmettStream, emmettStoreStream };
}

/** What Emmett's connections run with (getSQLiteEventStore opens them through sqliteConnection), read back from SQLite. */
async function emmettDurability() {
  const connection = sqliteConnection({ fileName: join(dir, 'emmett-pragmas.db') });
  const journal = await connection.querySingle('PRAGMA journal_mode');
  const synchronous = await connection.querySingle('PRAGMA synchronous');
  connection.close();
  return `journal_mode=${journal.journal_mode}, synchronous=${synchronous.synchronous} (2 is FULL)`;
}

const durability = await emmettDurability();
const one = await appends(1);
const many = await appends(CALLERS);
const round = await emmettStoreConcurrentRound();
const read = await reads();
rmSync(dir, { recursive: true, force: true });

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ratio = (a, b) => `${(a.rate / b.rate).toFixed(2)}×`;
const verdict = (a, b, target) => `≥ ${target}×: **${a.rate / b.rate >= target ? 'PASS' : 'FAIL'}**`;
const appended = (x) => `${fmt(x.rate)} /s${x.failures.length ? ` (${fmt(x.failures.length)} failed)` : ''}`;
const inCommits = ({ n, commits }) => `${fmt(n)} appends in ${fmt(commits)} COMMIT${commits === 1 ? '' : 's'}`;
// appends in turn commit one by one whatever the number of callers: the better of the two is Emmett's durable rate
const bestDurable = one.inTurn.rate > many.inTurn.rate ? one.inTurn : many.inTurn;
const rows = [
  ['appends, 1 caller — Emmett store API (a connection per call)', appended(one.psm), appended(one.third), ratio(one.psm, one.third), ''],
  [`appends, 1 caller — Emmett appendToStream on one connection (${inCommits(one.inTurn)})`, appended(one.psm), appended(one.inTurn), ratio(one.psm, one.inTurn), ''],
  [`appends, ${CALLERS} callers — Emmett store API, ${CALLERS} at once`, '—', `${round.acknowledged} acknowledged, ${round.stored} in the file`, '—', 'loses acknowledged appends'],
  [`appends, ${CALLERS} callers — Emmett on one connection, appends in turn (${inCommits(many.inTurn)})`, appended(many.psm), appended(many.inTurn), ratio(many.psm, many.inTurn), ''],
  [`appends, ${CALLERS} callers — against Emmett's best durable rate in this run (one connection, in turn, 1 or ${CALLERS} callers)`, appended(many.psm), appended(bestDurable), ratio(many.psm, bestDurable), verdict(many.psm, bestDurable, 5)],
  [`appends, ${CALLERS} callers — Emmett on one connection, not queued (${inCommits(many.third)}; ${fmt(many.third.stored)} in the file)`, appended(many.psm), appended(many.third), ratio(many.psm, many.third), 'acknowledged before COMMIT: not durable'],
  [`read all ${fmt(read.total)} events in order, pages of 1,000 — Emmett readMessagesBatch`, `${fmt(read.psmAll.rate)} events/s`, `${fmt(read.emmettAll.rate)} events/s`, ratio(read.psmAll, read.emmettAll), verdict(read.psmAll, read.emmettAll, 1)],
  ['read all — Emmett consumer from the beginning, batches of 1,000 (one pass)', `${fmt(read.psmAll.rate)} events/s`, `${fmt(read.emmettConsumer)} events/s`, ratio(read.psmAll, { rate: read.emmettConsumer }), ''],
  [`read one ${fmt(LONG_STREAM)}-event stream — Emmett readStream on one connection`, `${fmt(read.psmStream.rate)} events/s`, `${fmt(read.emmettStream.rate)} events/s`, ratio(read.psmStream, read.emmettStream), verdict(read.psmStream, read.emmettStream, 1)],
  [`read one ${fmt(LONG_STREAM)}-event stream — Emmett store API readStream`, `${fmt(read.psmStream.rate)} events/s`, `${fmt(read.emmettStoreStream.rate)} events/s`, ratio(read.psmStream, read.emmettStoreStream), ''],
];
const errors = [...new Set([one, many].flatMap((set) => [set.psm, set.inTurn, set.third]).flatMap((x) => x.failures).concat(round.errors))];
const table = [
  '| measurement | PSM SqliteEventStore | Emmett SQLite | PSM / Emmett | target |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
const section = `${runLine(`${ROUNDS} turns of ${SLICE_MS / 1000} s per measurement · @event-driven-io/emmett-sqlite ${EMMETT} (SQLite ${sqlite3.VERSION})`)}

Both on WAL with synchronous=FULL: PSM sets them; Emmett sets WAL and keeps node-sqlite3's default, read back as ${durability}.

${table}

Errors of the failed appends: ${errors.join('; ') || 'none'}
`;
console.log(section);
writeSection('Peer: Emmett SQLite — latest run', section);
