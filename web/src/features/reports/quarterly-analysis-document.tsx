import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { shanghaiDateTime } from '../../format/shanghai-time';
import { execute } from '../../graphql/execute';
import type { ActionStatus, FollowUpActionsQuery } from '../../graphql/generated/graphql';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';
import { FollowUpActionsQuery as ActionsQuery, PrepareQuarterlyAnalysisMutation, QuarterlyAnalysisDocumentQuery, UpdateFollowUpActionMutation } from './report-documents.graphql';
import { readUntilRevision, writtenRevision } from './read-own-step';

type Action = FollowUpActionsQuery['followUpActions'][number];
type Draft = { title: string; ownerId: string; dueOn: string };
const STATUSES: ActionStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE'];

/**
 * 季度信息分析报告 as a document: the director's analysis from the quarter's monthly reports, and the follow-up actions
 * 销售策划 keeps; the director prepares it (with its actions), an action's owner moves it on with a note.
 */
export function QuarterlyAnalysisDocument({ quarter, asOf }: { quarter: string; asOf?: string }) {
  const { t } = useLocale();
  const client = useQueryClient();
  const [analysis, setAnalysis] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>([{ title: '', ownerId: '', dueOn: '' }]);
  const [notes, setNotes] = useState<Record<number, { status: ActionStatus; note: string }>>({});
  // the analysis is the unit managers'; the actions also their owners' (销售策划), who may read only those
  const document = useQuery({ queryKey: ['quarterlyAnalysisReport', quarter, asOf], queryFn: () => execute(QuarterlyAnalysisDocumentQuery, { quarter, asOf }), retry: false });
  const actions = useQuery({ queryKey: ['followUpActions', quarter], queryFn: () => execute(ActionsQuery, { quarter }) });
  const act = useMutation({
    mutationFn: (send: (commandId: string) => Promise<Record<string, { revision: number }>>) => send(crypto.randomUUID()),
    onSuccess: async (result) => {
      // the analysis's stream holds its preparation and its actions' updates: the newest of them is the stream's revision shown
      const shown = async () => {
        const [analysis, listed] = await Promise.all([document.refetch(), actions.refetch()]);
        const found = analysis.data?.quarterlyAnalysisReport;
        return Math.max(found?.revision ?? -1, ...(found?.actions ?? []).map((action) => action.revision), ...(listed.data?.followUpActions ?? []).map((action) => action.revision));
      };
      await readUntilRevision(shown, writtenRevision(result));
      await client.invalidateQueries({ predicate: ({ queryKey }) => ['quarterlyAnalysisReport', 'followUpActions'].includes(String(queryKey[0])) });
    },
  });
  const found = document.data?.quarterlyAnalysisReport;
  const setDraft = (index: number, change: Partial<Draft>) => setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, ...change } : draft)));
  const prepare = () => act.mutate((commandId) => execute(PrepareQuarterlyAnalysisMutation, {
    input: { commandId, quarter, analysis, actions: drafts.filter((draft) => draft.title.trim()) },
  }));
  const update = (action: Action) => {
    const chosen = notes[action.action] ?? { status: action.status === 'OPEN' ? 'IN_PROGRESS' : 'DONE', note: '' };
    act.mutate((commandId) => execute(UpdateFollowUpActionMutation, { input: { commandId, quarter, action: action.action, ...chosen } }));
  };
  return (
    <Card size="small" role="region" aria-label={t('doc.quarterTitle')} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('doc.quarterTitle')}</h2>}>
      {act.error && <Alert type="error" showIcon message={act.error.message} style={{ marginBottom: 8 }} />}
      {document.isSuccess && !found && <Typography.Paragraph>{t('doc.quarterNone')}</Typography.Paragraph>}
      {found && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('doc.analysis')}>{found.analysis}</Descriptions.Item>
          <Descriptions.Item label={t('doc.history')}>{`${shanghaiDateTime(found.preparedAt)} · ${found.preparedBy}`}</Descriptions.Item>
          <Descriptions.Item label={t('doc.figure')}>
            {t('doc.compared', {
              previous: found.previousQuarter.quarter, previousSource: t(`doc.${found.previousQuarter.source}` as MessageKey),
              lastYear: found.sameQuarterLastYear.quarter, lastYearSource: t(`doc.${found.sameQuarterLastYear.source}` as MessageKey),
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {document.isSuccess && !found && !asOf && (
        <Flex vertical gap={8}>
          <Input.TextArea aria-label={t('doc.analysis')} placeholder={t('doc.analysis')} rows={3} value={analysis} onChange={(event) => setAnalysis(event.target.value)} />
          {drafts.map((draft, index) => (
            <Flex key={index} gap={8} wrap>
              <Input aria-label={t('doc.actionTitle')} placeholder={t('doc.actionTitle')} style={{ width: 260 }} value={draft.title} onChange={(event) => setDraft(index, { title: event.target.value })} />
              <Input aria-label={t('doc.owner')} placeholder={t('doc.owner')} style={{ width: 140 }} value={draft.ownerId} onChange={(event) => setDraft(index, { ownerId: event.target.value })} />
              <DatePicker aria-label={t('doc.dueOn')} placeholder={t('doc.dueOn')} onChange={(day: Dayjs | null) => setDraft(index, { dueOn: day ? day.format('YYYY-MM-DD') : '' })} />
            </Flex>
          ))}
          <Flex gap={8}>
            <Button onClick={() => setDrafts([...drafts, { title: '', ownerId: '', dueOn: '' }])}>{t('doc.addAction')}</Button>
            <Button type="primary" loading={act.isPending} onClick={prepare}>{t('doc.prepareQuarter')}</Button>
          </Flex>
        </Flex>
      )}
      <h3 style={{ fontSize: 14, marginTop: 16 }}>{t('doc.actions')}</h3>
      <Table<Action>
        size="small"
        aria-label={t('doc.actions')}
        pagination={false}
        rowKey="action"
        locale={{ emptyText: <Typography.Text>—</Typography.Text> }}
        dataSource={actions.data?.followUpActions ?? []}
        columns={[
          { title: t('doc.actionTitle'), dataIndex: 'title', key: 'title' },
          { title: t('doc.owner'), dataIndex: 'ownerId', key: 'owner' },
          { title: t('doc.dueOn'), key: 'due', render: (_, action) => <>{action.dueOn} {action.overdue && <Tag color="#cf1322">{t('overdue')}</Tag>}</> },
          { title: t('doc.status'), key: 'status', render: (_, action) => t(`doc.${action.status}` as MessageKey) },
          { title: t('doc.note'), dataIndex: 'note', key: 'note' },
          {
            title: t('doc.update'),
            key: 'update',
            render: (_, action) => action.status !== 'DONE' && !asOf && (
              <Flex gap={4}>
                <Select<ActionStatus>
                  aria-label={t('doc.status')}
                  style={{ width: 100 }}
                  value={notes[action.action]?.status ?? (action.status === 'OPEN' ? 'IN_PROGRESS' : 'DONE')}
                  options={STATUSES.filter((status) => status !== action.status).map((status) => ({ value: status, label: t(`doc.${status}` as MessageKey) }))}
                  onChange={(status) => setNotes({ ...notes, [action.action]: { status, note: notes[action.action]?.note ?? '' } })}
                />
                <Input
                  aria-label={t('doc.note')}
                  placeholder={t('doc.note')}
                  style={{ width: 160 }}
                  value={notes[action.action]?.note ?? ''}
                  onChange={(event) => setNotes({ ...notes, [action.action]: { status: notes[action.action]?.status ?? (action.status === 'OPEN' ? 'IN_PROGRESS' : 'DONE'), note: event.target.value } })}
                />
                <Button size="small" loading={act.isPending} onClick={() => update(action)}>{t('doc.update')}</Button>
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
