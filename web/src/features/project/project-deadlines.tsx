import { ProCard } from '@ant-design/pro-components';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { shanghaiDateTime } from '../../format/shanghai-time';
import { ROLES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import type { ProjectData } from '../action-forms/prefill';
import { DEADLINE_KINDS } from './project-labels';
import { SectionTitle } from './section-title';

type Deadline = ProjectData['openDeadlines'][number];

/** The procedure's clocks still running on the project: what, due when, waiting for whom. */
export function ProjectDeadlines({ project }: { project: ProjectData }) {
  const { t, label } = useLocale();
  const columns: TableColumnsType<Deadline> = [
    { title: t('project.deadline'), key: 'kind', render: (_, deadline) => label(DEADLINE_KINDS, deadline.kind) },
    { title: t('project.dueAt'), key: 'dueAt', render: (_, deadline) => <>{shanghaiDateTime(deadline.dueAt)} {deadline.overdue && <Tag color="#cf1322">{t('overdue')}</Tag>}</> },
    { title: t('project.waitingFor'), key: 'waitingFor', render: (_, deadline) => deadline.waitingFor.map((w) => w.userId ?? label(ROLES, w.role)).join('、') },
  ];
  return (
    <ProCard title={<SectionTitle>{t('project.deadlines')}</SectionTitle>} bordered style={{ marginTop: 16 }}>
      <Table<Deadline> rowKey={(deadline) => `${deadline.kind}:${deadline.dueAt}`} columns={columns} dataSource={project.openDeadlines} pagination={false} size="small" locale={{ emptyText: <Typography.Text>{t('project.noDeadlines')}</Typography.Text> }} />
    </ProCard>
  );
}
