import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Form, Select, Table } from 'antd';
import { useState } from 'react';
import { execute } from '../../graphql/execute';
import { useLocale } from '../../i18n/locale-context';
import { DiffValue } from './diff-value';
import { DIFF_FIELDS } from './history-labels';
import { DiffQuery } from './history.graphql';

/** What changed between two revisions, field by field, as projectDiff says: from registration to now until others are picked. */
export function RevisionDiff({ projectId, headRevision, eventLabel }: { projectId: string; headRevision: number; eventLabel: (revision: number) => string }) {
  const { t, label } = useLocale();
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(headRevision);
  const diff = useQuery({ queryKey: ['project-diff', projectId, from, to], queryFn: () => execute(DiffQuery, { id: projectId, from, to }), placeholderData: keepPreviousData });
  const options = Array.from({ length: headRevision + 1 }, (_, revision) => ({ value: revision, label: `${revision} · ${eventLabel(revision)}` }));
  const picker = (id: string, title: string, value: number, onChange: (revision: number) => void) => (
    <Form.Item label={title} htmlFor={id}>
      <Select id={id} showSearch optionFilterProp="label" style={{ width: 220 }} value={value} options={options} onChange={onChange} />
    </Form.Item>
  );
  return (
    <>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        {picker('history-diff-from', t('history.diffFrom'), from, setFrom)}
        {picker('history-diff-to', t('history.diffTo'), to, setTo)}
      </Form>
      {diff.isError && <Alert type="error" showIcon message={t('loadFailed')} description={diff.error.message} />}
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        loading={diff.isFetching}
        dataSource={diff.data?.projectDiff.changes ?? []}
        locale={{ emptyText: t('history.diffNone') }}
        columns={[
          { key: 'field', title: t('history.diffField'), dataIndex: 'field', width: 120, render: (field: string) => label(DIFF_FIELDS, field) },
          { key: 'before', title: t('history.diffBefore'), render: (_, change) => <DiffValue field={change.field} value={change.before} /> },
          { key: 'after', title: t('history.diffAfter'), render: (_, change) => <DiffValue field={change.field} value={change.after} /> },
        ]}
      />
    </>
  );
}
