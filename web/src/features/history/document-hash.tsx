import { Tooltip, Typography } from 'antd';
import { useLocale } from '../../i18n/locale-context';
import { DOCUMENT_KINDS } from './history-labels';

/** A sha256 shortened to its first 12 digits: the whole value on hover and on copy. */
export function DocumentHash({ sha256 }: { sha256: string }) {
  return (
    <Tooltip title={sha256}>
      <Typography.Text code copyable={{ text: sha256 }}>
        {sha256.slice(0, 12)}…
      </Typography.Text>
    </Tooltip>
  );
}

/** A document version: its kind, title, version and hash. */
export function DocumentLine({ kind, title, version, sha256 }: { kind: string; title: string; version?: string | null; sha256: string }) {
  const { t, label } = useLocale();
  return (
    <Typography.Text>
      {label(DOCUMENT_KINDS, kind)} · {title}
      {version ? ` · ${t('history.version', { version })}` : ''} <DocumentHash sha256={sha256} />
    </Typography.Text>
  );
}
