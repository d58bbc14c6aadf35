import { createHash } from 'node:crypto';
import type { NewEvent, StoredEvent } from '../../event-store/event-store.port.js';

/** What an event's metadata carries of the chain: its predecessor's hash (null for the first) and its own. */
export interface ChainLink {
  previousHash: string | null;
  hash: string;
}

/** What the hash covers: everything the writer stores but the chain fields themselves. */
interface HashedEvent {
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** JSON with every object's keys sorted, so the same content always gives the same text, whatever the store did to key order. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : nested,
  );

export function eventHash({ stream, revision, id, type, data, metadata }: HashedEvent, previousHash: string | null): string {
  const { hash: _hash, previousHash: _previous, ...covered } = metadata;
  return createHash('sha256').update(canonicalJson({ stream, revision, id, type, data, metadata: covered, previousHash })).digest('hex');
}

export const linkOf = (event: { metadata: Record<string, unknown> }): ChainLink | undefined =>
  typeof event.metadata.hash === 'string' ? { hash: event.metadata.hash, previousHash: (event.metadata.previousHash as string | null) ?? null } : undefined;

/** The events to append at `firstRevision`, each chained to the one before it; the first to `previousHash`. */
export function chained(stream: string, firstRevision: number, previousHash: string | null, events: NewEvent[]): NewEvent[] {
  let previous = previousHash;
  return events.map((event, index) => {
    const hash = eventHash({ ...event, stream, revision: firstRevision + index }, previous);
    const link: ChainLink = { previousHash: previous, hash };
    previous = hash;
    return { ...event, metadata: { ...event.metadata, ...link } };
  });
}

export type BreakReason = 'REVISION_GAP' | 'CONTENT_ALTERED' | 'BROKEN_LINK' | 'CHAIN_STRIPPED';

export interface ChainBreak {
  revision: number;
  eventId: string;
  type: string;
  reason: BreakReason;
  /** What the chain says should be there, and what is. */
  expected: string;
  actual: string;
}

export interface ChainVerification {
  status: 'INTACT' | 'BROKEN' | 'UNCHAINED';
  events: number;
  /** Events written before the chain existed: a prefix of the stream, reported, not verified. */
  unchained: number;
  /** The hash of the last event: anchor it elsewhere to detect a cut tail. */
  headHash: string | null;
  firstBreak?: ChainBreak;
}

/**
 * Recomputes the chain of one stream's events as stored (not upcast), in revision order, and names
 * the first event where it breaks: a missing revision, altered content, a link to the wrong
 * predecessor, or an event without a hash after the chain began.
 */
export function verifyChain(events: StoredEvent[]): ChainVerification {
  let unchained = 0;
  let previous: string | null = null;
  for (const [index, event] of events.entries()) {
    const fail = (reason: BreakReason, expected: string, actual: string): ChainVerification => ({
      status: 'BROKEN', events: events.length, unchained, headHash: linkOf(events[events.length - 1])?.hash ?? null,
      firstBreak: { revision: event.revision, eventId: event.id, type: event.type, reason, expected, actual },
    });
    if (event.revision !== index) return fail('REVISION_GAP', `revision ${index}`, `revision ${event.revision}`);
    const link = linkOf(event);
    if (!link) {
      if (previous !== null) return fail('CHAIN_STRIPPED', 'a hash', 'none');
      unchained += 1;
      continue;
    }
    const recomputed = eventHash(event, link.previousHash);
    if (recomputed !== link.hash) return fail('CONTENT_ALTERED', link.hash, recomputed);
    if (link.previousHash !== previous) return fail('BROKEN_LINK', String(previous), String(link.previousHash));
    previous = link.hash;
  }
  return { status: unchained > 0 ? 'UNCHAINED' : 'INTACT', events: events.length, unchained, headHash: previous };
}
