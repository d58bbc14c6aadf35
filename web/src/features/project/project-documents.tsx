import { ProCard } from '@ant-design/pro-components';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useLocale } from '../../i18n/locale-context';
import type { ProjectData } from '../action-forms/prefill';
import { DOCUMENT_KINDS } from './project-labels';
import { SectionTitle } from './section-title';

type Document = ProjectData['documents'][number];

/** Every document version the project filed: kind, title, version, sha256 and URI. */
export function ProjectDocuments({ project }: { project: ProjectData }) {
  const { t, label } = useLocale();
  const columns: TableColumnsType<Document> = [
    { title: t('project.docKind'), key: 'kind', render: (_, doc) => label(DOCUMENT_KINDS, doc.kind) },
    { title: t('project.docTitle'), key: 'title', render: (_, doc) => <a href={doc.uri} target="_blank" rel="noreferrer">{doc.title}</a> },
    { title: t('project.docVersion'), key: 'version', render: (_, doc) => doc.version ?? '—' },
    { title: 'SHA-256', key: 'sha256', render: (_, doc) => <Typography.Text code copyable={{ text: doc.sha256 }}>{doc.sha256.slice(0, 16)}…</Typography.Text> },
    { title: t('project.docFiledAt'), key: 'filedAt', render: (_, doc) => doc.filedAt },
  ];
  return (
    <ProCard title={<SectionTitle>{t('project.documents')}</SectionTitle>} bordered style={{ marginTop: 16 }}>
      <Table<Document> rowKey={(doc) => `${doc.filedAt}:${doc.sha256}`} columns={columns} dataSource={project.documents} pagination={false} size="small" locale={{ emptyText: <Typography.Text>{t('project.noDocuments')}</Typography.Text> }} />
    </ProCard>
  );
}
