import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../src/event-store/event-store.port.js';

export function newEvent(type = 'SomethingHappened', data: Record<string, unknown> = {}, schemaVersion = 1): NewEvent {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: { userId: 'u-test', roles: ['ACCOUNT_MANAGER'] },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion,
    },
  };
}

export const streamName = () => `project-${randomUUID()}`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
