import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { yuan } from '../../format/money';
import type { BoardCardFieldsFragment } from '../../graphql/generated/graphql';
import { PROJECT_CLASSES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';

/** A project on the board: customer, owner, amount, days in stage, overdue. */
export function BoardCard({ card, changed }: { card: BoardCardFieldsFragment; changed: boolean }) {
  const { t, label } = useLocale();
  return (
    <Card
      size="small"
      role="listitem"
      aria-label={card.title}
      style={{ marginBottom: 8, borderColor: changed ? '#1668dc' : undefined, boxShadow: changed ? '0 0 0 2px #bcd6fb' : undefined }}
    >
      <Link to={`/projects/${card.projectId}`} style={{ fontWeight: 600 }}>
        {card.title}
      </Link>
      <Flex vertical gap={2} style={{ marginTop: 4 }}>
        <Typography.Text>{card.customer}</Typography.Text>
        <Flex justify="space-between">
          <Typography.Text strong>{yuan(card.amount.amount)}</Typography.Text>
          <Typography.Text>{card.ownerId}</Typography.Text>
        </Flex>
        <Flex gap={4} wrap align="center">
          <Typography.Text>{t('board.daysInStage', { days: card.daysInStage })}</Typography.Text>
          {card.dueOn && <Typography.Text>· {t('board.due', { date: card.dueOn })}</Typography.Text>}
          {card.overdue && <Tag color="#cf1322">{t('overdue')}</Tag>}
          {card.projectClass === 'MAJOR' && <Tag color="#874d00">{label(PROJECT_CLASSES, 'MAJOR')}</Tag>}
        </Flex>
      </Flex>
    </Card>
  );
}
