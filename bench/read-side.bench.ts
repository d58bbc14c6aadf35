import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { PROJECTIONS } from '../projections/projections.js';
import type { Projection } from '../projections/runtime/projection.js';
import { rebuild } from '../projections/runtime/rebuild.js';
import { ManualClock } from '../src/application/clock.js';
import { ExecuteProjectCommandHandler } from '../src/application/execute-project-command.js';
import { PolicyProvider } from '../src/application/policy.provider.js';
import { TokenService } from '../src/auth/token.service.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { demoSchedule } from '../src/demo/demo-schedule.js';
import { runSchedule } from '../src/demo/run-schedule.js';
import { DEFAULT_POLICY } from '../src/domain/policy/policy.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../src/read-store/embedded/embedded.read-store.js';
import type { ReadStore } from '../src/read-store/read-store.port.js';
import { DiscardingReadStore } from './discarding-read-store.js';
import { rebuildSeconds } from './rebuild.js';
import { REPORT_QUERIES, timeQuery } from './report-queries.js';
import { percentile, QUICK, runLine, writeSection } from './results.js';
import { padWithTrackingNotes } from './tracking-note-padding.js';

/**
 * Read side at scale: rebuild speed against the raw readAll of the same log, and query latency over
 * HTTP on the embedded default, with PROJECTS projects and at least EVENTS events.
 */
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? (QUICK ? 1_000 : 10_000));
const EVENTS = Number(process.env.BENCH_EVENTS ?? (QUICK ? 50_000 : 500_000));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? (QUICK ? 50 : 200));
const dir = mkdtempSync(join(tmpdir(), 'psm-read-bench-'));
const end = new Date('2026-11-01T00:00:00Z');
const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

const events = new SqliteEventStore(join(dir, 'events.db'));
const clock = new ManualClock(end);
const schedule = demoSchedule({ projects: PROJECTS, months: 24, seed: 7, end });
log(`seeding ${PROJECTS} projects (${schedule.length} commands) through the command side`);
await runSchedule(new ExecuteProjectCommandHandler(events, new PolicyProvider(DEFAULT_POLICY), clock), clock, schedule);

const total = Number((await events.head())!.position);
log(`padding ${total} events to ${EVENTS} with tracking notes`);
await padWithTrackingNotes(events, [...new Set(schedule.map((step) => step.projectId))], EVENTS, end);
const padded = Number((await events.head())!.position);

log(`reading ${padded} events raw`);
const started = performance.now();
for (let page = await events.readAll({ limit: 1000 }); page.length; page = await events.readAll({ after: page.at(-1)!.position, limit: 1000 }));
const readAllRate = padded / ((performance.now() - started) / 1000);

/** Events per second of a projector building `projections` from nothing into `file`, persisted. */
const rebuildRate = async (projections: Projection[], file: string | ReadStore) =>
  padded / (await rebuildSeconds(projections, events, typeof file === 'string' ? new EmbeddedReadStore(file) : file));

const threads = Math.min(availableParallelism(), PROJECTIONS.length);
log(`rebuilding every read model with rebuild() on ${threads} worker threads`);
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000' });
const reads = new EmbeddedReadStore(join(dir, 'read.db'));
const rebuildStarted = performance.now();
await rebuild(PROJECTIONS, events, reads, pino({ level: 'silent' }), { config, threads });
const allRate = padded / ((performance.now() - rebuildStarted) / 1000);
await reads.close();
log('rebuilding each read model alone');
const alone: Array<[string, number]> = [];
for (const projection of PROJECTIONS) alone.push([projection.name, await rebuildRate([projection], join(dir, `${projection.name}.db`))]);
log('rebuilding every read model on one thread');
const oneThreadRate = await rebuildRate(PROJECTIONS, join(dir, 'one-thread.db'));
log('running every read model into a store that keeps nothing');
const floorRate = await rebuildRate(PROJECTIONS, new DiscardingReadStore());
await events.close();

log('serving queries over HTTP');
// one user sends every request (RATE_LIMIT_MAX above): the per-user rate limit would measure itself
const app = await createApp(config);
await app.listen(0, '127.0.0.1');
const url = `${await app.getUrl()}/graphql`;
const token = app.get(TokenService).sign({ userId: 'dir-1', roles: ['SALES_DIRECTOR'] });
const rows: string[] = [];
for (const [name, query] of Object.entries(REPORT_QUERIES)) {
  const { times } = await timeQuery(url, token, query, REQUESTS);
  const p99 = percentile(times, 99);
  rows.push(`| ${name} | ${percentile(times, 50).toFixed(1)} ms | ${p99.toFixed(1)} ms | ${p99 < 25 ? 'PASS' : 'FAIL'} |`);
}
await app.close();
rmSync(dir, { recursive: true, force: true });

const ratio = allRate / readAllRate;
const rateRow = (what: string, rate: number) => `| ${what} | ${Math.round(rate).toLocaleString('en-US')} events/s | ${(rate / readAllRate).toFixed(2)}× |`;
const section = `${runLine(`${PROJECTS.toLocaleString('en-US')} projects, ${padded.toLocaleString('en-US')} events, ${REQUESTS} requests per query`)}

| measurement | rate | ratio |
|---|---|---|
| raw \`readAll\`, pages of 1,000 (baseline) | ${Math.round(readAllRate).toLocaleString('en-US')} events/s | 1.00× |
${rateRow(`rebuild of all ${PROJECTIONS.length} read models, \`rebuild()\` on ${threads} worker threads (embedded store, persisted, swapped in)`, allRate)}
${rateRow(`rebuild of all ${PROJECTIONS.length} read models together on one thread (one projector, persisted)`, oneThreadRate)}
${alone.map(([name, rate]) => rateRow(`rebuild of ${name} alone`, rate)).join('\n')}
${rateRow(`all ${PROJECTIONS.length} read models into a store that keeps nothing (the floor: reading the log + the projections' own work)`, floorRate)}

Target: rebuild at least 40% of the raw readAll speed: **${(ratio * 100).toFixed(0)}% — ${ratio >= 0.4 ? 'PASS' : 'FAIL'}**

| query over HTTP | p50 | p99 | p99 < 25 ms |
|---|---|---|---|
${rows.join('\n')}
`;
console.log(section);
writeSection('Read side — latest run', section);
