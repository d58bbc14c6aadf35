import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Input, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { shanghaiDateTime } from '../../format/shanghai-time';
import { execute } from '../../graphql/execute';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';
import {
  AcknowledgeMonthlyReportMutation, MonthlyReportDocumentQuery, PrepareMonthlyReportMutation, ReturnMonthlyReportMutation, SubmitMonthlyReportMutation,
} from './report-documents.graphql';
import { readUntilRevision, writtenRevision } from './read-own-step';

// solid colours: white text on them is readable (WCAG AA)
const STATUS_COLOURS: Record<string, string> = { PREPARED: '#0958d9', SUBMITTED: '#ad4e00', ACKNOWLEDGED: '#237804', RETURNED: '#cf1322' };

/**
 * 每月信息统计表 as a document: its status, the version in force with its analysis, its history, and the restatement
 * of its frozen figures against the figures now. The supervisor prepares and submits, the director acknowledges or
 * returns with comments; the service refuses whoever the profile does not name, and the refusal is shown.
 */
export function MonthlyReportDocument({ month, asOf }: { month: string; asOf?: string }) {
  const { t } = useLocale();
  const client = useQueryClient();
  const [analysis, setAnalysis] = useState('');
  const [comments, setComments] = useState('');
  const document = useQuery({ queryKey: ['monthlyReport', month, asOf], queryFn: () => execute(MonthlyReportDocumentQuery, { month, asOf }) });
  const act = useMutation({
    mutationFn: (send: (commandId: string) => Promise<Record<string, { revision: number }>>) => send(crypto.randomUUID()),
    onSuccess: async (result) => {
      setComments('');
      await readUntilRevision(async () => (await document.refetch()).data?.monthlyReport?.revision ?? -1, writtenRevision(result));
      await client.invalidateQueries({ queryKey: ['monthlyReport', month] });
    },
  });
  const report = document.data?.monthlyReport;
  const restatement = document.data?.monthlyReportRestatement;
  const status = report?.status;
  const canPrepare = !asOf && (!report || status === 'PREPARED' || status === 'RETURNED');
  return (
    <Card size="small" role="region" aria-label={t('doc.title')} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('doc.title')}</h2>}>
      {document.error && <Alert type="error" showIcon message={t('loadFailed')} description={document.error.message} />}
      {act.error && <Alert type="error" showIcon message={act.error.message} style={{ marginBottom: 8 }} />}
      {document.isSuccess && !report && <Typography.Paragraph>{t('doc.none')}</Typography.Paragraph>}
      {report && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('doc.status')}>
            <Tag color={STATUS_COLOURS[report.status]}>{t(`doc.${report.status}` as MessageKey)}</Tag> {t('doc.version', { version: report.current.version })}
          </Descriptions.Item>
          <Descriptions.Item label={t('doc.analysis')}>{report.current.analysis}</Descriptions.Item>
          <Descriptions.Item label={t('doc.figure')}>{t('doc.readAt', { instant: shanghaiDateTime(report.current.readAt) })}</Descriptions.Item>
        </Descriptions>
      )}
      {!asOf && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          {canPrepare && (
            <>
              <Input.TextArea aria-label={t('doc.analysis')} placeholder={t('doc.analysis')} rows={3} value={analysis} onChange={(event) => setAnalysis(event.target.value)} />
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate((commandId) => execute(PrepareMonthlyReportMutation, { input: { commandId, month, analysis } }))}>
                {t('doc.prepare')}
              </Button>
            </>
          )}
          {status === 'PREPARED' && (
            <Button loading={act.isPending} onClick={() => act.mutate((commandId) => execute(SubmitMonthlyReportMutation, { input: { commandId, month } }))}>{t('doc.submit')}</Button>
          )}
          {status === 'SUBMITTED' && (
            <>
              <Input.TextArea aria-label={t('doc.comments')} placeholder={t('doc.comments')} rows={2} value={comments} onChange={(event) => setComments(event.target.value)} />
              <Flex gap={8}>
                <Button type="primary" loading={act.isPending} onClick={() => act.mutate((commandId) => execute(AcknowledgeMonthlyReportMutation, { input: { commandId, month, comments: comments || undefined } }))}>
                  {t('doc.acknowledge')}
                </Button>
                <Button danger loading={act.isPending} onClick={() => act.mutate((commandId) => execute(ReturnMonthlyReportMutation, { input: { commandId, month, comments } }))}>{t('doc.return')}</Button>
              </Flex>
            </>
          )}
        </Flex>
      )}
      {report && (
        <>
          <h3 style={{ fontSize: 14, marginTop: 16 }}>{t('doc.history')}</h3>
          <Timeline
            items={report.history.map((step) => ({
              children: `${shanghaiDateTime(step.at)} ${t(`doc.${step.kind}` as MessageKey)} ${t('doc.version', { version: step.version })} · ${step.by}${step.comments ? ` · ${step.comments}` : ''}`,
            }))}
          />
        </>
      )}
      {restatement && (
        <>
          <h3 style={{ fontSize: 14 }}>{t('doc.restatement')}</h3>
          <Table
            size="small"
            aria-label={t('doc.restatement')}
            pagination={false}
            rowKey="figure"
            dataSource={restatement.differences}
            locale={{ emptyText: <Typography.Text>{t('doc.noDifferences')}</Typography.Text> }}
            columns={[
              { title: t('doc.figure'), dataIndex: 'figure', key: 'figure' },
              { title: t('doc.frozen'), dataIndex: 'frozen', key: 'frozen', align: 'right' },
              { title: t('doc.now'), dataIndex: 'now', key: 'now', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
