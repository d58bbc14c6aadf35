import { PageContainer, ProCard, ProForm } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../app/page-title';
import { MUTATION_INPUTS } from '../../graphql/generated/mutation-inputs';
import { useLocale } from '../../i18n/locale-context';
import { MutationFields, Refusal } from '../action-forms/mutation-fields';
import { sendMutation } from '../action-forms/send-mutation';
import { toInput } from '../action-forms/to-input';

const { fields } = MUTATION_INPUTS.registerLead;
// the project's id is derived from the command id when not sent
const HIDDEN = new Set(['projectId']);

/** 登记线索: registerLead's form, derived from its input like every step's; the new project opens once registered. */
export function RegisterLeadPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const register = useMutation({
    mutationFn: (values: Record<string, unknown>) => sendMutation('registerLead', toInput(fields, values)),
    onSuccess: async ({ projectId }) => {
      await client.invalidateQueries({ queryKey: ['my-work'] });
      navigate(`/projects/${projectId}`);
    },
  });
  return (
    <PageContainer title={<PageTitle>{t('registerLead.title')}</PageTitle>}>
      <ProCard bordered>
        <Refusal error={register.error} />
        <ProForm
          layout="vertical"
          submitter={{ searchConfig: { submitText: t('registerLead.submit'), resetText: t('actions.cancel') } }}
          onFinish={async (values) => {
            await register.mutateAsync(values).catch(() => undefined);
          }}
        >
          <MutationFields fields={fields} hidden={HIDDEN} />
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
