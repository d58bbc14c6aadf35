import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isAfterShanghaiToday, shanghaiDateTime, shanghaiInstant } from '../../format/shanghai-time';
import { useLocale } from '../../i18n/locale-context';
import { downloadCsv } from './csv-download';

/** The instant a report is drawn at, picked in Beijing time; the live report when none. */
export function AsOfField({ asOf, onChange }: { asOf?: string; onChange: (asOf?: string) => void }) {
  const { t } = useLocale();
  return (
    <>
      <Form.Item label={t('reports.asOf')} htmlFor="report-as-of">
        <DatePicker
          id="report-as-of"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={asOf ? dayjs(shanghaiDateTime(asOf)) : null}
          disabledDate={isAfterShanghaiToday}
          onChange={(value: Dayjs | null) => onChange(value ? shanghaiInstant(value.format('YYYY-MM-DD HH:mm')) : undefined)}
        />
      </Form.Item>
      {asOf && (
        <Form.Item>
          <Button onClick={() => onChange(undefined)}>{t('reports.now')}</Button>
        </Form.Item>
      )}
    </>
  );
}

/** The server's CSV of the report, as of the instant the page shows (or now). */
export function CsvButton({ path, params, fileName, asOf }: { path: string; params: Record<string, string>; fileName: string; asOf?: string }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      // a past instant's report is named for it (UTC): monthly-2026-05-all-asof-20260501T0400Z.csv
      const stamp = asOf && `-asof-${asOf.slice(0, 16).replace(/[-:]/g, '')}Z`;
      await downloadCsv(path, asOf ? { ...params, asOf } : params, stamp ? fileName.replace(/\.csv$/, `${stamp}.csv`) : fileName);
    } catch {
      message.error(t('reports.csvFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form.Item>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
        {t('reports.csv')}
      </Button>
    </Form.Item>
  );
}
