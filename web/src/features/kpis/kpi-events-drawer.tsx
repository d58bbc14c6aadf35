import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { shanghaiDateTime } from '../../format/shanghai-time';
import type { KpiFigure } from '../../graphql/generated/graphql';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale-context';
import { executeReport } from '../reports/report-requests';
import { PresalesKpiEventsQuery } from './kpis.graphql';

const PAGE = 20;

/** 指标明细: the events behind one figure of one person's month, paged; only those of projects the caller may see. */
export function KpiEventsDrawer({ person, figure, month, asOf, onClose }: { person: string; figure: KpiFigure; month: string; asOf?: string; onClose: () => void }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const events = useQuery({
    queryKey: ['presalesKpiEvents', person, figure, month, asOf, page],
    queryFn: () => executeReport(PresalesKpiEventsQuery, { person, figure, month, asOf, limit: PAGE, offset: (page - 1) * PAGE }),
  });
  const figureName = t(`kpis.figure.${figure}` as MessageKey);
  return (
    <Drawer open width={720} title={t('kpis.events', { person, figure: figureName })} onClose={onClose}>
      {events.error && <Alert type="error" showIcon message={t('loadFailed')} description={events.error.message} />}
      <Table
        rowKey={(row) => `${row.projectId}|${row.revision}|${row.type}`}
        size="small"
        loading={events.isFetching}
        dataSource={events.data?.presalesKpiEvents.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: events.data?.presalesKpiEvents.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'project', title: t('kpis.project'), render: (_, row) => <Link to={`/projects/${row.projectId}/history`}>{row.projectId.slice(0, 8)}</Link> },
          { key: 'revision', title: t('kpis.revision'), dataIndex: 'revision', align: 'right' },
          { key: 'type', title: t('kpis.type'), dataIndex: 'type' },
          { key: 'at', title: t('kpis.at'), render: (_, row) => shanghaiDateTime(row.at) },
          { key: 'value', title: t('kpis.value'), render: (_, row) => row.outcome ?? (row.value === null || row.value === undefined ? '' : row.value.toFixed(1)) },
        ]}
      />
    </Drawer>
  );
}
