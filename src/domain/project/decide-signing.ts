import type { ArchiveSignedScan, NameSigningRepresentative } from './commands.js';
import { requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { DOCUMENT_NAMES } from './hands.js';
import { CLOSED_STAGES, type Project } from './state.js';
import type { DocumentRef, SignedDocument } from './vocabulary.js';

/** The electronic version signed with the customer, once it is. */
function signedVersion(project: Project, document: SignedDocument): { document: DocumentRef; scan?: DocumentRef } | undefined {
  if (document === 'CONTRACT') return project.contract?.status === 'SIGNED' ? project.contract : undefined;
  return project.agreement?.signed ? project.agreement : undefined;
}

/** 部门领导或者代表人 (document 000 §5.6 d, §5.8 b): the leader names who signs for them on this project; a later naming replaces it. */
export function nameSigningRepresentative(project: Project, { data }: NameSigningRepresentative, context: DecisionContext): ProjectEvent[] {
  const what = DOCUMENT_NAMES[data.document];
  if (!context.policy.signingCapacities[data.document].includes('REPRESENTATIVE')) {
    refuse('NOT_ALLOWED_FOR_ROLE', `no representative signs the ${what} under the ${context.policy.profile} policy`);
  }
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `the project is already ${project.stage}`);
  if (project.stage === 'LEAD' || project.stage === 'QUALIFIED') refuse('INVALID_TRANSITION', 'a representative is named once the project is approved (立项)');
  if (signedVersion(project, data.document)) refuse('INVALID_TRANSITION', `the ${what} is already signed`);
  const userId = requireText(data.userId, 'the representative').trim();
  return [{ type: 'SigningRepresentativeNamed', data: { document: data.document, userId, namedBy: context.actor.userId } }];
}

/** 电子版和纸质签字版分别归档: the signed paper's scan is its own document, linked to the electronic version's hash. */
export function archiveSignedScan(project: Project, { data }: ArchiveSignedScan, context: DecisionContext): ProjectEvent[] {
  const what = DOCUMENT_NAMES[data.document];
  const signed = signedVersion(project, data.document);
  if (!signed) return refuse('INVALID_TRANSITION', `the ${what} is not signed yet`);
  if (signed.scan) refuse('INVALID_TRANSITION', `the scan of the signed ${what} is already archived`);
  if (data.scan.sha256 === signed.document.sha256) refuse('INVALID_INPUT', `the scan is its own document: its sha256 cannot be the electronic ${what}'s`);
  return [{
    type: 'SignedScanArchived',
    data: { document: data.document, scan: data.scan, signedVersionSha256: signed.document.sha256, archivedBy: context.actor.userId },
  }];
}
