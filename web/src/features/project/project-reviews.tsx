import { ProCard } from '@ant-design/pro-components';
import { Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useLocale } from '../../i18n/locale-context';
import type { ProjectData } from '../action-forms/prefill';
import { REVIEW_STATES } from './project-labels';
import { SectionTitle } from './section-title';

type Version = ProjectData['solutionVersions'][number];
type Current = NonNullable<ProjectData['solution']>;

/** One subject's review as it stands (status, reviewers, votes) and every version reviewed before, with comments and scores. */
function Review({ title, current, versions }: { title: string; current: Current | null | undefined; versions: Version[] }) {
  const { t, label } = useLocale();
  const votes = (version: Version) =>
    version.votes.map((vote) => (
      <div key={vote.reviewerId}>
        {vote.reviewerId}：{label(REVIEW_STATES, vote.vote)}
        {vote.scores && ` · ${t('project.scores', { ...vote.scores })}`}
        {vote.comments && ` · ${vote.comments}`}
      </div>
    ));
  const columns: TableColumnsType<Version> = [
    { title: t('project.docVersion'), key: 'version', render: (_, version) => `v${version.version}` },
    { title: t('project.docTitle'), key: 'title', render: (_, version) => version.document.title },
    { title: t('project.outcome'), key: 'outcome', render: (_, version) => (version.outcome ? label(REVIEW_STATES, version.outcome) : '—') },
    { title: t('project.reviewers'), key: 'reviewers', render: (_, version) => version.reviewers.join('、') || '—' },
    { title: t('project.votes'), key: 'votes', render: (_, version) => votes(version) },
  ];
  return (
    <ProCard title={<SectionTitle>{title}</SectionTitle>} bordered style={{ marginTop: 16 }}>
      {current && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('project.reviewStatus')}><Tag>{label(REVIEW_STATES, current.status)}</Tag></Descriptions.Item>
          <Descriptions.Item label={t('project.docVersion')}>v{current.version} · {current.document.title}</Descriptions.Item>
          <Descriptions.Item label={t('project.reviewers')}>{current.reviewers.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.approvals')}>{t('project.approvalsOf', { given: current.votes.filter((vote) => vote.vote === 'APPROVE').length, needed: current.approvalsNeeded })}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<Version> rowKey="version" columns={columns} dataSource={versions} pagination={false} size="small" locale={{ emptyText: <Typography.Text>{t('project.noReviews')}</Typography.Text> }} />
    </ProCard>
  );
}

export function ProjectReviews({ project }: { project: ProjectData }) {
  const { t } = useLocale();
  return (
    <>
      <Review title={t('project.solutionReview')} current={project.solution} versions={project.solutionVersions} />
      <Review title={t('project.agreementReview')} current={project.agreement} versions={project.agreementVersions} />
    </>
  );
}
