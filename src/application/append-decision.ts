import { setTimeout as sleep } from 'node:timers/promises';
import { policyRef, type Policy } from '../domain/policy/policy.js';
import type { Actor } from '../domain/project/vocabulary.js';
import { ConcurrencyError } from '../event-store/event-store.errors.js';
import type { EventStore, NewEvent, StoredEvent } from '../event-store/event-store.port.js';
import { chained, linkOf } from './audit/event-chain.js';

const MAX_ATTEMPTS = 8;

export interface CommandMeta {
  /** The client's idempotency key. */
  commandId: string;
  actor: Actor & { name?: string };
  correlationId?: string;
}

/** What every decided event records of its command: who sent it, which one, when, under which policy. */
export function decisionMetadata(meta: CommandMeta, commandType: string, schemaVersion: number, now: Date, policy: Policy) {
  return {
    actor: { userId: meta.actor.userId, name: meta.actor.name, roles: [...meta.actor.roles] },
    commandId: meta.commandId,
    commandType,
    correlationId: meta.correlationId ?? meta.commandId,
    causationId: meta.commandId,
    schemaVersion,
    occurredAt: now.toISOString(),
    // the profile and version this decision was taken under: a changed policy applies to new decisions only
    policy: policyRef(policy),
  };
}

/**
 * Appends a decision's events, hash-chained to the stream's last, at the exact revision the decision saw. False when
 * another write came first (after a short random wait): the caller reloads and decides again. Throws any other error,
 * and a conflict once the attempts are spent.
 */
export async function appendAtRevision(events: EventStore, stream: string, history: StoredEvent[], unchained: NewEvent[], attempt: number): Promise<boolean> {
  const last = history[history.length - 1];
  const previousHash = last ? (linkOf(last)?.hash ?? null) : null;
  try {
    await events.append(stream, chained(stream, history.length, previousHash, unchained), last ? last.revision : 'NO_STREAM');
    return true;
  } catch (error) {
    if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
    await sleep(Math.random() * 5 * 2 ** Math.min(attempt, 5));
    return false;
  }
}
