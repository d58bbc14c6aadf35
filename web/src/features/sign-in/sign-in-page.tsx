import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session-context';
import { ROLES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { demoPeople, devToken, type DemoPerson } from './dev-sign-in';

interface Choice {
  userId: string;
  role: string;
}

/** 开发登录: a seeded person and role on the embedded default; production signs in elsewhere. */
export function SignInPage() {
  const { t, label, toggle } = useLocale();
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/my-work';
  const people = useQuery({ queryKey: ['dev-people'], queryFn: demoPeople, staleTime: Infinity });
  const [form] = Form.useForm<Choice>();
  const userId = Form.useWatch('userId', form);
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to={from} replace />;

  const person = (id: string | undefined): DemoPerson | undefined => people.data?.find((p) => p.userId === id);
  const submit = async ({ userId, role }: Choice) => {
    setBusy(true);
    try {
      signIn(await devToken(person(userId)!, role));
      navigate(from, { replace: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex component="main" justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Card style={{ width: 440 }}>
        <Flex justify="space-between" align="baseline">
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {t('appTitle')} · {t('signIn.title')}
          </Typography.Title>
          <Button type="link" onClick={toggle}>{t('locale.switch')}</Button>
        </Flex>
        {people.isPending && <Spin />}
        {people.isError && <Alert type="error" showIcon message={t('loadFailed')} />}
        {people.isSuccess && !people.data && <Alert type="info" showIcon message={t('signIn.unavailable')} />}
        {people.data && (
          <>
            <Tag color="#ad4e00" style={{ marginBottom: 12 }}>{t('signIn.devBadge')}</Tag>
            <Alert type="warning" showIcon message={t('signIn.devNotice')} style={{ marginBottom: 16 }} />
            <Form form={form} layout="vertical" onFinish={submit} initialValues={{ userId: people.data[0]?.userId, role: people.data[0]?.roles[0] }}>
              <Form.Item name="userId" label={t('signIn.person')}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  onChange={(id: string) => form.setFieldValue('role', person(id)?.roles[0])}
                  options={people.data.map((p) => ({ value: p.userId, label: `${p.name}（${p.userId} · ${p.roles.map((role) => label(ROLES, role)).join('、')}）` }))}
                />
              </Form.Item>
              <Form.Item name="role" label={t('signIn.role')}>
                <Select options={(person(userId)?.roles ?? []).map((role) => ({ value: role, label: label(ROLES, role) }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} block>
                {t('signIn.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
