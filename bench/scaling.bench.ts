import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTIONS } from '../projections/projections.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../src/read-store/embedded/embedded.read-store.js';
import { commandLoad } from './command-load.js';
import { rebuildSeconds } from './rebuild.js';
import { REPORT_QUERIES, timeQuery } from './report-queries.js';
import { percentile, QUICK, runLine, writeSection } from './results.js';
import { scalingChart, type Panel } from './scaling-chart.js';
import { SEEDING_USERS, seededLog } from './seeded-log.js';
import { startService } from './service-process.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';

/**
 * How PSM grows with its data: at each size (projects of demo history, ≈50 events each) the rebuild of every
 * read model from the log, then the real service started on the persisted read models, its report queries,
 * a modest command load against it, and its resident memory.
 */
const SIZES = process.env.BENCH_SIZES?.split(',').map(Number) ?? (QUICK ? [200, 1_000, 2_000] : [1_000, 10_000, 100_000]);
const EVENTS_PER_PROJECT = 50;
const REQUESTS = QUICK ? 30 : 200;
/** Seconds of timed requests per query at most, so that slow answers at the largest size still end. */
const QUERY_BUDGET_SECONDS = 30;
const [CLIENTS, LOAD_SECONDS] = [4, QUICK ? 2 : 5];
const QUERY_NAMES = Object.keys(REPORT_QUERIES);
const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

interface Measured {
  projects: number;
  events: number;
  seed: string;
  rebuildSeconds: number;
  startSeconds: number;
  queries: Record<string, { p50: number; p99: number; bytes: number; requests: number }>;
  commands: { count: number; p50: number; p99: number };
  rssMb: number;
}

