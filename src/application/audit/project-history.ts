import type { Actor, StoredEvent } from '../../event-store/event-store.port.js';
import { occurredAt } from '../project-event-metadata.js';
import { toDomainEvent } from '../project-stream.js';
import { decidedDocumentSha, documentVersionsOf, type DocumentVersion } from './document-versions.js';
import { labelOf } from './event-labels.js';

/** One event of a project's history as an auditor reads it. */
export interface HistoryEntry {
  revision: number;
  type: string;
  label: string;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  commandId: string;
  correlationId: string;
  payload: Record<string, unknown>;
  /** For a review vote, quotation approval, countersign or agreement signature: the document version decided on. */
  decidedDocument: DocumentVersion | null;
}

export interface HistoryQuery {
  /** First revision to include (the page cursor). */
  from?: number;
  /** Last revision to include. */
  to?: number;
  types?: string[];
  limit: number;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Revision of the project's last event. */
  headRevision: number;
  /** Pass as `from` for the next page; null on the last page. */
  nextFrom: number | null;
}

/** A page of the history, from the whole stream: documents decided on may have been filed before the page. */
export function historyPage(stream: StoredEvent[], { from = 0, to = Number.MAX_SAFE_INTEGER, types, limit }: HistoryQuery): HistoryPage {
  const bySha = new Map<string, DocumentVersion[]>();
  for (const document of documentVersionsOf(stream)) bySha.set(document.sha256, [...(bySha.get(document.sha256) ?? []), document]);
  const matching = stream.filter((event) => event.revision >= from && event.revision <= to && (!types?.length || types.includes(event.type)));
  const page = matching.slice(0, limit);
  return {
    entries: page.map((event) => historyEntry(event, bySha)),
    headRevision: stream[stream.length - 1]?.revision ?? -1,
    nextFrom: matching.length > limit ? page[page.length - 1].revision + 1 : null,
  };
}

function historyEntry(event: StoredEvent, bySha: Map<string, DocumentVersion[]>): HistoryEntry {
  const { actor, commandId, correlationId } = event.metadata;
  const sha = decidedDocumentSha(toDomainEvent(event));
  return {
    revision: event.revision,
    type: event.type,
    label: labelOf(event.type),
    occurredAt: occurredAt(event),
    recordedAt: event.recordedAt,
    actor,
    commandId,
    correlationId,
    payload: event.data,
    // the version filed last before the decision: what the decider had in front of them
    decidedDocument: (sha && bySha.get(sha)?.findLast((document) => document.filedAt < event.revision)) || null,
  };
}
