import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session-context';
import { useLocale } from '../../i18n/locale-context';
import { consoleConfig } from './console-config';
import { SignInCard } from './sign-in-card';
import { finishSignIn, SignInRefused, type SignInRefusal } from './openid-sign-in';

/** One exchange per page load: React's development double effects must not spend the code twice. */
let finishing: ReturnType<typeof finishSignIn> | undefined;

/** /sign-in/callback: the provider sends the browser back here with a code, checked and exchanged for the access token. */
export function SignInCallbackPage() {
  const { t } = useLocale();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const config = useQuery({ queryKey: ['console-config'], queryFn: consoleConfig, staleTime: Infinity });
  const [refusal, setRefusal] = useState<{ reason: SignInRefusal | 'noProvider'; detail?: string }>();

  useEffect(() => {
    if (!config.data) return;
    const oidc = config.data.oidc;
    if (!oidc) return setRefusal({ reason: 'noProvider' });
    finishing ??= finishSignIn(oidc, new URL(location.href));
    finishing.then(
      ({ accessToken, from }) => {
        signIn(accessToken);
        navigate(from, { replace: true });
      },
      (error: unknown) => setRefusal(error instanceof SignInRefused ? { reason: error.reason, detail: error.detail } : { reason: 'tokenRefused', detail: String(error) }),
    );
  }, [config.data, navigate, signIn]);

  return (
    <SignInCard title={refusal ? t('signIn.refused') : t('signIn.callbackTitle')}>
      {config.isError && <Alert type="error" showIcon message={t('loadFailed')} />}
      {!refusal && !config.isError && <Spin />}
      {refusal && (
        <>
          <Alert type="error" showIcon message={t(`signIn.refused.${refusal.reason}`, { detail: refusal.detail ?? '' })} style={{ marginBottom: 16 }} />
          <Button type="primary" block onClick={() => navigate('/sign-in', { replace: true })}>
            {t('signIn.again')}
          </Button>
        </>
      )}
    </SignInCard>
  );
}
