import { createHash } from 'node:crypto';
import type { ProjectEvent } from '../domain/project/events.js';
import type { StoredEvent } from '../event-store/event-store.port.js';

export const projectStream = (projectId: string) => `project-${projectId}`;

export const toDomainEvent = (stored: StoredEvent): ProjectEvent => ({ type: stored.type, data: stored.data }) as ProjectEvent;

/**
 * A uuid (v5 layout) derived from the command id, scoped to its project and sender: a retried command
 * proposes the very same events, and nobody else's command id can ever collide with them.
 */
export const eventIdFor = (projectId: string, userId: string, commandId: string, index: number): string =>
  derivedUuid(`${projectId}/${userId}/${commandId}/${index}`);

/** The project a lead registers when the client names none: the same for every retry of the sender's command. */
export const projectIdFor = (userId: string, commandId: string): string => derivedUuid(`${userId}/${commandId}/project`);

function derivedUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
