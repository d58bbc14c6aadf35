import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { yuan } from '../../format/money';
import { shanghaiDateTime } from '../../format/shanghai-time';
import type { PolicyWhatIfQuery } from '../../graphql/generated/graphql';
import { DEADLINE_KINDS, PROJECT_CLASSES, ROLES, STAGES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';

type Answer = PolicyWhatIfQuery['policyWhatIf'];
type ApprovalRow = Answer['approvals']['differences'][number];
type DeadlineRow = Answer['deadlines']['differences'][number];
type ClassRow = Answer['classes']['differences'][number];
type StageRow = Answer['pipeline']['stages'][number];

function Section({ title, totals, children }: { title: string; totals: string; children: React.ReactNode }) {
  return (
    <Card size="small" role="region" aria-label={title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} extra={totals}>
      {children}
    </Card>
  );
}

const projectLink = (projectId: string) => <Link to={`/projects/${projectId}`}>{projectId.slice(0, 8)}</Link>;

/** The four kinds of difference, each under its totals: approvals, time limits, classes, the weighted pipeline. */
export function WhatIfTables({ answer }: { answer: Answer }) {
  const { t, label } = useLocale();
  const roles = (list: readonly string[] | null | undefined) => (list ? list.map((role) => label(ROLES, role)).join('、') : t('whatIf.unknown'));
  // the colour the board's overdue tag has (contrast enough on white); on time needs no mark
  const verdict = (overdue: boolean) => (overdue ? <Tag color="#cf1322">{t('whatIf.overdue')}</Tag> : t('whatIf.onTime'));
  const { approvals, deadlines, classes, pipeline } = answer;

  const approvalColumns: TableColumnsType<ApprovalRow> = [
    { key: 'at', title: t('whatIf.at'), render: (_, row) => shanghaiDateTime(row.at) },
    { key: 'project', title: t('whatIf.project'), render: (_, row) => projectLink(row.projectId) },
    { key: 'kind', title: t('whatIf.kind'), render: (_, row) => t(`whatIf.${row.kind}` as MessageKey) },
    { key: 'decision', title: t('whatIf.decision'), dataIndex: 'decision' },
    { key: 'decidedBy', title: t('whatIf.decidedBy'), dataIndex: 'decidedBy' },
    { key: 'decidedAs', title: t('whatIf.decidedAs'), render: (_, row) => roles(row.decidedAs) },
    { key: 'inForce', title: t('whatIf.inForce'), render: (_, row) => roles(row.inForce) },
    { key: 'candidate', title: t('whatIf.candidateColumn'), render: (_, row) => roles(row.candidate) },
  ];
  const deadlineColumns: TableColumnsType<DeadlineRow> = [
    { key: 'project', title: t('whatIf.project'), render: (_, row) => projectLink(row.projectId) },
    { key: 'kind', title: t('whatIf.deadlineKind'), render: (_, row) => label(DEADLINE_KINDS, row.kind) },
    { key: 'started', title: t('whatIf.started'), render: (_, row) => shanghaiDateTime(row.startedAt) },
    { key: 'stopped', title: t('whatIf.stopped'), render: (_, row) => (row.stoppedAt ? shanghaiDateTime(row.stoppedAt) : '—') },
    { key: 'inForce', title: t('whatIf.inForce'), render: (_, row) => <>{shanghaiDateTime(row.inForce.overdueAt)} {verdict(row.inForce.overdue)}</> },
    { key: 'candidate', title: t('whatIf.candidateColumn'), render: (_, row) => <>{shanghaiDateTime(row.candidate.overdueAt)} {verdict(row.candidate.overdue)}</> },
  ];
  const classColumns: TableColumnsType<ClassRow> = [
    { key: 'project', title: t('whatIf.project'), render: (_, row) => projectLink(row.projectId) },
    { key: 'title', title: t('whatIf.titleColumn'), dataIndex: 'title' },
    { key: 'estimate', title: t('whatIf.estimate'), align: 'right', render: (_, row) => yuan(row.estimatedAmount.amount) },
    { key: 'quoted', title: t('whatIf.quoted'), align: 'right', render: (_, row) => (row.quotedAmount ? yuan(row.quotedAmount.amount) : '—') },
    { key: 'inForce', title: t('whatIf.inForce'), render: (_, row) => label(PROJECT_CLASSES, row.inForce) },
    { key: 'candidate', title: t('whatIf.candidateColumn'), render: (_, row) => label(PROJECT_CLASSES, row.candidate) },
  ];
  const stageColumns: TableColumnsType<StageRow> = [
    { key: 'stage', title: t('whatIf.stage'), render: (_, row) => label(STAGES, row.stage) },
    { key: 'count', title: t('whatIf.count'), dataIndex: 'count', align: 'right' },
    { key: 'amount', title: t('whatIf.amount'), align: 'right', render: (_, row) => yuan(row.amount) },
    { key: 'inForce', title: t('whatIf.inForce'), align: 'right', render: (_, row) => `${row.inForceWeight}% · ${yuan(row.inForceWeighted)}` },
    { key: 'candidate', title: t('whatIf.candidateColumn'), align: 'right', render: (_, row) => `${row.candidateWeight}% · ${yuan(row.candidateWeighted)}` },
  ];
  const table = { size: 'small' as const, bordered: true, scroll: { x: 'max-content' }, pagination: { pageSize: 20, hideOnSinglePage: true } };
  return (
    <>
      <Section title={t('whatIf.approvals')} totals={t('whatIf.approvalsTotals', { decisions: approvals.decisions, deciders: approvals.deciders, routings: approvals.routings })}>
        <Table<ApprovalRow> {...table} columns={approvalColumns} dataSource={approvals.differences} rowKey={(row) => `${row.projectId}|${row.at}|${row.kind}|${row.decision}`} />
      </Section>
      <Section
        title={t('whatIf.deadlines')}
        totals={t('whatIf.deadlinesTotals', {
          steps: deadlines.steps, inForce: deadlines.overdueInForce, candidate: deadlines.overdueUnderCandidate, overdue: deadlines.becameOverdue, onTime: deadlines.becameOnTime,
        })}
      >
        <Table<DeadlineRow> {...table} columns={deadlineColumns} dataSource={deadlines.differences} rowKey={(row) => `${row.projectId}|${row.kind}|${row.startedAt}`} />
      </Section>
      <Section title={t('whatIf.classes')} totals={t('whatIf.classesTotals', { projects: classes.projects, major: classes.becameMajor, general: classes.becameGeneral })}>
        <Table<ClassRow> {...table} columns={classColumns} dataSource={classes.differences} rowKey="projectId" />
      </Section>
      <Section title={t('whatIf.pipeline')} totals={t('whatIf.pipelineTotals', { amount: yuan(pipeline.amount), inForce: yuan(pipeline.inForceWeighted), candidate: yuan(pipeline.candidateWeighted) })}>
        <Table<StageRow> {...table} pagination={false} columns={stageColumns} dataSource={pipeline.stages} rowKey="stage" />
      </Section>
    </>
  );
}
