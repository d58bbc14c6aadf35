import { PageContainer } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Input, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageTitle } from '../../app/page-title';
import { executeReport } from '../reports/report-requests';
import { useLocale } from '../../i18n/locale-context';
import { PolicyWhatIfQuery } from './policy-what-if.graphql';
import { WhatIfTables } from './what-if-tables';

/** The candidate is at most this long (the service refuses a longer one). */
const MAX_CANDIDATE = 65_536;

/** 策略推演: a director pastes or uploads a candidate policy, picks a period and sees what would have differed. */
export function PolicyWhatIfPage() {
  const { t } = useLocale();
  const [candidate, setCandidate] = useState('');
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().subtract(6, 'month').startOf('month'), dayjs()]);
  const replay = useMutation({
    mutationFn: () => executeReport(PolicyWhatIfQuery, { candidate, from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD') }),
  });
  const answer = replay.data?.policyWhatIf;
  const versions = answer?.versionsInPeriod.map((use) => `${use.profile} v${use.version}（${use.decisions}）`).join('、') || '—';

  return (
    <PageContainer title={<PageTitle>{t('whatIf.title')}</PageTitle>}>
      <Form layout="vertical" aria-label={t('whatIf.form')} onFinish={() => replay.mutate()} style={{ marginBottom: 16 }}>
        <Form.Item label={t('whatIf.candidate')} htmlFor="what-if-candidate" required>
          <Input.TextArea id="what-if-candidate" rows={8} maxLength={MAX_CANDIDATE} value={candidate} onChange={(event) => setCandidate(event.target.value)} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Flex gap={16} wrap align="end">
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(file) => (void file.text().then(setCandidate), false)}>
            <Button>{t('whatIf.upload')}</Button>
          </Upload>
          <Form.Item label={t('whatIf.period')} htmlFor="what-if-period" style={{ marginBottom: 0 }}>
            <DatePicker.RangePicker
              id={{ start: 'what-if-period' }}
              allowClear={false}
              value={period}
              onChange={(range) => range?.[0] && range[1] && setPeriod([range[0], range[1]])}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={replay.isPending} disabled={!candidate.trim()}>
            {t('whatIf.run')}
          </Button>
        </Flex>
      </Form>
      {replay.error && <Alert type="error" showIcon message={t('whatIf.refused')} description={replay.error.message} style={{ marginBottom: 16 }} />}
      {answer && (
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            message={t('whatIf.versions', {
              inForce: `${answer.inForce.profile} v${answer.inForce.version}`, candidate: `${answer.candidate.profile} v${answer.candidate.version}`, used: versions, projects: answer.projects,
            })}
          />
          <WhatIfTables answer={answer} />
        </Flex>
      )}
    </PageContainer>
  );
}