async function measure(projects: number): Promise<Measured> {
  const seeded = await seededLog(projects, EVENTS_PER_PROJECT, log);
  const dir = mkdtempSync(join(process.env.BENCH_CACHE ?? tmpdir(), 'psm-scaling-'));
  try {
    copyFileSync(seeded.file, join(dir, 'events.db'));
    log(`rebuilding every read model from ${seeded.events} events`);
    const events = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
    const rebuilt = await rebuildSeconds(PROJECTIONS, events, new EmbeddedReadStore(join(dir, 'read.db')));
    await events.close();
    log('starting the service on the persisted read models');
    const service = await startService(dir);
    try {
      const token = service.tokenFor('dir-1', 'SALES_DIRECTOR');
      const queries: Measured['queries'] = {};
      let projectIds: string[] = [];
      for (const [name, query] of Object.entries(REPORT_QUERIES)) {
        const { times, bytes, data } = await timeQuery(service.url, token, query, REQUESTS, QUERY_BUDGET_SECONDS);
        queries[name] = { p50: percentile(times, 50), p99: percentile(times, 99), bytes, requests: times.length };
        if (name === 'pipelineBoard') projectIds = (data as { pipelineBoard: Array<{ cards: Array<{ projectId: string }> }> }).pipelineBoard.flatMap((column) => column.cards.map((card) => card.projectId));
      }
      log(`${CLIENTS} clients sending commands for ${LOAD_SECONDS} s`);
      const times = await commandLoad(service, projectIds, CLIENTS, LOAD_SECONDS);
      return {
        projects, events: seeded.events, rebuildSeconds: rebuilt, startSeconds: service.startSeconds, queries,
        seed: `${seeded.seedSeconds.toFixed(0)} s${seeded.reused ? ' (earlier run, cached)' : ''}`,
        commands: { count: times.length, p50: percentile(times, 50), p99: percentile(times, 99) },
        rssMb: service.rssBytes() / 2 ** 20,
      };
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs: Measured[] = [];
for (const size of SIZES) runs.push(await measure(size));

const [first, last] = [runs[0], runs.at(-1)!];
const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const growth = (pick: (run: Measured) => number) => `×${(pick(last) / pick(first)).toFixed(2)}`;
interface Figure {
  title: string;
  unit: 'ms' | 's' | 'MB';
  value(run: Measured): number;
  /** What the table adds beside the value. */
  aside?(run: Measured): string;
}
const figures: Figure[] = [
  { title: 'command p50', unit: 'ms', value: (r) => r.commands.p50 },
  { title: 'command p99', unit: 'ms', value: (r) => r.commands.p99 },
  ...QUERY_NAMES.map((name): Figure => ({ title: `${name} p99`, unit: 'ms', value: (r) => r.queries[name].p99, aside: (r) => `answer ${n(r.queries[name].bytes)} B, ${r.queries[name].requests} requests` })),
  { title: 'rebuild of all read models', unit: 's', value: (r) => r.rebuildSeconds },
  { title: 'start-up, read models persisted', unit: 's', value: (r) => r.startSeconds },
  { title: 'service RSS after the run', unit: 'MB', value: (r) => r.rssMb },
];
const show = (figure: Figure, run: Measured) => `${n(figure.value(run), figure.unit === 'MB' ? 0 : figure.unit === 's' ? 2 : 1)} ${figure.unit}${figure.aside ? ` (${figure.aside(run)})` : ''}`;
const perSize = runs.map((r) => `### ${n(r.projects)} projects, ${n(r.events)} events

Seeding: ${r.seed}; ${n(r.commands.count)} commands from ${CLIENTS} clients in ${LOAD_SECONDS} s, every one acknowledged.

| figure | value |
|---|---|
${figures.map((figure) => `| ${figure.title} | ${show(figure, r)} |`).join('\n')}
`);
const answerGrowth = (name: string) => last.queries[name].bytes / first.queries[name].bytes;
const verdicts = [
  `command latency ${growth((r) => r.commands.p50)} at p50 and ${growth((r) => r.commands.p99)} at p99 — ${last.commands.p99 / first.commands.p99 <= 1.5 ? 'flat' : 'NOT flat'}`,
  ...QUERY_NAMES.map((name) => {
    const grew = last.queries[name].p99 / first.queries[name].p99;
    return `${name} p99 ${growth((r) => r.queries[name].p99)} while its answer grew ×${answerGrowth(name).toFixed(2)} — ${grew <= Math.max(1.5, answerGrowth(name) * 1.25) ? 'no faster than the answer' : 'FASTER than the answer'}`;
  }),
];
const targetsAt = last.projects === 100_000 ? 'at 100k projects' : `at ${n(last.projects)} projects (the targets are for 100k)`;
const targets = [
  `start-up with persisted read models < 5 s: ${n(last.startSeconds, 2)} s — ${last.startSeconds < 5 ? 'PASS' : 'FAIL'}`,
  `service RSS < 1.5 GB: ${n(last.rssMb)} MB — ${last.rssMb < 1536 ? 'PASS' : 'FAIL'}`,
  `pipelineBoard p99 < 50 ms: ${n(last.queries.pipelineBoard.p99, 1)} ms — ${last.queries.pipelineBoard.p99 < 50 ? 'PASS' : 'FAIL'}`,
];
const section = `${runLine(`${SIZES.map((size) => n(size)).join(' / ')} projects, ≈${EVENTS_PER_PROJECT} events each`)}

Each size: the demo history through the command side (${SEEDING_USERS} people at once), padded with tracking notes; seeded once per size and code version into a cache and reused. Rebuild: a projector from nothing to the head into a fresh read.db. Then \`node dist/src/main.js\` on that data directory: start-up is spawn until /health reports every read model 0 events behind; queries, commands and RSS (VmRSS) are that process's.

![scaling](scaling.svg)

Targets ${targetsAt}:
${targets.map((line) => `- ${line}`).join('\n')}

Growth from ${n(first.projects)} to ${n(last.projects)} projects:
${verdicts.map((line) => `- ${line}`).join('\n')}

${perSize.join('\n')}`;
console.log(section);
if (!QUICK) {
  const panels = figures.map(({ title, unit, value }): Panel => ({ title, unit, values: runs.map(value) }));
  for (const [i, name] of QUERY_NAMES.entries()) panels[2 + i].reference = { label: 'grown as its answer', values: runs.map((r) => (first.queries[name].p99 * r.queries[name].bytes) / first.queries[name].bytes) };
  writeFileSync('bench/scaling.svg', scalingChart(SIZES, panels));
}
writeSection('Scaling — latest run', section);
