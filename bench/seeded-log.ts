import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyProvider } from '../src/application/policy.provider.js';
import { demoSchedule } from '../src/demo/demo-schedule.js';
import { readPolicyFile } from '../src/config/policy-file.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store.js';
import { runScheduleConcurrently } from './concurrent-schedule.js';
import { padWithTrackingNotes } from './tracking-note-padding.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';

const END = new Date('2026-11-01T00:00:00Z');
const SEED = 7;
/** People entering the demo history at once: their appends share a commit. */
export const SEEDING_USERS = 64;

export interface SeededLog {
  /** events.db of the data set: copy it before writing to it. */
  file: string;
  events: number;
  seedSeconds: number;
  /** Taken from the cache rather than seeded by this run. */
  reused: boolean;
}

/** The code the data set depends on: the procedure, the demo history and the command side. */
function codeVersion(): string {
  const paths = ['src/domain', 'src/demo', 'src/application'];
  const commit = execFileSync('git', ['log', '-1', '--format=%h', '--', ...paths], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', ...paths], { encoding: 'utf8' }).trim();
  return dirty ? `${commit}-dirty` : commit;
}

/**
 * `projects` projects of demo history (24 months, through the command side) padded with tracking notes
 * to `eventsPerProject` each on average; seeded once per (size, seed, code version) into BENCH_CACHE
 * (default: the temporary directory) and reused by later runs.
 */
export async function seededLog(projects: number, eventsPerProject: number, log: (message: string) => void): Promise<SeededLog> {
  const dir = join(process.env.BENCH_CACHE ?? tmpdir(), `psm-bench-${projects}p-${eventsPerProject}e-seed${SEED}-${codeVersion()}`);
  const file = join(dir, 'events.db');
  if (existsSync(join(dir, 'seeded.json'))) {
    const { events, seedSeconds } = JSON.parse(readFileSync(join(dir, 'seeded.json'), 'utf8')) as Omit<SeededLog, 'file' | 'reused'>;
    log(`reusing ${projects} projects, ${events} events from ${dir} (seeded in ${seedSeconds.toFixed(0)} s)`);
    return { file, events, seedSeconds, reused: true };
  }
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const started = performance.now();
  const store = new SqliteEventStore(join(partial, 'events.db'), projectUpcasters);
  const schedule = demoSchedule({ projects, months: 24, seed: SEED, end: END });
  log(`seeding ${projects} projects (${schedule.length} commands) through the command side, ${SEEDING_USERS} at a time`);
  await runScheduleConcurrently(store, new PolicyProvider(readPolicyFile()), schedule, SEEDING_USERS);
  log(`padding to ${projects * eventsPerProject} events with tracking notes`);
  await padWithTrackingNotes(store, [...new Set(schedule.flatMap((step) => ('projectId' in step ? [step.projectId] : [])))], projects * eventsPerProject, END);
  const events = Number((await store.head())!.position);
  await store.close();
  const seedSeconds = (performance.now() - started) / 1000;
  writeFileSync(join(partial, 'seeded.json'), JSON.stringify({ events, seedSeconds }));
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  log(`seeded ${events} events in ${seedSeconds.toFixed(0)} s into ${dir}`);
  return { file, events, seedSeconds, reused: false };
}
