import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Result, Row, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../app/page-title';
import { execute, GraphQLRequestError } from '../../graphql/execute';
import { useLocale } from '../../i18n/locale-context';
import { downloadArchive } from './archive-download';
import { ChainVerdict } from './chain-verdict';
import { HistoryTimeline } from './history-timeline';
import { EVENT_TYPES } from './event-labels';
import { OutlineQuery, VerifyQuery } from './history.graphql';
import { ProjectAsOf, type ReplayPoint } from './project-as-of';
import { RevisionDiff } from './revision-diff';

const CardTitle = ({ children }: { children: string }) => <h2 style={{ fontSize: 16, margin: 0 }}>{children}</h2>;

/** 审计回放: the project's timeline, the project as of any point, what changed between two, its hash chain verified, its archive. */
export function HistoryPage() {
  const { projectId = '' } = useParams();
  const { t, label } = useLocale();
  const outline = useQuery({
    queryKey: ['history-outline', projectId],
    queryFn: () => execute(OutlineQuery, { id: projectId }),
    // a refusal (no such project, not yours to read) is the answer: asking again changes nothing
    retry: (failures, error) => !(error instanceof GraphQLRequestError) && failures < 1,
  });
  const [point, setPoint] = useState<ReplayPoint>();
  const verification = useMutation({ mutationFn: () => execute(VerifyQuery, { id: projectId }) });
  const archive = useMutation({ mutationFn: () => downloadArchive(projectId) });
  const project = outline.data?.project;
  const missing = (outline.isSuccess && !project) || (outline.error instanceof GraphQLRequestError && outline.error.code === 'NOT_FOUND');
  if (missing) return <Result status="404" title={t('history.missing')} />;
  const history = outline.data?.projectHistory;
  const headRevision = history?.headRevision ?? 0;
  const types = new Map(history?.entries.map((entry) => [entry.revision, entry.type]));
  const eventLabel = (revision: number) => label(EVENT_TYPES, types.get(revision));
  return (
    <PageContainer
      loading={outline.isPending}
      title={<PageTitle>{t('history.title')}</PageTitle>}
      breadcrumb={{
        items: [{ title: <Link to="/board">{t('menu.board')}</Link> }, { title: <Link to={`/projects/${projectId}`}>{project?.title}</Link> }, { title: t('history.title') }],
      }}
      extra={
        <Space>
          <Button icon={<SafetyCertificateOutlined />} loading={verification.isPending} onClick={() => verification.mutate()}>
            {t('history.verify')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={archive.isPending} onClick={() => archive.mutate()}>
            {t('history.archive')}
          </Button>
        </Space>
      }
    >
      {outline.isError && <Alert type="error" showIcon message={t('loadFailed')} description={outline.error.message} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {verification.data && <ChainVerdict verification={verification.data.verifyProject} />}
        {verification.isError && <Alert type="error" showIcon message={t('loadFailed')} description={verification.error.message} />}
        {archive.isError && <Alert type="error" showIcon message={t('history.archiveFailed')} description={archive.error.message} />}
      </Space>
      {project && history && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={14}>
            <Card title={<CardTitle>{t('history.timeline')}</CardTitle>}>
              <HistoryTimeline projectId={projectId} headRevision={headRevision} documents={project.documents} onView={(atRevision) => setPoint({ atRevision })} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card title={<CardTitle>{t('history.asOf')}</CardTitle>}>
                <ProjectAsOf projectId={projectId} headRevision={headRevision} point={point ?? { atRevision: headRevision }} onChange={setPoint} eventLabel={eventLabel} />
              </Card>
              <Card title={<CardTitle>{t('history.diff')}</CardTitle>}>
                <RevisionDiff projectId={projectId} headRevision={headRevision} eventLabel={eventLabel} />
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
