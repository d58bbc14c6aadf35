import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Descriptions, Empty, Form, Slider, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { yuan } from '../../format/money';
import { isAfterShanghaiToday, shanghaiDateTime, shanghaiInstant } from '../../format/shanghai-time';
import { execute } from '../../graphql/execute';
import { PROJECT_CLASSES, ROLES, STAGES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { CONTRACT_STATUSES, REVIEW_STATUSES } from './history-labels';
import { AsOfQuery } from './history.graphql';

/** A point of the project's history: after a revision, or as recorded by an instant (ISO-8601). */
export type ReplayPoint = { atRevision: number } | { asOf: string };

/** The project as of a revision picked on a slider, or an instant picked in Beijing time: its key figures as project(atRevision | asOf) replays them. */
export function ProjectAsOf({ projectId, headRevision, point, onChange, eventLabel }: {
  projectId: string;
  headRevision: number;
  point: ReplayPoint;
  onChange: (point: ReplayPoint) => void;
  eventLabel: (revision: number) => string;
}) {
  const { t, label } = useLocale();
  // while a handle is dragged, the slider moves alone: the project is replayed where it is let go
  const [sliding, setSliding] = useState<number>();
  const asOf = useQuery({ queryKey: ['project-as-of', projectId, point], queryFn: () => execute(AsOfQuery, { id: projectId, ...point }), placeholderData: keepPreviousData });
  const view = asOf.data?.project;
  const revision = 'atRevision' in point ? point.atRevision : (view?.revision ?? headRevision);
  const picked = 'asOf' in point ? dayjs(shanghaiDateTime(point.asOf)) : null;
  const money = (fen: number | undefined) => (fen === undefined ? '—' : yuan(fen));
  const revisionText = (value?: number) => (value === undefined ? '' : `${value} · ${eventLabel(value)}`);
  return (
    <>
      <Form layout="vertical">
        <Form.Item label={t('history.asOfRevision')}>
          <Slider
            min={0}
            max={headRevision}
            value={sliding ?? revision}
            marks={{ 0: '0', [headRevision]: String(headRevision) }}
            ariaLabelForHandle={t('history.asOfRevision')}
            ariaValueTextFormatterForHandle={revisionText}
            tooltip={{ formatter: revisionText }}
            onChange={setSliding}
            onChangeComplete={(value) => {
              setSliding(undefined);
              onChange({ atRevision: value });
            }}
          />
        </Form.Item>
        <Form.Item label={t('history.asOfInstant')} htmlFor="history-as-of">
          <DatePicker
            id="history-as-of"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={picked}
            disabledDate={isAfterShanghaiToday}
            onChange={(value: Dayjs | null) => onChange(value ? { asOf: shanghaiInstant(value.format('YYYY-MM-DD HH:mm')) } : { atRevision: headRevision })}
          />
        </Form.Item>
      </Form>
      {asOf.isError && <Alert type="error" showIcon message={t('loadFailed')} description={asOf.error.message} />}
      {asOf.isPending && <Spin />}
      {asOf.isSuccess && !view && <Empty description={t('history.notYet')} />}
      {view && (
        <Descriptions
          title={t('history.asOfShowing', { revision: view.revision })}
          bordered
          size="small"
          column={1}
          style={{ opacity: asOf.isPlaceholderData ? 0.5 : 1 }}
          items={[
            { key: 'stage', label: t('history.stage'), children: label(STAGES, view.stage) },
            { key: 'owner', label: t('history.owner'), children: view.ownerId },
            { key: 'class', label: t('history.class'), children: label(PROJECT_CLASSES, view.projectClass) || '—' },
            { key: 'estimated', label: t('history.estimated'), children: yuan(view.estimatedAmount.amount) },
            { key: 'quotation', label: t('history.quotation'), children: money(view.quotation?.amount.amount) },
            { key: 'contract', label: t('history.contract'), children: money(view.contract?.amount.amount) },
            { key: 'signed', label: t('history.signed'), children: money(view.signedAmount?.amount) },
            { key: 'documents', label: t('history.documents'), children: t('history.documentCount', { count: view.documents.length }) },
            {
              key: 'solution',
              label: t('history.solutionReview'),
              children: view.solution ? `${t('history.version', { version: view.solution.version })} · ${label(REVIEW_STATUSES, view.solution.status)}` : '—',
            },
            {
              key: 'approvals',
              label: t('history.quotationApprovals'),
              children: !view.quotation
                ? '—'
                : view.quotation.approvalsMissing.length === 0
                  ? t('history.approvalsComplete')
                  : t('history.approvalsMissing', { roles: view.quotation.approvalsMissing.map((role) => label(ROLES, role)).join(t('history.separator')) }),
            },
            {
              key: 'countersign',
              label: t('history.countersign'),
              children: !view.contract
                ? '—'
                : [
                    `${t('history.version', { version: view.contract.version })} · ${label(CONTRACT_STATUSES, view.contract.status)}`,
                    view.contract.nextSigner && t('history.nextSigner', { signer: view.contract.nextSigner.userId ?? label(ROLES, view.contract.nextSigner.role) }),
                  ]
                    .filter(Boolean)
                    .join(' · '),
            },
          ]}
        />
      )}
    </>
  );
}
