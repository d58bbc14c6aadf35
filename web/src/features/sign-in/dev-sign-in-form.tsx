import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Select, Spin, Tag } from 'antd';
import { useState } from 'react';
import { ROLES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { demoPeople, devToken, type DemoPerson } from './dev-sign-in';

interface Choice {
  userId: string;
  role: string;
}

/** 开发登录: a seeded person and role on the embedded default, clearly marked; production never offers it. */
export function DevSignInForm({ onToken }: { onToken: (token: string) => void }) {
  const { t, label } = useLocale();
  const people = useQuery({ queryKey: ['dev-people'], queryFn: demoPeople, staleTime: Infinity });
  const [form] = Form.useForm<Choice>();
  const userId = Form.useWatch('userId', form);
  const [busy, setBusy] = useState(false);

  const person = (id: string | undefined): DemoPerson | undefined => people.data?.find((p) => p.userId === id);
  const submit = async ({ userId, role }: Choice) => {
    setBusy(true);
    try {
      onToken(await devToken(person(userId)!, role));
    } finally {
      setBusy(false);
    }
  };

  if (people.isPending) return <Spin />;
  if (people.isError) return <Alert type="error" showIcon message={t('loadFailed')} />;
  if (!people.data) return null;
  return (
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
  );
}
