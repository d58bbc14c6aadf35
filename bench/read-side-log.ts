import { ManualClock } from '../src/application/clock.js';
import { PolicyProvider } from '../src/application/policy.provider.js';
import { demoSchedule } from '../src/demo/demo-schedule.js';
import { commandSide, runSchedule } from '../src/demo/run-schedule.js';
import { readPolicyFile } from '../src/config/policy-file.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store.js';
import { padWithTrackingNotes } from './tracking-note-padding.js';
import { projectUpcasters } from '../src/event-store/project-upcasters.js';

/**
 * node dist/bench/read-side-log.js <events.db> <projects> <events>: the read side bench's log, written
 * through the command side and padded with tracking notes, in a process of its own. Seeding leaves a
 * large heap behind, in which reading the log ran 1.45 times slower than on a fresh thread; the bench
 * then measures its baseline and its rebuilds alike, in a process that did not seed.
 */
const [file, projects, total] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
const end = new Date('2026-11-01T00:00:00Z');
const events = new SqliteEventStore(file, projectUpcasters);
const clock = new ManualClock(end);
const schedule = demoSchedule({ projects, months: 24, seed: 7, end });
log(`seeding ${projects} projects (${schedule.length} commands) through the command side`);
const policy = new PolicyProvider(readPolicyFile());
const { handler, others } = commandSide(events, policy, clock);
await runSchedule(handler, clock, schedule, others);
log(`padding ${(await events.head())!.position} events to ${total} with tracking notes`);
await padWithTrackingNotes(events, [...new Set(schedule.flatMap((step) => ('projectId' in step ? [step.projectId] : [])))], total, end);
await events.close();
