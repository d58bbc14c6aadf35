import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Flex, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { shanghaiDateTime } from '../../format/shanghai-time';
import { PageTitle } from '../../app/page-title';
import { execute } from '../../graphql/execute';
import type { BoardFilterInput } from '../../graphql/generated/graphql';
import { useLocale } from '../../i18n/locale-context';
import { BoardColumn } from './board-column';
import { BoardFilters, type BoardView } from './board-filters';
import { BoardQuery } from './board.graphql';
import { moveBetweenCards } from './move-between-cards';
import { useBoardChanges } from './use-board-changes';

const FILTER_KEYS = ['ownerId', 'region', 'productLine', 'projectClass'] as const;

/** The filters and the instant live in the address, so a board can be linked to and reloaded. */
function viewOf(params: URLSearchParams): BoardView {
  const filter: BoardFilterInput = {};
  for (const key of FILTER_KEYS) if (params.get(key)) filter[key] = params.get(key);
  return { filter, asOf: params.get('asOf') ?? undefined };
}

function paramsOf({ filter, asOf }: BoardView): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...filter, asOf }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** 销售漏斗: columns by stage, filters, live through boardChanged, or as of a past instant. */
export function BoardPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const view = viewOf(params);
  const board = useQuery({
    queryKey: ['board', view.filter, view.asOf],
    queryFn: () => execute(BoardQuery, { filter: view.filter, asOf: view.asOf }),
    placeholderData: keepPreviousData,
  });
  const { live, changed } = useBoardChanges(view.filter, !view.asOf);
  const columns = board.data?.pipelineBoard ?? [];
  const cards = columns.flatMap((column) => column.cards);
  const distinct = (values: Array<string | null | undefined>) => [...new Set(values.filter((value): value is string => !!value))].sort();
  const options = {
    ownerId: distinct([...cards.map((card) => card.ownerId), view.filter.ownerId]),
    region: distinct([...cards.map((card) => card.region), view.filter.region]),
    productLine: distinct([...cards.map((card) => card.productLine), view.filter.productLine]),
    projectClass: ['MAJOR', 'GENERAL'],
  };
  return (
    <PageContainer title={<PageTitle>{t('menu.board')}</PageTitle>} extra={live ? <Badge status="processing" text={t('board.live')} /> : undefined}>
      <BoardFilters view={view} options={options} onChange={(next) => setParams(paramsOf(next))} />
      {view.asOf && <Alert type="info" showIcon message={t('board.asOfNotice', { instant: shanghaiDateTime(view.asOf) })} style={{ marginBottom: 16 }} />}
      {board.isError && <Alert type="error" showIcon message={t('loadFailed')} description={board.error.message} />}
      <Spin spinning={board.isFetching && !board.isPending}>
        {board.isPending ? (
          <Spin />
        ) : (
          <>
            <Typography.Text type="secondary" id="board-keys">{t('board.keys')}</Typography.Text>
            <Flex
              gap={12}
              tabIndex={0}
              role="group"
              aria-label={t('menu.board')}
              aria-describedby="board-keys"
              onKeyDown={moveBetweenCards}
              style={{ overflowX: 'auto', paddingBottom: 8, marginTop: 8 }}
              align="flex-start"
            >
              {columns.map((column) => (
                <BoardColumn key={column.stage} column={column} changed={changed} />
              ))}
            </Flex>
          </>
        )}
      </Spin>
    </PageContainer>
  );
}
