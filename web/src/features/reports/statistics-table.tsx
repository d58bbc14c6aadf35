import { Card, Table, type TableColumnsType } from 'antd';
import { yuan } from '../../format/money';
import type { StatisticsRowFieldsFragment } from '../../graphql/generated/graphql';
import { CHANNELS, DEADLINE_KINDS, OUTCOME_REASONS, PROJECT_CLASSES, ROLES, STAGES } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';
import { keyedCounts, percent } from './report-format';

type Row = StatisticsRowFieldsFragment;

/** Every figure of 每月信息统计表, one row per group ('*': the whole department). */
export function StatisticsTable({ rows, loading }: { rows: Row[]; loading: boolean }) {
  const { t, label } = useLocale();
  const column = (key: keyof Row & string, render?: (row: Row) => string): TableColumnsType<Row>[number] => ({
    key,
    title: t(`reports.${key}` as MessageKey),
    dataIndex: key,
    align: render ? 'left' : 'right',
    render: render ? (_: unknown, row: Row) => render(row) : undefined,
  });
  const money = (key: 'quotationAmount' | 'contractAmount') => ({ ...column(key, (row) => yuan(row[key])), align: 'right' as const });
  const columns: TableColumnsType<Row> = [
    { ...column('value', (row) => (row.value === '*' ? t('reports.wholeDepartment') : row.value)), fixed: 'left' },
    column('leads'),
    column('leadsByChannel', (row) => keyedCounts(row.leadsByChannel, (key) => label(CHANNELS, key))),
    column('leadsScreened'),
    column('leadsQualified'),
    column('leadsRejected'),
    column('leadsForwarded'),
    column('leadsAssigned'),
    column('approvals'),
    column('approvalsByClass', (row) => keyedCounts(row.approvalsByClass, (key) => label(PROJECT_CLASSES, key))),
    column('solutionsSubmitted'),
    column('solutionVersions'),
    column('solutionReviewsPassed'),
    column('solutionReviewsFailed'),
    { ...column('firstPassRate', (row) => percent(row.firstPassRate)), align: 'right' },
    column('quotations'),
    money('quotationAmount'),
    column('bidDecisions'),
    column('noBidDecisions'),
    column('bidsSubmitted'),
    column('bidsWon'),
    column('bidsLost'),
    column('contractsSigned'),
    money('contractAmount'),
    column('losses'),
    column('lossesByReason', (row) => keyedCounts(row.lossesByReason, (key) => label(OUTCOME_REASONS, key))),
    column('terminations'),
    column('terminationsByReason', (row) => keyedCounts(row.terminationsByReason, (key) => key)),
    column('overdueSteps'),
    column('overdueByKind', (row) => keyedCounts(row.overdueByKind, (key) => label(DEADLINE_KINDS, key))),
    column('overdueByPerson', (row) => keyedCounts(row.overdueByPerson, (key) => label(ROLES, key))),
    column('averageDaysPerStage', (row) =>
      row.averageDaysPerStage.map((stage) => `${label(STAGES, stage.stage)} ${t('reports.days', { days: stage.averageDays.toFixed(1) })}`).join('、'),
    ),
  ];
  return (
    <Card size="small" role="region" aria-label={t('reports.figures')} aria-busy={loading} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('reports.figures')}</h2>}>
      <Table<Row> size="small" bordered loading={loading} pagination={false} columns={columns} dataSource={rows} rowKey="value" scroll={{ x: 'max-content' }} />
    </Card>
  );
}
