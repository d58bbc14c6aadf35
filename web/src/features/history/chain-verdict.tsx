import { Alert } from 'antd';
import type { VerifyChainQuery } from '../../graphql/generated/graphql';
import { useLocale } from '../../i18n/locale-context';
import { DocumentHash } from './document-hash';
import { EVENT_TYPES } from './event-labels';
import { CHAIN_BREAK_REASONS } from './history-labels';

/** verifyProject's verdict: intact with its head hash, events before the chain, or the first broken link and why. */
export function ChainVerdict({ verification }: { verification: VerifyChainQuery['verifyProject'] }) {
  const { t, label } = useLocale();
  const { status, events, unchained, headHash, firstBreak } = verification;
  const head = headHash && (
    <>
      {t('history.verifyHead')}<DocumentHash sha256={headHash} />
    </>
  );
  if (status === 'BROKEN' && firstBreak) {
    const { revision, type, reason, expected, actual } = firstBreak;
    return (
      <Alert
        type="error"
        showIcon
        message={t('history.verifyBroken', { revision, type: label(EVENT_TYPES, type) })}
        description={t('history.verifyReason', { reason: label(CHAIN_BREAK_REASONS, reason), expected, actual })}
      />
    );
  }
  if (status === 'UNCHAINED') return <Alert type="warning" showIcon message={t('history.verifyUnchained', { events, unchained })} description={head} />;
  return <Alert type="success" showIcon message={t('history.verifyIntact', { events })} description={head} />;
}
