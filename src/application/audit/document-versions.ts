import type { ProjectEvent } from '../../domain/project/events.js';
import type { DocumentRef } from '../../domain/project/vocabulary.js';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import { toDomainEvent } from '../project-stream.js';

/** One version of a document the project filed, and the revision of the event that filed it. */
export interface DocumentVersion {
  kind: string;
  title: string;
  version: string | null;
  sha256: string;
  uri: string;
  filedAt: number;
}

type Filed = [kind: string, version: number | string | null, document: DocumentRef | undefined];

function filedBy(event: ProjectEvent): Filed[] {
  switch (event.type) {
    case 'ProjectApproved':
      return [['PROJECT_PLAN', null, event.data.plan]];
    case 'ExchangeRecorded':
      return [['EXCHANGE_MEMO', null, event.data.memo]];
    case 'SurveyCompleted':
      return [['SURVEY_REPORT', null, event.data.report]];
    case 'SolutionSubmitted':
      return [['SOLUTION', event.data.version, event.data.document]];
    case 'QuotationSubmitted':
      return [['QUOTATION', event.data.version, event.data.document]];
    case 'NegotiationRecorded':
      return [['NEGOTIATION_NOTES', null, event.data.document]];
    case 'TechnicalAgreementSubmitted':
      return [['TECHNICAL_AGREEMENT', event.data.version, event.data.document]];
    case 'ContractDrafted':
      return [['CONTRACT', event.data.version, event.data.document]];
    case 'ContractSigned':
      return [['SIGNED_CONTRACT', event.data.version, event.data.document]];
    case 'ProjectHandedOver':
      return event.data.items.map(({ title, uri, sha256 }): Filed => ['HANDOVER', null, { title, uri, sha256 }]);
    case 'DocumentAttached':
      return [[event.data.kind, event.data.version, event.data]];
    default:
      return [];
  }
}

/** Every document version the events filed, in the order they were filed. */
export const documentVersionsOf = (events: StoredEvent[]): DocumentVersion[] =>
  events.flatMap((event) =>
    filedBy(toDomainEvent(event)).flatMap(([kind, version, document]) =>
      document ? [{ kind, title: document.title, version: version === null ? null : String(version), sha256: document.sha256, uri: document.uri, filedAt: event.revision }] : [],
    ),
  );

/** The sha256 of the document a review vote, quotation approval, countersign or agreement signature was bound to. */
export function decidedDocumentSha(event: ProjectEvent): string | undefined {
  switch (event.type) {
    case 'ReviewVoteCast':
    case 'QuotationApproved':
    case 'ContractCountersigned':
    case 'TechnicalAgreementSigned':
      return event.data.documentSha256;
    default:
      return undefined;
  }
}
