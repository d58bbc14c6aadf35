import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { TokenService } from '../src/auth/token.service.js';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { Random } from '../src/demo/random.js';
import type { Role } from '../src/domain/project/vocabulary.js';
import { HealthService } from '../src/health/health.service.js';
import { rawInserts } from './raw-sqlite.js';
import { percentile, runLine, writeSection } from './results.js';
import { projectWalk, teamOf, type SoakRequest } from './soak-walk.js';

/**
 * Commands over GraphQL on loopback against the embedded default (durable appends, projections in-process),
 * from 1, 16 and 64 clients each walking its own team's projects, beside raw single-insert SQLite transactions.
 */
const QUICK = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 10));
const WARMUP_SECONDS = QUICK ? 1 : 3;
/** `BENCH_CLIENTS=64` runs one client count alone (to profile it). */
const CLIENTS = process.env.BENCH_CLIENTS ? [Number(process.env.BENCH_CLIENTS)] : [1, 16, 64];
/** Projects a client has open at once; each command goes to one of them. */
const OPEN_PROJECTS = 4;
/** Percent of commands that are a tracking note on an open project rather than its next step. */
const NOTE_CHANCE = 40;

type Command = Extract<SoakRequest, { kind: 'command' }>;

/** One client's working day: its team's projects walked step by step, tracking notes between the steps. */
function* workday(team: number, random: Random): Generator<Command> {
  const walk = () => {
    const projectId = randomUUID();
    return { projectId, steps: projectWalk(team, projectId, random).filter((step): step is Command => step.kind === 'command' && !step.refusedWith) };
  };
  const open = Array.from({ length: OPEN_PROJECTS }, walk);
  const { am } = teamOf(team);
  for (;;) {
    const index = random.int(0, open.length - 1);
    const project = open[index];
    // a note needs the lead registered
    if (project.steps[0].mutation !== 'registerLead' && random.chance(NOTE_CHANCE)) {
      yield { kind: 'command', userId: am, role: 'ACCOUNT_MANAGER', mutation: 'addTrackingNote', input: {
        projectId: project.projectId, kind: random.pick(['VISIT', 'CALL', 'EMAIL']), note: '跟进客户，确认技术要求与预算', nextAction: 'call back', nextActionOn: '2026-12-15',
      } };
      continue;
    }
    yield project.steps.shift()!;
    if (project.steps.length === 0) open[index] = walk();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'psm-commands-bench-'));
const baseline = await rawInserts(dir, 1, Math.min(SECONDS, 5));

const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000' }));
await app.listen(0, '127.0.0.1');
const origin = await app.getUrl();
const tokenService = app.get(TokenService);
const tokens = new Map<string, string>();
/** Signed before a run starts: signing is the identity provider's work, not the service's. */
function signTeam(team: number): void {
  const t = teamOf(team);
  const people: Array<[string, Role]> = [
    [t.am, 'ACCOUNT_MANAGER'], [t.sup, 'SALES_SUPERVISOR'], [t.dir, 'SALES_DIRECTOR'], [t.gm, 'BU_GENERAL_MANAGER'], [t.pe, 'PRESALES_ENGINEER'],
    [t.tm, 'TECH_MANAGER'], [t.oc, 'OPERATIONS_CENTER'], [t.mk, 'MARKETING'], ...t.reviewers.map((id): [string, Role] => [id, 'REVIEWER']),
  ];
  for (const [userId, role] of people) tokens.set(userId, tokenService.sign({ userId, roles: [role] }));
}
const documents = new Map<string, string>();
const documentOf = (mutation: string) => {
  if (!documents.has(mutation)) {
    documents.set(mutation, `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { projectId revision stage } }`);
  }
  return documents.get(mutation)!;
};
const mix = new Map<string, number>();

/** Sends one command with a fresh commandId; anything but an acknowledgement stops the bench. */
async function send(pool: Pool, { userId, mutation, input }: Command): Promise<number> {
  const body = JSON.stringify({ query: documentOf(mutation), variables: { input: { commandId: randomUUID(), ...input } } });
  const start = performance.now();
  const response = await pool.request({
    path: '/graphql', method: 'POST', body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(userId)}` },
  });
  const answer = (await response.body.json()) as { data?: Record<string, { revision?: number }>; errors?: unknown };
  const elapsed = performance.now() - start;
  if (response.statusCode !== 200 || answer.errors || typeof answer.data?.[mutation]?.revision !== 'number') {
    throw new Error(`${mutation} by ${userId} answered ${response.statusCode}: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return elapsed;
}

/** Every client sends its next command as soon as the last is answered, until `seconds` have passed. */
async function drive(pool: Pool, days: Array<Generator<Command>>, seconds: number) {
  const latencies: number[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(days.map(async (day) => {
    while (performance.now() < until) {
      const command = day.next().value as Command;
      latencies.push(await send(pool, command));
      mix.set(command.mutation, (mix.get(command.mutation) ?? 0) + 1);
    }
  }));
  return { rate: latencies.length / ((performance.now() - start) / 1000), latencies: latencies.sort((a, b) => a - b) };
}

const eventsBehind = async () => Math.max(...(await app.get(HealthService).check()).projections.map((projection) => projection.eventsBehind));

const rows: Array<{ clients: number; commands: number; rate: number; p50: number; p99: number; behind: number }> = [];
for (const clients of CLIENTS) {
  // each client count starts with the read models caught up, so no earlier backlog competes for the CPU
  while ((await eventsBehind()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const pool = new Pool(origin, { connections: clients, pipelining: 1 });
  const teams = Array.from({ length: clients }, (_, index) => clients * 100 + index);
  teams.forEach(signTeam);
  const days = teams.map((team) => workday(team, new Random(team)));
  await drive(pool, days, WARMUP_SECONDS);
  mix.clear();
  const { rate, latencies } = await drive(pool, days, SECONDS);
  rows.push({ clients, commands: latencies.length, rate, p50: percentile(latencies, 50), p99: percentile(latencies, 99), behind: await eventsBehind() });
  await pool.close();
}
await app.close();
rmSync(dir, { recursive: true, force: true });

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const at64 = (rows.find((row) => row.clients === 64)?.rate ?? 0) / baseline;
const total = [...mix.values()].reduce((sum, count) => sum + count, 0);
const section = `${runLine(`${SECONDS} s per client count after ${WARMUP_SECONDS} s of warm-up${QUICK ? ' (BENCH_QUICK)' : ''}`)}

| measurement | commands/s | ratio | p50 | p99 | read-model backlog at the end |
|---|---|---|---|---|---|
| raw better-sqlite3, 1 insert per transaction (baseline) | ${fmt(baseline)} rows/s | 1.00× | | | |
${rows.map((row) => `| ${row.clients} client${row.clients > 1 ? 's' : ''}, ${fmt(row.commands)} commands | ${fmt(row.rate)} | ${(row.rate / baseline).toFixed(2)}× | ${row.p50.toFixed(1)} ms | ${row.p99.toFixed(1)} ms | ${fmt(row.behind)} events |`).join('\n')}

Mix of the 64-client run: ${[...mix].sort((a, b) => b[1] - a[1]).map(([mutation, count]) => `${mutation} ${((count / total) * 100).toFixed(0)}%`).join(', ')}.

Target: 64 clients reach at least 1.0× the baseline: **${at64.toFixed(2)}× — ${at64 >= 1 ? 'PASS' : 'FAIL'}**
`;
console.log(section);
writeSection('Commands over HTTP — latest run', section);
