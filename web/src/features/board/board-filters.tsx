import { Button, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isAfterShanghaiToday, shanghaiDateTime, shanghaiInstant } from '../../format/shanghai-time';
import type { BoardFilterInput } from '../../graphql/generated/graphql';
import { PROJECT_CLASSES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';

export interface BoardView {
  filter: BoardFilterInput;
  /** ISO instant; the live board when absent. */
  asOf?: string;
}

type FilterKey = keyof BoardFilterInput;

/** Owner, region, product line and class filters, and the instant the board is drawn at. */
export function BoardFilters({ view, options, onChange }: { view: BoardView; options: Record<FilterKey, string[]>; onChange: (view: BoardView) => void }) {
  const { t, label } = useLocale();
  const select = (key: FilterKey, title: string, labelOf: (value: string) => string = (value) => value) => (
    <Form.Item key={key} label={title} htmlFor={`board-${key}`}>
      <Select
        id={`board-${key}`}
        allowClear
        style={{ width: 150 }}
        value={view.filter[key] ?? undefined}
        options={options[key].map((value) => ({ value, label: labelOf(value) }))}
        onChange={(value?: string) => onChange({ ...view, filter: { ...view.filter, [key]: value || undefined } })}
      />
    </Form.Item>
  );
  const picked = view.asOf ? dayjs(shanghaiDateTime(view.asOf)) : null;
  return (
    <Form layout="inline" aria-label={t('board.filters')} style={{ rowGap: 8, marginBottom: 16 }}>
      {select('ownerId', t('board.owner'))}
      {select('region', t('board.region'))}
      {select('productLine', t('board.productLine'))}
      {select('projectClass', t('board.projectClass'), (value) => label(PROJECT_CLASSES, value))}
      <Form.Item label={t('board.asOf')} htmlFor="board-as-of">
        <DatePicker
          id="board-as-of"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={picked}
          disabledDate={isAfterShanghaiToday}
          onChange={(value: Dayjs | null) => onChange({ ...view, asOf: value ? shanghaiInstant(value.format('YYYY-MM-DD HH:mm')) : undefined })}
        />
      </Form.Item>
      {view.asOf && (
        <Form.Item>
          <Button onClick={() => onChange({ ...view, asOf: undefined })}>{t('board.now')}</Button>
        </Form.Item>
      )}
    </Form>
  );
}
