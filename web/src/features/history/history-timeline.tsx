import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Pagination, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { shanghaiDateTime } from '../../format/shanghai-time';
import { execute } from '../../graphql/execute';
import type { HistoryOutlineQuery, TimelinePageQuery } from '../../graphql/generated/graphql';
import { ROLES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { DocumentLine } from './document-hash';
import { EVENT_TYPES } from './event-labels';
import { TimelineQuery } from './history.graphql';

const PAGE_SIZE = 20;

type Entry = TimelinePageQuery['projectHistory']['entries'][number];
type FiledDocument = NonNullable<HistoryOutlineQuery['project']>['documents'][number];

/** One event: what happened (in the procedure's words), by whom, when in Beijing time, and the documents it filed or decided on. */
function TimelineEntry({ entry, filed, onView }: { entry: Entry; filed: FiledDocument[]; onView: (revision: number) => void }) {
  const { t, label } = useLocale();
  const { actor, decidedDocument } = entry;
  return (
    <Flex vertical gap={2}>
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{EVENT_TYPES[entry.type] ? label(EVENT_TYPES, entry.type) : entry.label}</Typography.Text>
        <Tag>{t('history.revision', { revision: entry.revision })}</Tag>
        <Typography.Text type="secondary">{shanghaiDateTime(entry.occurredAt)}</Typography.Text>
        <Button type="link" size="small" onClick={() => onView(entry.revision)}>
          {t('history.viewHere')}
        </Button>
      </Flex>
      <Typography.Text>
        {t('history.actor', { actor: actor.name ?? actor.userId, roles: actor.roles.map((role) => label(ROLES, role)).join(t('history.separator')) })}
      </Typography.Text>
      {decidedDocument && (
        <div>
          {t('history.decided')}<DocumentLine {...decidedDocument} />
        </div>
      )}
      {filed.map((document, i) => (
        <div key={i}>
          {t('history.filed')}<DocumentLine {...document} />
        </div>
      ))}
    </Flex>
  );
}

/** The project's events in order, a page at a time (revisions are contiguous from 0, so a page starts at its first revision). */
export function HistoryTimeline({ projectId, headRevision, documents, onView }: { projectId: string; headRevision: number; documents: FiledDocument[]; onView: (revision: number) => void }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ['history-timeline', projectId, page],
    queryFn: () => execute(TimelineQuery, { id: projectId, from: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  if (history.isError) return <Alert type="error" showIcon message={t('loadFailed')} description={history.error.message} />;
  const entries = history.data?.projectHistory.entries ?? [];
  return (
    <>
      <Timeline
        style={{ opacity: history.isPlaceholderData ? 0.5 : 1 }}
        items={entries.map((entry) => ({
          key: entry.revision,
          children: <TimelineEntry entry={entry} filed={documents.filter((document) => document.filedAt === entry.revision)} onView={onView} />,
        }))}
      />
      <Pagination
        current={page}
        pageSize={PAGE_SIZE}
        total={headRevision + 1}
        showSizeChanger={false}
        showTotal={(total) => t('history.entries', { count: total })}
        onChange={setPage}
      />
    </>
  );
}
