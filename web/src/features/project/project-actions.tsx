import { ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Typography } from 'antd';
import { execute } from '../../graphql/execute';
import { useLocale } from '../../i18n/locale-context';
import { ActionForm } from '../action-forms/action-form';
import type { ProjectData } from '../action-forms/prefill';
import { AvailableActionsQuery } from './project.graphql';
import { SectionTitle } from './section-title';

/** 我现在能做什么: the steps the rules let the caller take now, each its own form. */
export function ProjectActions({ project }: { project: ProjectData }) {
  const { t } = useLocale();
  // keyed under the project, so that a step taken reads both again
  const actions = useQuery({ queryKey: ['project', project.id, 'actions'], queryFn: () => execute(AvailableActionsQuery, { projectId: project.id }) });
  const offers = actions.data?.availableActions ?? [];
  return (
    <ProCard title={<SectionTitle>{t('project.actions')}</SectionTitle>} loading={actions.isPending} bordered style={{ marginTop: 16 }}>
      {actions.isError && <Alert type="error" showIcon message={t('loadFailed')} description={actions.error.message} />}
      {actions.isSuccess && offers.length === 0 && <Typography.Text>{t('project.noActions')}</Typography.Text>}
      <Flex wrap gap="small" role="group" aria-label={t('project.actions')}>
        {offers.map((action) => (
          <ActionForm key={`${action.command}:${action.variant ?? ''}:${project.revision}`} action={action} project={project} />
        ))}
      </Flex>
    </ProCard>
  );
}
