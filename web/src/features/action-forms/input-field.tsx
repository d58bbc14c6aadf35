import { ProFormDatePicker, ProFormDigit, ProFormGroup, ProFormList, ProFormSelect, ProFormSwitch, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import type { Rule } from 'antd/es/form';
import type { InputField } from '../../graphql/generated/mutation-inputs';
import { useLocale } from '../../i18n/locale-context';
import { DocumentFields, isDocument } from './document-fields';
import { FIELD_LABELS, LONG_TEXT } from './field-labels';

const CJK = /[\u4e00-\u9fff]/;
/** The largest amount MoneyInput takes: 100000000000 fen. */
const MAX_YUAN = 1_000_000_000;

/** Chinese from the labels or the schema's description, else the field's own name. */
export function useFieldLabel() {
  const { locale } = useLocale();
  return (field: InputField) => FIELD_LABELS[field.name]?.[locale] ?? (locale === 'zh' && field.description && CJK.test(field.description) ? field.description : field.name);
}

interface Props {
  field: InputField;
  /** Where the field sits in the form's values: its parents' names, then its own. */
  path: Array<string | number>;
  hidden?: boolean;
  /** Inside an optional object: nothing in it is required unless something is typed (the server then says what is missing). */
  optional?: boolean;
}

/** One field of a mutation's input, as the ProForm field its kind asks for; objects and lists recurse. */
export function InputFieldControl({ field, path, hidden, optional }: Props) {
  const { t, locale } = useLocale();
  const labelOf = useFieldLabel();
  const label = labelOf(field);
  const name = [...path, field.name];
  const required = field.required && !optional;
  const rules: Rule[] = required ? [{ required: true, message: t('actions.required', { field: label }) }] : [];
  const common = { name, label, rules, hidden };
  const enumOptions = field.values?.map(({ value, label: zh }) => ({ value, label: locale === 'zh' ? zh : value }));

  switch (field.kind) {
    case 'object':
      if (field.list) {
        return (
          <ProFormList name={name} label={label} creatorButtonProps={{ creatorButtonText: t('actions.addRow', { field: label }) }} copyIconProps={false}>
            {(meta) => (
              <ProFormGroup key={meta.key}>
                {field.fields!.map((child) => <InputFieldControl key={child.name} field={child} path={[]} />)}
              </ProFormGroup>
            )}
          </ProFormList>
        );
      }
      if (isDocument(field)) return <DocumentFields name={name} label={label} required={required} hidden={hidden} />;
      return (
        <ProFormGroup title={label}>
          {field.fields!.map((child) => <InputFieldControl key={child.name} field={child} path={name} hidden={hidden} optional={!required} />)}
        </ProFormGroup>
      );
    case 'enum':
      return <ProFormSelect {...common} options={enumOptions} mode={field.list ? 'multiple' : undefined} fieldProps={{ showSearch: true, optionFilterProp: 'label' }} />;
    case 'money':
      return <ProFormDigit {...common} min={0.01} max={MAX_YUAN} fieldProps={{ precision: 2, prefix: '¥' }} />;
    case 'int':
      return <ProFormDigit {...common} fieldProps={{ precision: 0 }} />;
    case 'boolean':
      return <ProFormSwitch {...common} rules={[]} />;
    case 'date':
      return <ProFormDatePicker {...common} fieldProps={{ format: 'YYYY-MM-DD' }} />;
    case 'text':
      if (field.list) return <ProFormSelect {...common} mode="tags" fieldProps={{ tokenSeparators: [',', '，', ' '], notFoundContent: null }} />;
      if (LONG_TEXT.has(field.name)) return <ProFormTextArea {...common} fieldProps={{ autoSize: { minRows: 2, maxRows: 6 } }} />;
      return <ProFormText {...common} />;
  }
}
