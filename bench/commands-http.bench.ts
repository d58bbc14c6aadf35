import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TokenService } from '../src/auth/token.service.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import type { Role } from '../src/domain/project/vocabulary.js';
import { HealthService } from '../src/health/health.service.js';
import type { ClientsMessage, ClientsOrder, ClientsReport } from './command-clients.js';
import { rawInserts } from './raw-sqlite.js';
import { percentile, runLine, writeSection } from './results.js';
import { teamOf } from './soak-walk.js';

/**
 * Commands over GraphQL on loopback against the embedded default (durable appends, projections in-process),
 * from 1, 16 and 64 clients each walking its own team's projects, beside raw single-insert SQLite transactions.
 */
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 10));
const WARMUP_SECONDS = QUICK ? 1 : 3;
/** Seconds of the baseline measured just before each client count: the disk's speed drifts on a shared machine. */
const BASELINE_SECONDS = QUICK ? 1 : 3;
/** `BENCH_CLIENTS=64` runs one client count alone (to profile it). */
const CLIENTS = process.env.BENCH_CLIENTS ? [Number(process.env.BENCH_CLIENTS)] : [1, 16, 64];

const dir = mkdtempSync(join(tmpdir(), 'psm-commands-bench-'));
const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000' }));
await app.listen(0, '127.0.0.1');
const origin = await app.getUrl();
const tokenService = app.get(TokenService);

/** Signed before a run starts: signing is the identity provider's work, not the service's. */
function teamTokens(team: number): Array<[string, string]> {
  const t = teamOf(team);
  const people: Array<[string, Role]> = [
    [t.am, 'ACCOUNT_MANAGER'], [t.sup, 'SALES_SUPERVISOR'], [t.dir, 'SALES_DIRECTOR'], [t.gm, 'BU_GENERAL_MANAGER'], [t.pe, 'PRESALES_ENGINEER'],
    [t.tm, 'TECH_MANAGER'], [t.oc, 'OPERATIONS_CENTER'], [t.mk, 'MARKETING'], ...t.reviewers.map((id): [string, Role] => [id, 'REVIEWER']),
  ];
  return people.map(([userId, role]) => [userId, tokenService.sign({ userId, roles: [role] })]);
}

/** Runs the clients in a worker; the service thread's busy time is taken over the measured run only. */
function runClients(order: ClientsOrder): Promise<ClientsReport & { serviceBusyMs: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./command-clients.js', import.meta.url), { workerData: order });
    let measuring = performance.eventLoopUtilization();
    let cpu = process.cpuUsage();
    worker.on('message', (message: ClientsMessage) => {
      if (message === 'measuring') [measuring, cpu] = [performance.eventLoopUtilization(), process.cpuUsage()];
      else {
        const { user, system } = process.cpuUsage(cpu);
        resolve({ ...message, serviceBusyMs: performance.eventLoopUtilization(measuring).active, cpuMs: (user + system) / 1000 });
      }
    });
    worker.once('error', reject);
  });
}

const eventsBehind = async () => Math.max(...(await app.get(HealthService).check()).projections.map((projection) => projection.eventsBehind));

interface Row { clients: number; baseline: number; commands: number; rate: number; p50: number; p99: number; busyMs: number; utilization: number; cpuMs: number; behind: number }
const rows: Row[] = [];
let mix: Record<string, number> = {};
for (const clients of CLIENTS) {
  // each client count starts with the read models caught up, so no earlier backlog competes for the CPU
  while ((await eventsBehind()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const baseline = await rawInserts(dir, 1, BASELINE_SECONDS);
  const teams = Array.from({ length: clients }, (_, index) => clients * 100 + index);
  const tokens = Object.fromEntries(teams.flatMap(teamTokens));
  const report = await runClients({ origin, teams, tokens, warmupSeconds: WARMUP_SECONDS, seconds: SECONDS });
  const latencies = report.latencies.sort((a, b) => a - b);
  rows.push({
    clients, baseline, commands: latencies.length, rate: latencies.length / report.elapsedSeconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99),
    busyMs: report.serviceBusyMs / latencies.length, utilization: report.serviceBusyMs / 1000 / report.elapsedSeconds, cpuMs: report.cpuMs / latencies.length,
    behind: await eventsBehind(),
  });
  mix = report.mix;
}
await app.close();
rmSync(dir, { recursive: true, force: true });

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const at64 = rows.find((row) => row.clients === 64);
// judged against the fastest disk seen in the run: a slow moment of the disk must not pass it
const fastest = Math.max(...rows.map((row) => row.baseline));
const target = at64 ? at64.rate / fastest : 0;
const total = Object.values(mix).reduce((sum, count) => sum + count, 0);
const section = `${runLine(`${SECONDS} s per client count after ${WARMUP_SECONDS} s of warm-up${QUICK ? ' (BENCH_QUICK)' : ''}`)}

Each client count is measured right after its own baseline (${BASELINE_SECONDS} s of raw better-sqlite3, WAL, \`synchronous=FULL\`,
one insert per transaction into the events table). The clients run in a worker thread. "Service thread" is the wall time
the thread that serves HTTP, runs the commands, commits to SQLite (fsync included) and projects was busy; "CPU" is the
CPU time of the whole process (service and clients) per command, the figure least moved by other work on the machine.

| clients | commands | commands/s | baseline rows/s | ratio | p50 | p99 | service thread per command | service thread busy | CPU per command | read-model backlog at the end |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.map((row) => `| ${row.clients} | ${fmt(row.commands)} | ${fmt(row.rate)} | ${fmt(row.baseline)} | ${(row.rate / row.baseline).toFixed(2)}× | ${row.p50.toFixed(1)} ms | ${row.p99.toFixed(1)} ms | ${row.busyMs.toFixed(2)} ms | ${(row.utilization * 100).toFixed(0)}% | ${row.cpuMs.toFixed(2)} ms | ${fmt(row.behind)} events |`).join('\n')}

Mix of the last run: ${Object.entries(mix).sort((a, b) => b[1] - a[1]).map(([mutation, count]) => `${mutation} ${((count / total) * 100).toFixed(0)}%`).join(', ')}.

Target: 64 clients reach at least 1.0× the fastest baseline of the run (${fmt(fastest)} rows/s): **${target.toFixed(2)}× — ${target >= 1 ? 'PASS' : 'FAIL'}**
`;
console.log(section);
writeSection('Commands over HTTP — latest run', section);
