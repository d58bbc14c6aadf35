import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/locale-context';

/** The sign-in card, shared by the sign-in page and its callback. */
export function SignInCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, toggle } = useLocale();
  return (
    <Flex component="main" justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Card style={{ width: 440 }}>
        <Flex justify="space-between" align="baseline">
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {t('appTitle')} · {title}
          </Typography.Title>
          <Button type="link" onClick={toggle}>{t('locale.switch')}</Button>
        </Flex>
        {children}
      </Card>
    </Flex>
  );
}
