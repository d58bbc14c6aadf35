import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runLine, writeSection } from './results.js';

/**
 * `npm run bench [-- --quick] [-- --only name,name]`: every benchmark in its own process, one after
 * the other (they measure the machine, so never side by side). A full run rewrites bench/RESULTS.md;
 * a quick one (smaller, under two minutes) only prints.
 */
interface Bench {
  name: string;
  /** The command line, from the repository root. */
  command: string[];
  /** What must exist before it runs, and how to make it. */
  setup?: { unless: string; command: string[] };
}

const BENCHES: Bench[] = [
  { name: 'event-store', command: ['node', '--expose-gc', 'dist/bench/event-store.bench.js'] },
  { name: 'commands-http', command: ['node', 'dist/bench/commands-http.bench.js'] },
  {
    name: 'emmett-peer',
    command: ['node', 'bench/emmett/peer.bench.mjs'],
    // the peer is installed for the benchmark only, once: it builds node-sqlite3 from source
    setup: { unless: 'bench/emmett/node_modules', command: ['npm', '--prefix', 'bench/emmett', 'ci', '--no-audit', '--no-fund'] },
  },
  { name: 'read-side', command: ['node', 'dist/bench/read-side.bench.js'] },
  { name: 'audit-replay', command: ['node', 'dist/bench/audit-replay.bench.js'] },
  { name: 'scaling', command: ['node', 'dist/bench/scaling.bench.js'] },
  { name: 'console-bundle', command: ['node', 'dist/bench/console-bundle.bench.js'] },
  { name: 'console-load', command: ['node', 'dist/bench/console-load.bench.js'] },
];

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = values.only?.split(',');
const selected = BENCHES.filter((bench) => !only || only.includes(bench.name));
const env = { ...process.env, ...(values.quick ? { BENCH_QUICK: '1' } : {}) };

function run([command, ...args]: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${[command, ...args].join(' ')} exited with ${code}`))));
  });
}

const commit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'projections', 'bench'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown commit';
  }
})();

const started = performance.now();
const timings: string[] = [];
for (const bench of selected) {
  process.stderr.write(`\n=== ${bench.name}${values.quick ? ' (quick)' : ''}\n`);
  const t = performance.now();
  if (bench.setup && !existsSync(bench.setup.unless)) await run(bench.setup.command);
  await run(bench.command);
  timings.push(`| ${bench.name} | ${((performance.now() - t) / 1000).toFixed(0)} s |`);
}
const total = ((performance.now() - started) / 1000).toFixed(0);
const summary = `${runLine(`commit ${commit} · ${values.quick ? 'quick' : 'full'} run · ${total} s`)}

| bench | took |
|---|---|
${timings.join('\n')}
`;
process.stdout.write(`\n${summary}`);
if (!only && !values.quick) writeSection('Last run', summary);
