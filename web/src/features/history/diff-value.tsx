import { Flex } from 'antd';
import { yuan } from '../../format/money';
import { ROLES, STAGES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { DocumentLine } from './document-hash';
import { REVIEW_STATUSES, VOTES } from './history-labels';

/** The shapes projectDiff compares (src/application/audit/project-diff.ts auditSnapshot). */
interface Review { version: number; votes: Record<string, string>; status: string }
interface QuotationApprovals { version: number; approvals: Array<{ role: string; approverId: string }> }
interface Signers { contractVersion: number; signers: string[] }
interface DocumentVersion { kind: string; title: string; version: string | null; sha256: string }

/** One side of a projectDiff change, in words: a stage's name, yuan, documents with their hashes, who voted, approved or signed. */
export function DiffValue({ field, value }: { field: string; value: unknown }) {
  const { t, label } = useLocale();
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return <>—</>;
  const version = (number: number) => t('history.version', { version: number });
  if (field === 'stage') return <>{label(STAGES, value as string)}</>;
  if (field.startsWith('amounts.')) return <>{yuan((value as { amount: number }).amount)}</>;
  if (field === 'documents') {
    return (
      <Flex vertical gap={2}>
        {(value as DocumentVersion[]).map((document, i) => (
          <DocumentLine key={i} {...document} />
        ))}
      </Flex>
    );
  }
  if (field === 'approvals.solution' || field === 'approvals.technicalAgreement') {
    const review = value as Review;
    const votes = Object.entries(review.votes).map(([reviewer, vote]) => `${reviewer} ${label(VOTES, vote)}`);
    return <>{[version(review.version), label(REVIEW_STATUSES, review.status), ...votes].join(' · ')}</>;
  }
  if (field === 'approvals.quotation') {
    const quotation = value as QuotationApprovals;
    return <>{[version(quotation.version), ...quotation.approvals.map((approval) => t('history.approver', { approver: approval.approverId, role: label(ROLES, approval.role) }))].join(' · ')}</>;
  }
  if (field === 'signers') {
    const { contractVersion, signers } = value as Signers;
    return <>{[version(contractVersion), signers.join(t('history.separator')) || '—'].join(' · ')}</>;
  }
  return <code>{JSON.stringify(value)}</code>;
}
