import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Flex, Form, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../app/page-title';
import { shanghaiDateTime } from '../../format/shanghai-time';
import type { WinLossGroupBy } from '../../graphql/generated/graphql';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';
import { QuarterComparison, QuarterLossReasons, WinLossByDimension } from './quarterly-charts';
import { QuarterlyAnalysisDocument } from './quarterly-analysis-document';
import { currentQuarter, monthsOfQuarter } from './report-periods';
import { executeReport } from './report-requests';
import { AsOfField, CsvButton } from './report-toolbar';
import { QuarterlyAnalysisQuery, WinLossQuery } from './reports.graphql';

dayjs.extend(quarterOfYear);

/** The dimensions winLossAnalysis groups by. */
const DIMENSIONS: Array<{ value: WinLossGroupBy; message: MessageKey }> = [
  { value: 'REGION', message: 'reports.region' },
  { value: 'PRODUCT_LINE', message: 'reports.productLine' },
  { value: 'OWNER', message: 'reports.owner' },
  { value: 'PROCUREMENT_METHOD', message: 'reports.procurement' },
  { value: 'AMOUNT_BAND', message: 'reports.amountBand' },
  { value: 'ALL', message: 'reports.all' },
];

const quarterOf = (day: Dayjs) => `${day.year()}-Q${day.quarter()}`;
const firstDayOf = (quarter: string) => dayjs(`${monthsOfQuarter(quarter).from}-01`);

/** 季度信息分析报告: the quarter against the previous one and a year before, its loss reasons, win/loss by dimension. */
export function QuarterlyReportPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const quarter = params.get('quarter') ?? currentQuarter();
  const dimension = DIMENSIONS.find((d) => d.value === params.get('winLossBy')) ?? DIMENSIONS[0];
  const asOf = params.get('asOf') ?? undefined;
  const change = (next: Record<string, string | undefined>) =>
    setParams(Object.fromEntries(Object.entries({ quarter, winLossBy: dimension.value, asOf, ...next }).filter((entry): entry is [string, string] => !!entry[1])));

  const analysis = useQuery({
    queryKey: ['quarterlyAnalysis', quarter, asOf],
    queryFn: () => executeReport(QuarterlyAnalysisQuery, { quarter, asOf }),
    placeholderData: keepPreviousData,
  });
  const winLoss = useQuery({
    queryKey: ['winLossAnalysis', quarter, dimension.value, asOf],
    queryFn: () => executeReport(WinLossQuery, { ...monthsOfQuarter(quarter), groupBy: dimension.value, asOf }),
    placeholderData: keepPreviousData,
  });
  const error = analysis.error ?? winLoss.error;

  return (
    <PageContainer title={<PageTitle>{t('reports.quarterlyTitle')}</PageTitle>}>
      <Form layout="inline" aria-label={t('reports.toolbar')} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('reports.quarter')} htmlFor="report-quarter">
          <DatePicker
            id="report-quarter"
            picker="quarter"
            allowClear={false}
            value={firstDayOf(quarter)}
            format={(day) => quarterOf(day)}
            onChange={(value: Dayjs | null) => value && change({ quarter: quarterOf(value) })}
          />
        </Form.Item>
        <Form.Item label={t('reports.dimension')} htmlFor="report-win-loss-by">
          <Select
            id="report-win-loss-by"
            showSearch
            optionFilterProp="label"
            style={{ width: 140 }}
            value={dimension.value}
            options={DIMENSIONS.map((d) => ({ value: d.value, label: t(d.message) }))}
            onChange={(value: WinLossGroupBy) => change({ winLossBy: value })}
          />
        </Form.Item>
        <AsOfField asOf={asOf} onChange={(next) => change({ asOf: next })} />
        <CsvButton path="/reports/quarterly.csv" params={{ quarter }} fileName={`quarterly-${quarter}.csv`} asOf={asOf} />
      </Form>
      {asOf && <Alert type="info" showIcon message={t('reports.asOfNotice', { instant: shanghaiDateTime(asOf) })} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={t('loadFailed')} description={error.message} style={{ marginBottom: 16 }} />}
      <div style={{ marginBottom: 16 }}>
        <QuarterlyAnalysisDocument quarter={quarter} asOf={asOf} />
      </div>
      <Spin spinning={analysis.isFetching || winLoss.isFetching}>
        <Flex vertical gap={16}>
          {analysis.data && <QuarterComparison analysis={analysis.data.quarterlyAnalysis} />}
          {analysis.data && <QuarterLossReasons analysis={analysis.data.quarterlyAnalysis} />}
          {winLoss.data && <WinLossByDimension groups={winLoss.data.winLossAnalysis} dimension={t(dimension.message)} />}
        </Flex>
      </Spin>
    </PageContainer>
  );
}
