import { randomUUID } from 'node:crypto';
import { chained, linkOf } from '../src/application/audit/event-chain.js';
import { projectStream } from '../src/application/project-stream.js';
import type { EventStore, NewEvent } from '../src/event-store/event-store.port.js';

const PARALLEL_STREAMS = 200;

/**
 * Brings the log up to at least `total` events with tracking notes, as account managers keep them,
 * spread evenly over `projectIds`: appended directly (the command side would only add time), each
 * note chained to its stream like the command handler's events.
 */
export async function padWithTrackingNotes(events: EventStore, projectIds: string[], total: number, at: Date): Promise<void> {
  const missing = total - Number((await events.head())?.position ?? 0);
  if (missing <= 0) return;
  const perProject = Math.ceil(missing / projectIds.length);
  for (let start = 0; start < projectIds.length; start += PARALLEL_STREAMS) {
    await Promise.all(projectIds.slice(start, start + PARALLEL_STREAMS).map(async (projectId) => {
      const stream = projectStream(projectId);
      const history = await events.readStream(stream);
      const last = history.at(-1);
      const notes: NewEvent[] = Array.from({ length: perProject }, (_, i) => {
        const commandId = randomUUID();
        return {
          id: randomUUID(), type: 'TrackingNoteAdded',
          data: { kind: 'CALL', note: `follow-up ${i}`, nextAction: 'call back', nextActionOn: '2026-11-30' },
          metadata: { actor: { userId: 'am-1', roles: ['ACCOUNT_MANAGER'] }, commandId, correlationId: commandId, causationId: commandId, schemaVersion: 1, projectId, occurredAt: at.toISOString() },
        };
      });
      await events.append(stream, chained(stream, history.length, last ? (linkOf(last)?.hash ?? null) : null, notes), last?.revision ?? 'NO_STREAM');
    }));
  }
}
