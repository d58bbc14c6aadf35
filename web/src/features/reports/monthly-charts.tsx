import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { MonthTotalsQuery } from '../../graphql/generated/graphql';
import { OUTCOME_REASONS } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';
import { ChartCard } from './chart-card';

type Totals = MonthTotalsQuery['monthlyStatistics']['rows'][number];
export type MonthTotals = { month: string; totals?: Totals };

/** The steps of the funnel, leads to contracts signed. */
const FUNNEL = ['leads', 'approvals', 'solutionsSubmitted', 'quotations', 'contractsSigned'] as const;
/** The counts the trend follows month by month. */
const TREND = ['leads', 'approvals', 'quotations', 'contractsSigned', 'losses'] as const;

/**
 * The month's funnel, the trend over the months before it and its loss reasons: the department's totals.
 * The funnel keeps the procedure's order without conversion rates: a month's steps are not one cohort's.
 */
export function MonthlyCharts({ months }: { months: MonthTotals[] }) {
  const { t, label } = useLocale();
  const { month, totals } = months[months.length - 1];
  const summary = (title: string, values: string[]) => t('reports.chartSummary', { title, values: values.join('，') || t('reports.none') });

  const funnel = useMemo(() => FUNNEL.map((figure) => ({ figure, name: t(`reports.${figure}` as MessageKey), value: totals?.[figure] ?? 0 })), [t, totals]);
  const funnelTitle = t('reports.funnel', { month });
  const funnelColumns: TableColumnsType<(typeof funnel)[number]> = [
    { key: 'name', title: t('reports.stage'), dataIndex: 'name' },
    { key: 'value', title: t('reports.count'), dataIndex: 'value', align: 'right' },
  ];
  const funnelOption = useMemo(
    () => ({ tooltip: {}, series: [{ type: 'funnel' as const, sort: 'none' as const, minSize: '10%', label: { formatter: '{b} {c}' }, data: funnel }] }),
    [funnel],
  );

  const trend = useMemo(
    () =>
      months.map(({ month: m, totals: row }) => ({
        month: m,
        leads: row?.leads ?? 0,
        approvals: row?.approvals ?? 0,
        quotations: row?.quotations ?? 0,
        contractsSigned: row?.contractsSigned ?? 0,
        losses: row?.losses ?? 0,
      })),
    [months],
  );
  const trendTitle = t('reports.trend', { count: months.length });
  const trendColumns: TableColumnsType<(typeof trend)[number]> = [
    { key: 'month', title: t('reports.monthColumn'), dataIndex: 'month' },
    ...TREND.map((figure) => ({ key: figure, title: t(`reports.${figure}` as MessageKey), dataIndex: figure, align: 'right' as const })),
  ];
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 24, top: 40 },
      xAxis: { type: 'category' as const, data: trend.map((row) => row.month) },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: TREND.map((figure) => ({ type: 'line' as const, name: t(`reports.${figure}` as MessageKey), data: trend.map((row) => row[figure]) })),
    }),
    [t, trend],
  );

  const reasons = useMemo(() => (totals?.lossesByReason ?? []).map(({ key, count }) => ({ key, name: label(OUTCOME_REASONS, key), value: count })), [label, totals]);
  const reasonsTitle = `${month} ${t('reports.lossReasons')}`;
  const reasonColumns: TableColumnsType<(typeof reasons)[number]> = [
    { key: 'name', title: t('reports.reason'), dataIndex: 'name' },
    { key: 'value', title: t('reports.count'), dataIndex: 'value', align: 'right' },
  ];
  const reasonsOption = useMemo(() => ({ tooltip: {}, legend: { bottom: 0 }, series: [{ type: 'pie' as const, radius: ['35%', '65%'], label: { formatter: '{b} {c}' }, data: reasons }] }), [reasons]);

  return (
    <>
      <ChartCard title={funnelTitle} option={funnelOption} summary={summary(funnelTitle, funnel.map((step) => `${step.name} ${step.value}`))} columns={funnelColumns} items={funnel} rowKey="figure" />
      <ChartCard
        title={trendTitle}
        option={trendOption}
        summary={summary(trendTitle, TREND.map((figure) => `${t(`reports.${figure}` as MessageKey)} ${trend.map((row) => row[figure]).join('、')}`))}
        columns={trendColumns}
        items={trend}
        rowKey="month"
      />
      <ChartCard title={reasonsTitle} option={reasonsOption} summary={summary(reasonsTitle, reasons.map((reason) => `${reason.name} ${reason.value}`))} columns={reasonColumns} items={reasons} rowKey="key" />
    </>
  );
}
