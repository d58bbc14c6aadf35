import { ProCard } from '@ant-design/pro-components';
import { Descriptions, Steps, Tag } from 'antd';
import { yuan } from '../../format/money';
import { ROLES } from '../../i18n/labels';
import { useLocale } from '../../i18n/locale-context';
import type { ProjectData } from '../action-forms/prefill';
import { CONTRACT_STATES } from './project-labels';
import { SectionTitle } from './section-title';

/** The quotation's approvals needed and given, and the contract's countersign chain with its next signer. */
export function ProjectSigning({ project }: { project: ProjectData }) {
  const { t, label } = useLocale();
  const { quotation, contract } = project;
  const roles = (list: string[]) => list.map((role) => label(ROLES, role)).join('、') || '—';
  const who = (step: { role: string; userId?: string | null }) => `${label(ROLES, step.role)}${step.userId ? `（${step.userId}）` : ''}`;
  return (
    <ProCard title={<SectionTitle>{t('project.signing')}</SectionTitle>} bordered style={{ marginTop: 16 }}>
      {!quotation && !contract && t('project.noQuotation')}
      {quotation && (
        <Descriptions title={t('project.quotation')} size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('project.amount')}>{yuan(quotation.amount.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('project.docVersion')}>v{quotation.version} · {quotation.document.title}</Descriptions.Item>
          <Descriptions.Item label={t('project.approvalsNeeded')}>{roles(quotation.requiredApprovals)}</Descriptions.Item>
          <Descriptions.Item label={t('project.approvalsGiven')}>{quotation.approvals.map((approval) => `${label(ROLES, approval.role)}（${approval.approverId}）`).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.approvalsMissing')}>{roles(quotation.approvalsMissing)}</Descriptions.Item>
        </Descriptions>
      )}
      {contract && (
        <>
          <Descriptions title={t('project.contract')} size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('project.contractStatus')}><Tag>{label(CONTRACT_STATES, contract.status)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('project.amount')}>{yuan(contract.amount.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('project.docVersion')}>v{contract.version} · {contract.document.title}</Descriptions.Item>
            <Descriptions.Item label={t('project.nextSigner')}>{contract.nextSigner ? who(contract.nextSigner) : '—'}</Descriptions.Item>
          </Descriptions>
          <Steps
            size="small"
            aria-label={t('project.chain')}
            items={contract.chain.map((step) => ({
              title: who(step),
              status: step.signed ? 'finish' : contract.nextSigner && who(contract.nextSigner) === who(step) ? 'process' : 'wait',
              description: step.signed ? t('project.signedBy', { who: step.signedBy ?? '' }) : undefined,
            }))}
          />
        </>
      )}
    </ProCard>
  );
}
