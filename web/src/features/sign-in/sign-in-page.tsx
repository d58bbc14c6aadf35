import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session-context';
import { useLocale } from '../../i18n/locale-context';
import { consoleConfig, type OpenIdConnectConfig } from './console-config';
import { DevSignInForm } from './dev-sign-in-form';
import { SignInCard } from './sign-in-card';
import { startSignIn } from './openid-sign-in';

/** Through the company's identity provider: the browser goes there and comes back to /sign-in/callback. */
function ProviderSignIn({ config, from }: { config: OpenIdConnectConfig; from: string }) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const go = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await startSignIn(config, from);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('signIn.providerNotice', { issuer: new URL(config.issuer).host })}</Typography.Paragraph>
      {failed && <Alert type="error" showIcon message={t('loadFailed')} style={{ marginBottom: 16 }} />}
      <Button type="primary" size="large" block loading={busy} onClick={go}>
        {t('signIn.withProvider')}
      </Button>
    </>
  );
}

/** 登录: through the identity provider when one is configured; the development sign-in on the embedded default only. */
export function SignInPage() {
  const { t } = useLocale();
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/my-work';
  const config = useQuery({ queryKey: ['console-config'], queryFn: consoleConfig, staleTime: Infinity });
  if (session) return <Navigate to={from} replace />;

  return (
    <SignInCard title={t('signIn.title')}>
      {config.isPending && <Spin />}
      {config.isError && <Alert type="error" showIcon message={t('loadFailed')} />}
      {config.data?.oidc && <ProviderSignIn config={config.data.oidc} from={from} />}
      {config.data?.oidc && config.data.devSignIn && <Divider />}
      {config.data?.devSignIn && (
        <DevSignInForm
          onToken={(token) => {
            signIn(token);
            navigate(from, { replace: true });
          }}
        />
      )}
      {config.data && !config.data.oidc && !config.data.devSignIn && <Alert type="info" showIcon message={t('signIn.unavailable')} />}
    </SignInCard>
  );
}
