import { randomUUID } from 'node:crypto';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { stageEnteredBy } from '../../src/domain/project/stage-of.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import type { Projection } from '../../projections/runtime/projection.js';

let position = 0;

/**
 * Domain events as the store would deliver them, one per day from `start`, with the handler's metadata:
 * each as its own command, so its `stageBefore` is the stage the previous events left the project in.
 */
export function storedEvents(projectId: string, events: ProjectEvent[], start = '2026-11-02T02:00:00Z', stepMs = 86_400_000): StoredEvent[] {
  let stageBefore: { stage: string; enteredAt: string } | undefined;
  return events.map((event, revision) => {
    const at = new Date(Date.parse(start) + revision * stepMs).toISOString();
    const stored: StoredEvent = {
      id: randomUUID(), stream: `project-${projectId}`, revision, position: String(++position), type: event.type,
      data: event.data as Record<string, unknown>, recordedAt: at,
      metadata: { actor: { userId: 'u', roles: [] }, commandId: randomUUID(), correlationId: 'c', causationId: 'c', schemaVersion: 1, occurredAt: at, ...(stageBefore ? { stageBefore } : {}) },
    };
    const entered = stageEnteredBy(event);
    if (entered) stageBefore = { stage: entered, enteredAt: at };
    return stored;
  });
}

/** Folds events through a projection into a fresh in-memory read store, one commit per event. */
export async function projectAll(projection: Projection, events: StoredEvent[], reads = new EmbeddedReadStore(':memory:')) {
  await reads.defineCollections(projection.collections);
  for (const event of events) await reads.commit(projection.name, projection.project(event), event.position);
  return reads;
}
