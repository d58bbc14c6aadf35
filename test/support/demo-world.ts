import { pino } from 'pino';
import { PROJECTIONS } from '../../projections/projections.js';
import { Projector } from '../../projections/runtime/projector.js';
import { ManualClock } from '../../src/application/clock.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { demoSchedule, type DemoOptions } from '../../src/demo/demo-schedule.js';
import { commandSide, runSchedule } from '../../src/demo/run-schedule.js';
import { ENTERPRISE_STANDARD } from './policies.js';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';

export const DEMO: DemoOptions = { projects: 300, months: 24, seed: 7, end: new Date('2026-11-01T00:00:00Z') };

/** Plays the demo history through the real command side into `events`. */
export async function seed(events: EventStore, options: DemoOptions = DEMO): Promise<void> {
  const clock = new ManualClock(options.end);
  const policy = new PolicyProvider(ENTERPRISE_STANDARD);
  const { handler, others } = commandSide(events, policy, clock);
  await runSchedule(handler, clock, demoSchedule(options), others);
}

/** Runs every projection until it has folded in the whole log. */
export async function projectEverything(events: EventStore, reads: ReadStore): Promise<void> {
  const projector = new Projector(PROJECTIONS, events, reads, pino({ level: 'silent' }));
  await projector.start();
  const head = (await events.head())?.position;
  for (let i = 0; i < 3000 && !projector.status().every((status) => status.checkpoint === head); i++) {
    if (projector.status().some((status) => status.state === 'FAILED')) throw new Error(JSON.stringify(projector.status()));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await projector.stop();
  if (!projector.status().every((status) => status.checkpoint === head)) throw new Error('projections did not catch up');
}
