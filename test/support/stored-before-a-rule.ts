import { randomUUID } from 'node:crypto';
import { chained } from '../../src/application/audit/event-chain.js';
import { projectStream } from '../../src/application/project-stream.js';
import type { EventStore, NewEvent } from '../../src/event-store/event-store.port.js';

/**
 * Stores a copy of a project's first event under a new project id, altered by `alter`: what an older
 * PSM, one without a rule that now refuses such a value, could have written to the log. Returns the new id.
 */
export async function storeAlteredCopy(events: EventStore, projectId: string, alter: (event: NewEvent) => NewEvent): Promise<string> {
  const [first] = await events.readStream(projectStream(projectId), { asStored: true });
  const copyId = randomUUID();
  const commandId = randomUUID();
  const { previousHash: _previous, hash: _hash, ...metadata } = first.metadata;
  const copy = alter({
    id: randomUUID(), type: first.type, data: { ...first.data, projectId: copyId },
    metadata: { ...metadata, commandId, correlationId: commandId, causationId: commandId, projectId: copyId },
  });
  await events.append(projectStream(copyId), chained(projectStream(copyId), 0, null, [copy]), 'NO_STREAM');
  return copyId;
}
