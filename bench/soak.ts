import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { Random } from '../src/demo/random.js';
import { percentile, runLine, writeSection } from './results.js';
import { projectWalk, teamQuery, type SoakRequest } from './soak-walk.js';

/**
 * Soak: the real service as a child process on a temporary DATA_DIR on 127.0.0.1, driven for a bounded time by
 * many users walking projects through the procedure and reading boards, work lists and reports. Counts errors
 * (expected refusals apart), latency, RSS and heap over time, and checks that every acknowledged command is in the log.
 */
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    users: { type: 'string', default: '50' },
    'warmup-minutes': { type: 'string', default: '1' },
    'sample-seconds': { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    /** Projects of demo history written before the service starts: a department's years of records, as in use. */
    history: { type: 'string', default: '3000' },
    'dry-run': { type: 'boolean', default: false },
    /** Queries only, on the seeded history: memory at constant data, to tell a leak from the data growing. */
    'reads-only': { type: 'boolean', default: false },
  },
});
const MINUTES = Number(args.minutes);
const USERS = Number(args.users);
const WARMUP_MS = Number(args['warmup-minutes']) * 60_000;
const SAMPLE_MS = Number(args['sample-seconds']) * 1000;
/** A person reads, thinks and types between two requests: 0.2–1 s. */
const THINK_MS: [number, number] = [200, 1000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const freePort = () => new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

const dir = mkdtempSync(join(tmpdir(), 'psm-soak-'));
const secret = randomBytes(36).toString('base64');
const port = await freePort();
const serviceEnv = { ...process.env, DATA_DIR: dir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', JWT_SECRET: secret, NODE_ENV: 'development' };
if (Number(args.history) > 0) {
  const seeding = spawn(process.execPath, ['dist/src/demo/seed.cli.js', '--projects', args.history!, '--months', '36'], { env: serviceEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  await new Promise((resolve) => seeding.once('exit', resolve));
}
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['dist/src/main.js'], {
  env: serviceEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (let i = 0; ; i++) {
  if (i > 3000) throw new Error('the service did not start');
  if (await fetch(`${base}/health`).then((response) => response.ok, () => false)) break;
  await sleep(100);
}

const historyEvents = Number(new Database(join(dir, 'events.db'), { readonly: true }).prepare('SELECT count(*) FROM events').pluck().get());

const tokens = new Map<string, string>();
async function tokenFor(userId: string, role: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = await new SignJWT({ name: userId, roles: [role] }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId)
      .setIssuer('psm').setAudience('psm').setIssuedAt().setExpirationTime('2h').sign(new TextEncoder().encode(secret));
    tokens.set(userId, token);
  }
  return token;
}

// the read models fold the history in before the users arrive
for (let behind = Infinity; behind > 0; await sleep(500)) {
  const health = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('soak-operator', 'ADMIN')}` }, body: JSON.stringify({ query: '{ health { projections { eventsBehind } } }' }) })
    .then((response) => response.json() as Promise<{ data: { health: { projections: Array<{ eventsBehind: number }> } } }>);
  behind = Math.max(...health.data.health.projections.map((projection) => projection.eventsBehind));
}

const latency = { command: [] as number[], query: [] as number[] };
const counts = { commands: 0, queries: 0, retries: 0, expectedRefusals: 0, projects: 0, projectsFinished: 0 };
const unexpected = new Map<string, number>();
const unexpectedSamples: string[] = [];
const acknowledged = new Map<string, number>();
const refusedCommandIds = new Set<string>();
const noteUnexpected = (kind: string, detail: string) => {
  unexpected.set(kind, (unexpected.get(kind) ?? 0) + 1);
  if (unexpectedSamples.length < 10) unexpectedSamples.push(`${kind}: ${detail.slice(0, 300)}`);
};

/** Sends one request; returns whether it went as the walk expected. */
async function send(request: SoakRequest, commandId = randomUUID()): Promise<boolean> {
  const token = await tokenFor(request.userId, request.role);
  const body = request.kind === 'query'
    ? { query: request.query, variables: request.variables }
    : {
      query: `mutation($input: ${request.mutation[0].toUpperCase()}${request.mutation.slice(1)}Input!) { ${request.mutation}(input: $input) { projectId revision stage } }`,
      variables: { input: { commandId, ...request.input } },
    };
  const start = performance.now();
  let status: number;
  let answer: { data?: Record<string, { revision: number }>; errors?: Array<{ extensions?: { code?: string } }> };
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
    });
    status = response.status;
    answer = await response.json() as typeof answer;
  } catch (error) {
    noteUnexpected('NETWORK', String(error));
    return false;
  }
  latency[request.kind].push(performance.now() - start);
  counts[request.kind === 'query' ? 'queries' : 'commands']++;
  const code = answer.errors?.[0]?.extensions?.code;
  if (request.kind === 'query') {
    if (status !== 200 || code) noteUnexpected(code ?? `HTTP_${status}`, JSON.stringify(answer.errors));
    return !code;
  }
  if (!code && request.refusedWith === undefined) {
    acknowledged.set(commandId, answer.data![request.mutation].revision);
    return true;
  }
  if (code && code === request.refusedWith) {
    counts.expectedRefusals++;
    refusedCommandIds.add(commandId);
    return true;
  }
  noteUnexpected(code ?? 'ACCEPTED_BUT_SHOULD_BE_REFUSED', `${request.mutation} by ${request.userId}: ${JSON.stringify(answer.errors ?? answer.data)}`);
  return false;
}

const deadline = Date.now() + MINUTES * 60_000;
const startedAt = Date.now();

/** One person leading a team: projects one after another, a look at the board or a report between steps. */
async function user(team: number): Promise<void> {
  const random = new Random(Number(args.seed) * 1000 + team);
  await sleep(random.int(0, 2000));
  while (args['reads-only'] && Date.now() < deadline) {
    await send(teamQuery(team, randomUUID(), random));
    await sleep(random.int(...THINK_MS));
  }
  while (Date.now() < deadline) {
    const projectId = randomUUID();
    counts.projects++;
    let finished = true;
    for (const step of projectWalk(team, projectId, random)) {
      if (Date.now() >= deadline) return;
      const commandId = randomUUID();
      if (!(await send(step, commandId))) { finished = false; break; }
      // a client that lost the answer sends the same command again: it must append nothing and answer the same
      if (step.kind === 'command' && !step.refusedWith && random.chance(3)) {
        counts.retries++;
        const before = acknowledged.get(commandId);
        acknowledged.delete(commandId);
        await send(step, commandId);
        if (acknowledged.get(commandId) !== before) noteUnexpected('RETRY_DIFFERS', `${step.mutation} answered ${acknowledged.get(commandId)} then ${before}`);
        acknowledged.set(commandId, before!);
      }
      await sleep(random.int(...THINK_MS));
      if (random.chance(40)) {
        await send(teamQuery(team, projectId, random));
        await sleep(random.int(...THINK_MS));
      }
    }
    if (finished) counts.projectsFinished++;
  }
}

interface Sample { second: number; rssMb: number; heapMb: number; requests: number }
const samples: Sample[] = [];
const metric = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 1_048_576;
async function sampleMemory(): Promise<void> {
  while (Date.now() < deadline) {
    const text = await fetch(`${base}/metrics`).then((response) => response.text(), () => '');
    samples.push({
      second: Math.round((Date.now() - startedAt) / 1000),
      rssMb: metric(text, 'process_resident_memory_bytes'),
      heapMb: metric(text, 'nodejs_heap_size_used_bytes'),
      requests: counts.commands + counts.queries,
    });
    await sleep(SAMPLE_MS);
  }
}

await Promise.all([sampleMemory(), ...Array.from({ length: USERS }, (_, team) => user(team + 1))]);
const elapsedSeconds = (Date.now() - startedAt) / 1000;
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));

// zero lost commands: every acknowledged commandId has its events in the log, no refused one has any
const db = new Database(join(dir, 'events.db'), { readonly: true });
const logged = new Set(db.prepare("SELECT json_extract(metadata, '$.commandId') FROM events").pluck().all() as string[]);
const eventsInLog = (db.prepare('SELECT count(*) FROM events').pluck().get() as number);
db.close();
rmSync(dir, { recursive: true, force: true });
const lost = [...acknowledged.keys()].filter((commandId) => !logged.has(commandId)).length;
const refusedButLogged = [...refusedCommandIds].filter((commandId) => logged.has(commandId)).length;

// RSS follows the collector's sawtooth: each minute is summed up by its median, with its lowest and highest sample
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const minutes = Array.from({ length: Math.ceil(samples.length / Math.max(1, Math.round(60_000 / SAMPLE_MS))) }, (_, index) =>
  samples.slice(index * Math.round(60_000 / SAMPLE_MS), (index + 1) * Math.round(60_000 / SAMPLE_MS)));
const warm = minutes.filter((minute) => minute[0].second * 1000 >= WARMUP_MS && minute.length > 1);
const afterWarmup = warm.length ? warm : minutes;
const rssStart = median(afterWarmup[0].map((sample) => sample.rssMb));
const rssEnd = median(afterWarmup[afterWarmup.length - 1].map((sample) => sample.rssMb));
const growth = (rssEnd - rssStart) / rssStart;
const unexpectedTotal = [...unexpected.values()].reduce((sum, count) => sum + count, 0);
const fmt = (ms: number) => ms.toFixed(1);
const row = (name: string, values: number[]) => {
  if (values.length === 0) return `| ${name} | 0 | – | – | – | – |`;
  const sorted = [...values].sort((a, b) => a - b);
  return `| ${name} | ${sorted.length.toLocaleString('en')} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(percentile(sorted, 99))} | ${fmt(sorted.at(-1)!)} |`;
};
const pass = unexpectedTotal === 0 && lost === 0 && refusedButLogged === 0 && growth < 0.1;

const body = `${runLine(`\`npm run soak -- --minutes ${MINUTES} --users ${USERS}${args['reads-only'] ? ' --reads-only' : ''}\``)}

The service runs as a child process (\`dist/src/main.js\`, embedded stores on a temporary DATA_DIR, 127.0.0.1), started on
a history of ${Number(args.history).toLocaleString('en')} demo projects over 36 months (${historyEvents.toLocaleString('en')} events, \`--history\`), with the default
rate limit of 600 requests per user per minute: each soak user leads its own team of 12 people, so no token comes near it).
${USERS} users walk projects through the procedure (every path: rejected leads, failed reviews, tender won or lost,
no-bid, negotiation, countersign rejections, terminations, signature, handover, summary), think 0.2–1 s between requests,
look at the board, their work, a project or a report between steps (40 %), resend 3 % of commands with the same
\`commandId\`, and try now and then what the rules refuse (expected refusals, counted apart).

${args['reads-only'] ? '**Queries only** (`--reads-only`): no command is sent; the users only read, so the data stays as seeded.\n\n' : ''}**${pass ? 'PASS' : 'FAIL'}** — ${elapsedSeconds.toFixed(0)} s, ${(counts.commands + counts.queries).toLocaleString('en')} requests
(${((counts.commands + counts.queries) / elapsedSeconds).toFixed(0)}/s), ${counts.projects.toLocaleString('en')} projects
(${counts.projectsFinished.toLocaleString('en')} walked to their end), ${eventsInLog.toLocaleString('en')} events in the log (${(eventsInLog - historyEvents).toLocaleString('en')} added).

| check | result |
|---|---|
| unexpected errors | ${unexpectedTotal}${unexpectedTotal ? ` (${[...unexpected].map(([kind, count]) => `${kind} ${count}`).join(', ')})` : ''} |
| expected domain refusals | ${counts.expectedRefusals.toLocaleString('en')} |
| acknowledged commands | ${acknowledged.size.toLocaleString('en')}; missing from the log: ${lost} |
| refused commands found in the log | ${refusedButLogged} |
| resent commands (same commandId) | ${counts.retries.toLocaleString('en')}, each answered as the first time |
| RSS after warm-up (${Number(args['warmup-minutes'])} min), median of the first minute → of the last | ${rssStart.toFixed(0)} MB → ${rssEnd.toFixed(0)} MB (${(growth * 100).toFixed(1)} %) |

| latency (ms) | requests | p50 | p95 | p99 | max |
|---|---|---|---|---|---|
${row('commands', latency.command)}
${row('queries', latency.query)}

Memory every ${SAMPLE_MS / 1000} s (from the service's \`/metrics\`), each minute summed up:

| minute | requests by its end | RSS median (min–max) MB | heap used median (min–max) MB |
|---|---|---|---|
${minutes.map((minute, index) => {
  const range = (values: number[]) => `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
  return `| ${index + 1} | ${minute[minute.length - 1].requests.toLocaleString('en')} | ${range(minute.map((sample) => sample.rssMb))} | ${range(minute.map((sample) => sample.heapMb))} |`;
}).join('\n')}
${unexpectedSamples.length ? `\nFirst unexpected errors:\n${unexpectedSamples.map((sample) => `- ${sample}`).join('\n')}\n` : ''}`;

console.log(body);
if (!args['dry-run']) writeSection(args['reads-only'] ? 'Soak, queries only — latest run' : 'Soak — latest run', body);
process.exit(pass ? 0 : 1);
