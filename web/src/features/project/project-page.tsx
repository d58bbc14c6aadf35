import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Result, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { yuan } from '../../format/money';
import { PageTitle } from '../../app/page-title';
import { execute } from '../../graphql/execute';
import { PROJECT_CLASSES, STAGES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { ProjectActions } from './project-actions';
import { ProjectDeadlines } from './project-deadlines';
import { ProjectDocuments } from './project-documents';
import { ProjectReviews } from './project-reviews';
import { ProjectSalesControl } from './project-sales-control';
import { ProjectSigning } from './project-signing';
import { ProjectPageQuery } from './project.graphql';

/** A project as it stands: stage and key figures, the steps the caller may take now, documents, reviews, countersigning and clocks. */
export function ProjectPage() {
  const { projectId = '' } = useParams();
  const { t, label } = useLocale();
  const project = useQuery({ queryKey: ['project', projectId], queryFn: () => execute(ProjectPageQuery, { id: projectId }) });
  const view = project.data?.project;
  if (project.isSuccess && !view) return <Result status="404" title={t('project.missing')} />;
  return (
    <PageContainer
      loading={project.isPending}
      title={view && <PageTitle>{view.title}</PageTitle>}
      tags={view ? <Tag color="blue">{label(STAGES, view.stage)}</Tag> : undefined}
      breadcrumb={{ items: [{ title: <Link to="/board">{t('menu.board')}</Link> }, { title: view?.title }] }}
      extra={<Link to={`/projects/${projectId}/history`}>{t('project.history')}</Link>}
    >
      {project.isError && <Alert type="error" showIcon message={t('loadFailed')} description={project.error.message} />}
      {view && (
        <>
          <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('project.stage')}>{label(STAGES, view.stage)}</Descriptions.Item>
            <Descriptions.Item label={t('project.customer')}>{view.customer}</Descriptions.Item>
            <Descriptions.Item label={t('project.owner')}>{view.ownerId}</Descriptions.Item>
            <Descriptions.Item label={t('project.estimated')}>{yuan(view.estimatedAmount.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('project.signed')}>{view.signedAmount ? yuan(view.signedAmount.amount) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('project.class')}>{label(PROJECT_CLASSES, view.projectClass) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('project.region')}>{view.region}</Descriptions.Item>
            <Descriptions.Item label={t('project.productLine')}>{view.productLine}</Descriptions.Item>
            <Descriptions.Item label={t('project.revision')}>{view.revision}</Descriptions.Item>
          </Descriptions>
          <ProjectActions project={view} />
          <ProjectDeadlines project={view} />
          <ProjectSalesControl project={view} />
          <ProjectSigning project={view} />
          <ProjectReviews project={view} />
          <ProjectDocuments project={view} />
        </>
      )}
    </PageContainer>
  );
}
