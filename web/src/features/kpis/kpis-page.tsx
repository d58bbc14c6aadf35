import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../app/page-title';
import { useSession } from '../../app/session-context';
import type { KpiFigure, PresalesKpiFieldsFragment } from '../../graphql/generated/graphql';
import { useLocale } from '../../i18n/locale-context';
import { currentMonth } from '../reports/report-periods';
import { percent } from '../reports/report-format';
import { executeReport } from '../reports/report-requests';
import { AsOfField } from '../reports/report-toolbar';
import { AssessmentModal } from './assessment-modal';
import { readsEveryonesKpis } from './kpi-readers';
import { KpiEventsDrawer } from './kpi-events-drawer';
import { OwnPresalesKpisQuery, PresalesKpisOfMonthQuery } from './kpis.graphql';

type Row = PresalesKpiFieldsFragment;

/** 售前考核: each pre-sales person's month (a pre-sales engineer sees their own), every figure opened to its events, and the assessment. */
export function KpisPage() {
  const { t } = useLocale();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const asOf = params.get('asOf') ?? undefined;
  const manager = readsEveryonesKpis(session?.roles ?? []);
  const [opened, setOpened] = useState<{ person: string; figure: KpiFigure }>();
  const [assessing, setAssessing] = useState<{ person: string; revising: boolean }>();
  const change = (next: Record<string, string | undefined>) =>
    setParams(Object.fromEntries(Object.entries({ month, asOf, ...next }).filter((entry): entry is [string, string] => !!entry[1])));

  const kpis = useQuery({
    queryKey: ['presalesKpis', month, asOf, manager],
    queryFn: async (): Promise<Row[]> => (manager
      ? (await executeReport(PresalesKpisOfMonthQuery, { month, asOf })).presalesKpisOfMonth
      : [(await executeReport(OwnPresalesKpisQuery, { person: session?.userId ?? '', month, asOf })).presalesKpis]),
    placeholderData: keepPreviousData,
  });
  const open = (person: string, figure: KpiFigure, text: string) => <Button type="link" size="small" onClick={() => setOpened({ person, figure })}>{text}</Button>;
  const marks = (rating: { count: number; score?: number | null }) => (rating.score === null || rating.score === undefined ? '—' : t('kpis.marks', { score: rating.score.toFixed(1), count: String(rating.count) }));
  const share = (value: { count: number; of: number; rate?: number | null }) => t('kpis.share', { rate: percent(value.rate), count: String(value.count), of: String(value.of) });
  const columns: TableColumnsType<Row> = [
    { key: 'person', title: t('kpis.person'), dataIndex: 'person', fixed: 'left' },
    { key: 'success', title: t('kpis.success'), render: (_, row) => <>{open(row.person, 'WON', share(row.success))}{open(row.person, 'FOLLOWED', t('kpis.figure.FOLLOWED'))}</> },
    { key: 'satisfaction', title: t('kpis.satisfaction'), render: (_, row) => open(row.person, 'SATISFACTION', marks(row.satisfaction)) },
    { key: 'solutionQuality', title: t('kpis.solutionQuality'), render: (_, row) => open(row.person, 'SOLUTION_QUALITY', marks(row.solutionQuality)) },
    { key: 'collaboration', title: t('kpis.collaboration'), render: (_, row) => open(row.person, 'COLLABORATION', marks(row.collaboration)) },
    { key: 'onTime', title: t('kpis.onTime'), render: (_, row) => open(row.person, 'ON_TIME', share(row.onTime)) },
    { key: 'demos', title: t('kpis.demos'), render: (_, row) => open(row.person, 'DEMOS', String(row.demos)) },
    {
      key: 'assessment',
      title: t('kpis.assessment'),
      render: (_, row) => {
        const assessment = row.assessments[0]?.inForce;
        const summary = assessment ? `${assessment.rating}/${assessment.scaleMax} · ${assessment.comment}` : t('kpis.notAssessed');
        return manager
          ? <>{summary} <Button size="small" onClick={() => setAssessing({ person: row.person, revising: Boolean(assessment) })}>{assessment ? t('kpis.revise') : t('kpis.assess')}</Button></>
          : summary;
      },
    },
  ];
  return (
    <PageContainer title={<PageTitle>{t('kpis.title')}</PageTitle>}>
      <Form layout="inline" aria-label={t('reports.toolbar')} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('reports.month')} htmlFor="kpi-month">
          <DatePicker id="kpi-month" picker="month" format="YYYY-MM" allowClear={false} value={dayjs(`${month}-01`)} onChange={(value: Dayjs | null) => value && change({ month: value.format('YYYY-MM') })} />
        </Form.Item>
        <AsOfField asOf={asOf} onChange={(next) => change({ asOf: next })} />
      </Form>
      {kpis.error && <Alert type="error" showIcon message={t('loadFailed')} description={kpis.error.message} style={{ marginBottom: 16 }} />}
      <Table rowKey="person" size="middle" loading={kpis.isFetching} dataSource={kpis.data ?? []} columns={columns} pagination={false} scroll={{ x: true }} />
      {opened && <KpiEventsDrawer {...opened} month={month} asOf={asOf} onClose={() => setOpened(undefined)} />}
      {assessing && <AssessmentModal {...assessing} month={month} onClose={() => setAssessing(undefined)} />}
    </PageContainer>
  );
}
