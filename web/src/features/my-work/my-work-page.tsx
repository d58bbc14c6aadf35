import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { shanghaiDateTime } from '../../format/shanghai-time';
import { PageTitle } from '../../app/page-title';
import { execute } from '../../graphql/execute';
import { ROLES, STAGES, WORK_KINDS } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { dueFirst, dueOnOf, isOverdue, type WorkItem } from './due-first';
import { MyWorkQuery } from './my-work.graphql';

/** A management report's item opens its report: 统计月报 of a month, 季度分析 of a quarter. */
function ReportLink({ item }: { item: WorkItem }) {
  const { t } = useLocale();
  const quarterly = item.period?.includes('Q');
  return quarterly ? (
    <Link to={`/reports/quarterly?quarter=${item.period}`}>{t('myWork.quarterlyAnalysis', { period: item.period ?? '' })}{item.action ? ` #${item.action}` : ''}</Link>
  ) : (
    <Link to={`/reports/monthly?month=${item.period}`}>{t('myWork.monthlyReport', { period: item.period ?? '' })}</Link>
  );
}

/** 我的待办: what waits for me or one of my roles, overdue and due first, each opening its project (or its report). */
export function MyWorkPage() {
  const { t, label } = useLocale();
  const work = useQuery({ queryKey: ['my-work'], queryFn: () => execute(MyWorkQuery) });
  const items = [...(work.data?.myWork ?? [])].sort(dueFirst);
  const columns: TableColumnsType<WorkItem> = [
    { title: t('myWork.kind'), key: 'kind', render: (_, item) => label(WORK_KINDS, item.kind) + (item.step ? ` #${item.step}` : '') },
    { title: t('myWork.project'), key: 'project', render: (_, item) => (item.project ? <Link to={`/projects/${item.projectId}`}>{item.project.title}</Link> : <ReportLink item={item} />) },
    { title: t('myWork.customer'), key: 'customer', render: (_, item) => item.project?.customer ?? item.title ?? '—' },
    { title: t('myWork.stage'), key: 'stage', render: (_, item) => (item.project ? label(STAGES, item.project.stage) : '—') },
    {
      title: t('myWork.due'),
      key: 'due',
      render: (_, item) => (
        <>
          {dueOnOf(item) ?? '—'} {isOverdue(item) && <Tag color="#cf1322">{t('overdue')}</Tag>}
        </>
      ),
    },
    { title: t('myWork.since'), key: 'since', render: (_, item) => shanghaiDateTime(item.since) },
    { title: t('myWork.for'), key: 'for', render: (_, item) => (item.assigneeType === 'ROLE' ? label(ROLES, item.assignee) : t('myWork.forMe')) },
  ];
  return (
    <PageContainer title={<PageTitle>{t('menu.myWork')}</PageTitle>}>
      {work.isError && <Alert type="error" showIcon message={t('loadFailed')} description={String(work.error.message)} />}
      {work.isSuccess && (
        <Typography.Paragraph>{t('myWork.count', { count: items.length, overdue: items.filter(isOverdue).length })}</Typography.Paragraph>
      )}
      <Table<WorkItem>
        rowKey={(item) => `${item.projectId ?? item.period}:${item.kind}:${item.step ?? item.action ?? ''}:${item.assignee}`}
        loading={work.isPending}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Typography.Text>{t('myWork.empty')}</Typography.Text> }}
      />
    </PageContainer>
  );
}
