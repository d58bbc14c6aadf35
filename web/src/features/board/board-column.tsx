import { Flex, Typography } from 'antd';
import { yuan } from '../../format/money';
import type { PipelineBoardQuery } from '../../graphql/generated/graphql';
import { STAGES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import { BoardCard } from './board-card';

type Column = PipelineBoardQuery['pipelineBoard'][number];

/** A stage: its count, amount and weighted amount in yuan over the whole column, then its largest cards. */
export function BoardColumn({ column, changed }: { column: Column; changed?: string }) {
  const { t, label } = useLocale();
  const heading = `stage-${column.stage}`;
  return (
    <section aria-labelledby={heading} style={{ flex: '0 0 264px', background: '#f0f2f5', borderRadius: 8, padding: 8 }}>
      <Typography.Title level={2} id={heading} style={{ fontSize: 15, margin: '4px 0 8px' }}>
        {label(STAGES, column.stage)}
      </Typography.Title>
      <Flex component="dl" vertical gap={0} style={{ margin: '0 0 8px' }}>
        {[
          [t('board.count'), String(column.count)],
          [t('board.amount'), yuan(column.amount)],
          [t('board.weighted'), yuan(column.weightedAmount)],
        ].map(([term, value]) => (
          <Flex key={term} justify="space-between">
            <dt>{term}</dt>
            <dd style={{ margin: 0, fontWeight: 600 }}>{value}</dd>
          </Flex>
        ))}
      </Flex>
      <div role="list" aria-label={label(STAGES, column.stage)}>
        {column.cards.map((card) => (
          <BoardCard key={card.projectId} card={card} changed={card.projectId === changed} />
        ))}
      </div>
    </section>
  );
}
