import { Alert } from 'antd';
import type { InputField } from '../../graphql/generated/mutation-inputs';
import { GraphQLRequestError } from '../../graphql/execute';
import { useLocale } from '../../i18n/locale-context';
import { InputFieldControl } from './input-field';

/** Every field of a mutation's input, those the action decides hidden. */
export const MutationFields = ({ fields, hidden }: { fields: InputField[]; hidden: Set<string> }) =>
  fields.map((field) => <InputFieldControl key={field.name} field={field} path={[]} hidden={hidden.has(field.name)} />);

/** The server's refusal as it gave it: the rule's code, the GraphQL code, and its message. */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useLocale();
  if (!error) return null;
  const code = error instanceof GraphQLRequestError ? [error.domainCode, error.code].filter(Boolean).join(' · ') : '';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={code ? t('actions.refusedWith', { code }) : t('actions.refused')}
      description={[error instanceof Error ? error.message : String(error), ...(error instanceof GraphQLRequestError ? error.details : [])].join('；')}
      style={{ marginBottom: 16 }}
    />
  );
}
