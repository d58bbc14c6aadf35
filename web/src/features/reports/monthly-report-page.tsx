import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../app/page-title';
import { shanghaiDateTime } from '../../format/shanghai-time';
import type { GroupBy } from '../../graphql/generated/graphql';
import { useLocale } from '../../i18n/locale-context';
import { MonthlyCharts } from './monthly-charts';
import { MonthlyReportDocument } from './monthly-report-document';
import { currentMonth, monthsEndingWith } from './report-periods';
import { executeReport } from './report-requests';
import { AsOfField, CsvButton } from './report-toolbar';
import { MonthlyStatisticsQuery, MonthTotalsQuery } from './reports.graphql';
import { StatisticsTable } from './statistics-table';

const GROUPS: Array<{ value: GroupBy; message: 'reports.all' | 'reports.region' | 'reports.productLine' | 'reports.owner'; csv: string }> = [
  { value: 'ALL', message: 'reports.all', csv: 'all' },
  { value: 'REGION', message: 'reports.region', csv: 'region' },
  { value: 'PRODUCT_LINE', message: 'reports.productLine', csv: 'productLine' },
  { value: 'OWNER', message: 'reports.owner', csv: 'owner' },
];
/** The months the trend shows, the chosen one last. */
const TREND_MONTHS = 6;

/** 每月信息统计表: the month's figures by group, its funnel, trend and loss reasons; live or as of an instant. */
export function MonthlyReportPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const group = GROUPS.find((g) => g.value === params.get('groupBy')) ?? GROUPS[0];
  const asOf = params.get('asOf') ?? undefined;
  const change = (next: Record<string, string | undefined>) =>
    setParams(Object.fromEntries(Object.entries({ month, groupBy: group.value, asOf, ...next }).filter((entry): entry is [string, string] => !!entry[1])));

  const statistics = useQuery({
    queryKey: ['monthlyStatistics', month, group.value, asOf],
    queryFn: () => executeReport(MonthlyStatisticsQuery, { month, groupBy: group.value, asOf }),
    placeholderData: keepPreviousData,
  });
  const trend = useQuery({
    queryKey: ['monthTotals', month, asOf],
    queryFn: () =>
      Promise.all(
        monthsEndingWith(month, TREND_MONTHS).map(async (m) => ({ month: m, totals: (await executeReport(MonthTotalsQuery, { month: m, asOf })).monthlyStatistics.rows[0] })),
      ),
    placeholderData: keepPreviousData,
  });
  const error = statistics.error ?? trend.error;

  return (
    <PageContainer title={<PageTitle>{t('reports.monthlyTitle')}</PageTitle>}>
      <Form layout="inline" aria-label={t('reports.toolbar')} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('reports.month')} htmlFor="report-month">
          <DatePicker
            id="report-month"
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(value: Dayjs | null) => value && change({ month: value.format('YYYY-MM') })}
          />
        </Form.Item>
        <Form.Item label={t('reports.groupBy')} htmlFor="report-group-by">
          <Select
            id="report-group-by"
            showSearch
            optionFilterProp="label"
            style={{ width: 140 }}
            value={group.value}
            options={GROUPS.map((g) => ({ value: g.value, label: t(g.message) }))}
            onChange={(value: GroupBy) => change({ groupBy: value })}
          />
        </Form.Item>
        <AsOfField asOf={asOf} onChange={(next) => change({ asOf: next })} />
        <CsvButton path="/reports/monthly.csv" params={{ month, groupBy: group.csv }} fileName={`monthly-${month}-${group.csv}.csv`} asOf={asOf} />
      </Form>
      {asOf && <Alert type="info" showIcon message={t('reports.asOfNotice', { instant: shanghaiDateTime(asOf) })} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={t('loadFailed')} description={error.message} style={{ marginBottom: 16 }} />}
      <Flex vertical gap={16}>
        <MonthlyReportDocument month={month} asOf={asOf} />
        <StatisticsTable rows={statistics.data?.monthlyStatistics.rows ?? []} loading={statistics.isFetching} />
        {trend.data && <MonthlyCharts months={trend.data} />}
      </Flex>
    </PageContainer>
  );
}
