import { ProFormGroup, ProFormText } from '@ant-design/pro-components';
import { Form, Typography, Upload } from 'antd';
import type { InputField } from '../../graphql/generated/mutation-inputs';
import { useLocale } from '../../i18n/locale-context';

/** DocumentInput: a title, a URI and the file's sha256. */
export const isDocument = (field: InputField) => ['sha256', 'title', 'uri'].every((name) => field.fields?.some((child) => child.name === name));

/** The file's sha256 as 64 hex digits, computed in the browser. */
async function sha256Of(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

interface Props {
  name: Array<string | number>;
  label: string;
  required: boolean;
  hidden?: boolean;
}

/** A document's title and URI typed, its sha256 typed or computed from the chosen file (the file itself stays in the browser). */
export function DocumentFields({ name, label, required, hidden }: Props) {
  const { t } = useLocale();
  const form = Form.useFormInstance();
  const rulesFor = (what: string) => (required ? [{ required: true, message: t('actions.required', { field: `${label} · ${what}` }) }] : []);
  const hex = { pattern: /^[0-9a-f]{64}$/, message: t('actions.sha256Format') };
  return (
    <ProFormGroup title={hidden ? undefined : label}>
      <ProFormText name={[...name, 'title']} label={`${label} · ${t('actions.docTitle')}`} rules={rulesFor(t('actions.docTitle'))} hidden={hidden} />
      <ProFormText name={[...name, 'uri']} label={`${label} · ${t('actions.docUri')}`} rules={rulesFor(t('actions.docUri'))} hidden={hidden} />
      <ProFormText
        name={[...name, 'sha256']}
        label={`${label} · SHA-256`}
        rules={[...rulesFor('SHA-256'), hex]}
        hidden={hidden}
        width="xl"
        addonAfter={
          <Upload
            showUploadList={false}
            beforeUpload={async (file) => {
              form.setFieldValue([...name, 'sha256'], await sha256Of(file));
              if (!form.getFieldValue([...name, 'title'])) form.setFieldValue([...name, 'title'], file.name);
              return false;
            }}
          >
            {/* Upload is the button itself: a Button inside would nest one control in another */}
            <Typography.Text style={{ color: '#1668dc', cursor: 'pointer' }}>{t('actions.fromFile')}</Typography.Text>
          </Upload>
        }
      />
    </ProFormGroup>
  );
}
