import { ModalForm } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useSession } from '../../app/session-context';
import { MUTATION_INPUTS } from '../../graphql/generated/mutation-inputs';
import { useLocale } from '../../i18n/locale-context';
import { MutationFields, Refusal } from './mutation-fields';
import { prefill, type ProjectData } from './prefill';
import { sendMutation } from './send-mutation';
import { toInput } from './to-input';

export interface ActionOffer {
  command: string;
  variant?: string | null;
  label: string;
}

/** The step's name: the server's Chinese label, or the mutation's English description. */
export function useActionName() {
  const { locale } = useLocale();
  return ({ command, label }: ActionOffer) => (locale === 'zh' ? label : MUTATION_INPUTS[command].description.replace(/^[^A-Za-z]*/, '') || label);
}

/** One step the rules allow now: a button opening its form, derived from the mutation's input; on success the project and its steps are read again. */
export function ActionForm({ action, project }: { action: ActionOffer; project: ProjectData }) {
  const { t } = useLocale();
  const { session } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const name = useActionName()(action);
  const { fields } = MUTATION_INPUTS[action.command];
  const { values, hidden } = prefill(action.command, action.variant ?? undefined, fields, project, session?.roles[0]);
  const send = useMutation({
    mutationFn: (formValues: Record<string, unknown>) => sendMutation(action.command, toInput(fields, formValues)),
    onSuccess: async () => {
      message.success(t('actions.done', { action: name }));
      await client.invalidateQueries({ queryKey: ['project', project.id] });
      await client.invalidateQueries({ queryKey: ['my-work'] });
    },
  });
  return (
    <ModalForm
      title={name}
      trigger={<Button>{name}</Button>}
      initialValues={values}
      dateFormatter="string"
      modalProps={{ destroyOnHidden: true, onCancel: () => send.reset() }}
      submitter={{ searchConfig: { submitText: t('actions.submit'), resetText: t('actions.cancel') } }}
      onFinish={async (formValues) => {
        try {
          await send.mutateAsync(formValues);
          return true;
        } catch {
          return false;
        }
      }}
    >
      <Refusal error={send.error} />
      <MutationFields fields={fields} hidden={hidden} />
    </ModalForm>
  );
}
