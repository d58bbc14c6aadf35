import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { PROJECTIONS } from '../projections/projections.js';
import type { Projection } from '../projections/runtime/projection.js';
import { rebuild } from '../projections/runtime/rebuild.js';
import { TokenService } from '../src/auth/token.service.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../src/read-store/embedded/embedded.read-store.js';
import type { ReadStore } from '../src/read-store/read-store.port.js';
import { DiscardingReadStore } from './discarding-read-store.js';
import { rebuildSeconds } from './rebuild.js';
import { REPORT_QUERIES, timeQuery } from './report-queries.js';
import { percentile, QUICK, runLine, writeSection } from './results.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';

/**
 * Read side at scale: rebuild speed against the raw readAll of the same log, and query latency over
 * HTTP on the embedded default, with PROJECTS projects and at least EVENTS events.
 */
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? (QUICK ? 1_000 : 10_000));
const EVENTS = Number(process.env.BENCH_EVENTS ?? (QUICK ? 50_000 : 500_000));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? (QUICK ? 50 : 200));
const dir = mkdtempSync(join(tmpdir(), 'psm-read-bench-'));
const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

execFileSync(process.execPath, [fileURLToPath(new URL('./read-side-log.js', import.meta.url)), join(dir, 'events.db'), String(PROJECTS), String(EVENTS)], { stdio: 'inherit' });
const events = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
const padded = Number((await events.head())!.position);

/** Events per second of reading the whole log raw, in pages of 1,000. */
async function rawReadRate(): Promise<number> {
  const started = performance.now();
  for (let page = await events.readAll({ limit: 1000 }); page.length; page = await events.readAll({ after: page.at(-1)!.position, limit: 1000 }));
  return padded / ((performance.now() - started) / 1000);
}
log(`reading ${padded} events raw`);
const firstRawRate = await rawReadRate();

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
log(`reading ${padded} events raw again`);
// the faster of a read before and one after the rebuilds: right after seeding, the first read here has
// run at about 70% of the speed of later reads of such a log, which would flatter every ratio below
const readAllRate = Math.max(firstRawRate, await rawReadRate());
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
| raw \`readAll\`, pages of 1,000, the faster of a read before and one after the rebuilds (baseline) | ${Math.round(readAllRate).toLocaleString('en-US')} events/s | 1.00× |
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
