import { ProCard } from '@ant-design/pro-components';
import { Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { yuan } from '../../format/money';
import { shanghaiDateTime } from '../../format/shanghai-time';
import { useLocale } from '../../i18n/locale-context';
import type { ProjectData } from '../action-forms/prefill';
import { SALES_CONTROL_TEXT as TEXT } from './sales-control-labels';
import { SectionTitle } from './section-title';

type Control = ProjectData['salesControl'];
const RED = '#cf1322';

/** 售前项目管理 (document 004): the plan in force and its versions, the task book, budget versus actual, costs, meetings, reports, adjustments. */
export function ProjectSalesControl({ project }: { project: ProjectData }) {
  const { label } = useLocale();
  const say = (key: string) => label(TEXT, key);
  const control: Control = project.salesControl;
  const plan = control.plans[control.plans.length - 1];
  const book = control.taskBooks[control.taskBooks.length - 1];
  const table = <Row extends object>(title: string, rowKey: (row: Row) => string, columns: TableColumnsType<Row>, rows: readonly Row[]) => (
    <>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>{title}</Typography.Title>
      <Table<Row> rowKey={rowKey} columns={columns} dataSource={[...rows]} pagination={false} size="small" />
    </>
  );
  return (
    <ProCard title={<SectionTitle>{say('section')}</SectionTitle>} bordered style={{ marginTop: 16 }}>
      {plan ? (
        <Descriptions title={`${say('plan')}（${say('version')} ${plan.version}）`} bordered size="small" column={1}>
          <Descriptions.Item label={say('strengths')}>{plan.strengths}</Descriptions.Item>
          <Descriptions.Item label={say('weaknesses')}>{plan.weaknesses}</Descriptions.Item>
          <Descriptions.Item label={say('goals')}>{plan.goals}</Descriptions.Item>
          <Descriptions.Item label={say('workItems')}>{plan.workItems.map((item) => `${item.task}（${item.ownerId}，${item.dueOn}）`).join('；')}</Descriptions.Item>
          <Descriptions.Item label={say('risks')}>{plan.risks}</Descriptions.Item>
          <Descriptions.Item label={say('withdrawalCriteria')}>{plan.withdrawalCriteria}</Descriptions.Item>
          <Descriptions.Item label={say('filedBy')}>{`${plan.filedBy} ${shanghaiDateTime(plan.at)}`}{plan.revisionReason && `（${say('revisionReason')}：${plan.revisionReason}）`}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text>{say('noPlan')}</Typography.Text>
      )}
      {book && (
        <Descriptions title={`${say('taskBook')}（${say('version')} ${book.version}）`} bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={say('margin')}>{yuan(book.expectedGrossMargin.amount)}</Descriptions.Item>
          <Descriptions.Item label={say('budgetInForce')}>{`${yuan(book.budget.amount)}（${say('allowed')} ${yuan(book.allowedBudget.amount)}）`}</Descriptions.Item>
          <Descriptions.Item label={say('confirmedBy')}>{book.confirmedBy ?? <Tag>{say('waiting')}</Tag>}</Descriptions.Item>
        </Descriptions>
      )}
      {control.budget && (
        <Descriptions title={`${say('budget')}（${say(control.budget.basis)}）`} bordered size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={say('budgetInForce')}>{yuan(control.budget.budget.amount)}</Descriptions.Item>
          <Descriptions.Item label={say('booked')}>{yuan(control.budget.booked.amount)}</Descriptions.Item>
          <Descriptions.Item label={say('remaining')}>
            {yuan(control.budget.remaining.amount)} {control.budget.overPlan && <Tag color={RED}>{say('overPlan')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      )}
      {table(say('milestones'), (row) => row.name, [
        { title: say('milestones'), dataIndex: 'name' },
        { title: say('dueOn'), key: 'dueOn', render: (_, row) => <>{row.dueOn} {row.overdue && <Tag color={RED}>{say('overdue')}</Tag>}</> },
        { title: say('reachedOn'), key: 'reachedOn', render: (_, row) => row.reachedOn ?? '—' },
      ], control.milestones)}
      {table(say('costs'), (row) => String(row.number), [
        { title: say('category'), key: 'category', render: (_, row) => say(row.category) },
        { title: say('amount'), key: 'amount', render: (_, row) => yuan(row.amount.amount) },
        { title: say('spentOn'), dataIndex: 'spentOn' },
        { title: say('note'), dataIndex: 'note' },
      ], control.costs)}
      {table(say('meetings'), (row) => String(row.number), [
        { title: say('dueOn'), dataIndex: 'heldOn' },
        { title: say('attendees'), key: 'attendees', render: (_, row) => row.attendees.join('、') },
        { title: say('minutes'), dataIndex: 'minutes' },
        { title: say('decision'), key: 'decision', render: (_, row) => <>{say(row.decision)}{row.stopReason && `：${row.stopReason}`}</> },
      ], control.meetings)}
      {table(say('reports'), (row) => row.month, [
        { title: say('month'), dataIndex: 'month' },
        { title: say('progress'), dataIndex: 'progress' },
        { title: say('nextSteps'), dataIndex: 'nextSteps' },
        { title: say('risks'), dataIndex: 'risks' },
      ], control.progressReports)}
      {table(say('adjustments'), (row) => String(row.number), [
        { title: say('change'), key: 'change', render: (_, row) => (row.extraBudget ? `+${yuan(row.extraBudget.amount)}` : `${row.milestone}：${row.fromDueOn} → ${row.newDueOn}`) },
        { title: say('reason'), dataIndex: 'reason' },
        { title: say('status'), key: 'status', render: (_, row) => <>{say(row.status)} {row.beyondLimit && <Tag>{say('beyondLimit')}</Tag>}</> },
      ], control.adjustments)}
    </ProCard>
  );
}
