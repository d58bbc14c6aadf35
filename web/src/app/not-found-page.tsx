import { Result } from 'antd';
import { useLocale } from '../i18n/locale-context';

export function NotFoundPage() {
  const { t } = useLocale();
  return <Result status="404" title="404" subTitle={t('notFound')} />;
}
