import { fold } from '../../domain/project/state.js';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import { toDomainEvent } from '../project-stream.js';
import { documentVersionsOf } from './document-versions.js';
import { canonicalJson } from './event-chain.js';

/** What an auditor compares between two points of a project's history, field by field. */
export type AuditSnapshot = Record<string, unknown>;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Stage, amounts, documents, approvals and signers after the given events (null where not yet known). */
export function auditSnapshot(events: StoredEvent[]): AuditSnapshot {
  const state = fold(events.map(toDomainEvent));
  if (state.stage === 'NONE') return { stage: 'NONE' };
  const votes = (review: { version: number; votes: Record<string, string>; status: string } | undefined) =>
    review ? { version: review.version, votes: review.votes, status: review.status } : null;
  return {
    stage: state.stage,
    'amounts.estimated': state.lead.estimatedAmount,
    'amounts.quotation': state.quotation?.amount ?? null,
    'amounts.contract': state.contract?.amount ?? null,
    'amounts.signed': state.signedAmount ?? null,
    documents: documentVersionsOf(events).map(({ kind, title, version, sha256 }) => ({ kind, title, version, sha256 })),
    'approvals.solution': votes(state.solution),
    'approvals.technicalAgreement': votes(state.agreement),
    'approvals.quotation': state.quotation ? { version: state.quotation.version, approvals: state.quotation.approvals } : null,
    signers: state.contract ? { contractVersion: state.contract.version, signers: state.contract.signers } : null,
  };
}

/** Exactly the fields whose value differs, in the snapshot's field order. */
export function diffSnapshots(before: AuditSnapshot, after: AuditSnapshot): FieldChange[] {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields
    .filter((field) => canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}
