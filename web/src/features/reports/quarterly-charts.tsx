import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { yuan } from '../../format/money';
import type { QuarterlyAnalysisQuery, WinLossAnalysisQuery } from '../../graphql/generated/graphql';
import { OUTCOME_REASONS, PROCUREMENT_METHODS } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';
import { ChartCard } from './chart-card';
import { keyedCounts, percent } from './report-format';

type Analysis = QuarterlyAnalysisQuery['quarterlyAnalysis'];
type WinLossGroup = WinLossAnalysisQuery['winLossAnalysis'][number];

const AMOUNTS = new Set(['quotationAmount', 'contractAmount']);
/** A change with its sign: +3, -¥1,000. */
const signed = (value: number, format: (value: number) => string) => (value > 0 ? `+${format(value)}` : value < 0 ? `-${format(-value)}` : format(0));

const useSummary = () => {
  const { t } = useLocale();
  return (title: string, values: string[]) => t('reports.chartSummary', { title, values: values.join('，') || t('reports.none') });
};

/** The quarter's figures against the previous quarter (环比) and the same quarter a year before (同比). */
export function QuarterComparison({ analysis }: { analysis: Analysis }) {
  const { t } = useLocale();
  const summary = useSummary();
  const rows = useMemo(
    () =>
      analysis.againstPreviousQuarter.map((previous) => {
        const lastYear = analysis.againstSameQuarterLastYear.find((row) => row.figure === previous.figure)!;
        return { figure: previous.figure, name: t(`reports.${previous.figure}` as MessageKey), current: previous.current, previous, lastYear };
      }),
    [analysis, t],
  );
  type Row = (typeof rows)[number];
  const format = (row: Row) => (AMOUNTS.has(row.figure) ? yuan : String);
  const columns: TableColumnsType<Row> = [
    { key: 'name', title: t('reports.figure'), dataIndex: 'name', fixed: 'left' },
    { key: 'current', title: t('reports.current', { quarter: analysis.quarter }), align: 'right', render: (_, row) => format(row)(row.current) },
    { key: 'previous', title: t('reports.previous', { quarter: analysis.previousQuarter }), align: 'right', render: (_, row) => format(row)(row.previous.other) },
    { key: 'previousChange', title: t('reports.againstPrevious'), align: 'right', render: (_, row) => `${signed(row.previous.change, format(row))} (${percent(row.previous.changeRate)})` },
    { key: 'lastYear', title: t('reports.lastYear', { quarter: analysis.sameQuarterLastYear }), align: 'right', render: (_, row) => format(row)(row.lastYear.other) },
    { key: 'lastYearChange', title: t('reports.againstLastYear'), align: 'right', render: (_, row) => `${signed(row.lastYear.change, format(row))} (${percent(row.lastYear.changeRate)})` },
  ];
  const counts = useMemo(() => rows.filter((row) => !AMOUNTS.has(row.figure)), [rows]);
  const quarters = useMemo(() => [analysis.sameQuarterLastYear, analysis.previousQuarter, analysis.quarter], [analysis]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 24, top: 40 },
      xAxis: { type: 'category' as const, data: counts.map((row) => row.name) },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: [
        { type: 'bar' as const, name: quarters[0], data: counts.map((row) => row.lastYear.other) },
        { type: 'bar' as const, name: quarters[1], data: counts.map((row) => row.previous.other) },
        { type: 'bar' as const, name: quarters[2], data: counts.map((row) => row.current) },
      ],
    }),
    [counts, quarters],
  );
  const title = t('reports.comparison');
  return (
    <ChartCard
      title={title}
      option={option}
      summary={summary(title, counts.map((row) => `${row.name} ${quarters.join('/')}: ${row.lastYear.other}/${row.previous.other}/${row.current}`))}
      columns={columns}
      items={rows}
      rowKey="figure"
      tableBelow
    />
  );
}

/** 主要丢单原因 of the quarter. */
export function QuarterLossReasons({ analysis }: { analysis: Analysis }) {
  const { t, label } = useLocale();
  const summary = useSummary();
  const reasons = useMemo(() => analysis.topLossReasons.map(({ key, count }) => ({ key, name: label(OUTCOME_REASONS, key), value: count })), [analysis, label]);
  const option = useMemo(() => ({ tooltip: {}, legend: { bottom: 0 }, series: [{ type: 'pie' as const, radius: ['35%', '65%'], label: { formatter: '{b} {c}' }, data: reasons }] }), [reasons]);
  const title = t('reports.topLossReasons');
  const columns: TableColumnsType<(typeof reasons)[number]> = [
    { key: 'name', title: t('reports.reason'), dataIndex: 'name' },
    { key: 'value', title: t('reports.count'), dataIndex: 'value', align: 'right' },
  ];
  return <ChartCard title={title} option={option} summary={summary(title, reasons.map((reason) => `${reason.name} ${reason.value}`))} columns={columns} items={reasons} rowKey="key" />;
}

/** 成败分析 of the projects closed in the quarter, by the chosen dimension. */
export function WinLossByDimension({ groups, dimension }: { groups: WinLossGroup[]; dimension: string }) {
  const { t, label } = useLocale();
  const summary = useSummary();
  const keyOf = (key: string) => (key === '*' ? t('reports.wholeDepartment') : label(PROCUREMENT_METHODS, key));
  const columns: TableColumnsType<WinLossGroup> = [
    { key: 'key', title: t('reports.key'), fixed: 'left', render: (_, group) => keyOf(group.key) },
    ...(['closed', 'won', 'lost', 'terminated', 'notBid', 'customerDeclined'] as const).map((figure) => ({ key: figure, title: t(`reports.${figure}`), dataIndex: figure, align: 'right' as const })),
    { key: 'winRate', title: t('reports.winRate'), align: 'right', render: (_, group) => percent(group.winRate) },
    { key: 'bidHitRate', title: t('reports.bidHitRate'), align: 'right', render: (_, group) => percent(group.bidHitRate) },
    { key: 'amountWon', title: t('reports.amountWon'), align: 'right', render: (_, group) => yuan(group.amountWon) },
    { key: 'amountLost', title: t('reports.amountLost'), align: 'right', render: (_, group) => yuan(group.amountLost) },
    { key: 'averageCycleDays', title: t('reports.averageCycleDays'), align: 'right', render: (_, group) => group.averageCycleDays?.toFixed(1) ?? '—' },
    { key: 'lossReasons', title: t('reports.lossesByReason'), render: (_, group) => keyedCounts(group.lossReasons, (key) => label(OUTCOME_REASONS, key)) },
  ];
  const series = ['won', 'lost', 'terminated', 'notBid'] as const;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 24, top: 40 },
      xAxis: { type: 'category' as const, data: groups.map((group) => keyOf(group.key)) },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: series.map((figure) => ({ type: 'bar' as const, stack: 'closed', name: t(`reports.${figure}`), data: groups.map((group) => group[figure]) })),
    }),
    [groups, t, label],
  );
  const title = `${t('reports.winLoss')} · ${dimension}`;
  return (
    <ChartCard
      title={title}
      option={option}
      summary={summary(title, groups.map((group) => `${keyOf(group.key)} ${series.map((figure) => `${t(`reports.${figure}`)} ${group[figure]}`).join(' ')}`))}
      columns={columns}
      items={groups}
      rowKey="key"
      tableBelow
    />
  );
}
