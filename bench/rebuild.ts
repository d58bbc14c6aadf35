import { pino } from 'pino';
import type { Projection } from '../projections/runtime/projection.js';
import { Projector } from '../projections/runtime/projector.js';
import type { EventStore } from '../src/event-store/event-store.port.js';
import type { ReadStore } from '../src/read-store/read-store.port.js';

/** Seconds a projector takes to build `projections` from nothing into `reads` up to the head of `events`; closes `reads`. */
export async function rebuildSeconds(projections: Projection[], events: EventStore, reads: ReadStore): Promise<number> {
  const projector = new Projector(projections, events, reads, pino({ level: 'silent' }));
  const started = performance.now();
  await projector.start();
  const head = (await events.head())!.position;
  while (!projector.status().every((status) => status.checkpoint === head)) {
    if (projector.status().some((status) => status.state === 'FAILED')) throw new Error(`rebuild failed: ${JSON.stringify(projector.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await projector.stop();
  await reads.close();
  return seconds;
}
