import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, message } from 'antd';
import { execute, GraphQLRequestError } from '../../graphql/execute';
import { useLocale } from '../../i18n/locale-context';
import { AssessPresalesMutation, ReviseAssessmentMutation } from './kpis.graphql';

interface Values {
  rating: number;
  comment: string;
  reason?: string;
}

/** 月度考核: the manager's rating and comment of a person's month; a revision says why (the service keeps every version). */
export function AssessmentModal({ person, month, revising, onClose }: { person: string; month: string; revising: boolean; onClose: () => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<Values>();
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: ({ rating, comment, reason }: Values) => {
      const input = { commandId: crypto.randomUUID(), person, month, rating, comment };
      return revising
        ? execute(ReviseAssessmentMutation, { input: { ...input, reason: reason ?? '' } }).then((result) => result.reviseAssessment.version)
        : execute(AssessPresalesMutation, { input }).then((result) => result.assessPresales.version);
    },
    onSuccess: async (version) => {
      void message.success(t('kpis.saved', { version: String(version) }));
      await queries.invalidateQueries({ queryKey: ['presalesKpis'] });
      onClose();
    },
  });
  const refusal = save.error instanceof GraphQLRequestError ? `${save.error.message} (${save.error.domainCode ?? save.error.code})` : save.error?.message;
  return (
    <Modal open title={`${revising ? t('kpis.revise') : t('kpis.assess')} · ${person} · ${month}`} okText={t('actions.submit')} cancelText={t('actions.cancel')}
      confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose}>
      {refusal && <Alert type="error" showIcon message={t('actions.refused')} description={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="rating" label={t('kpis.rating')} rules={[{ required: true, message: t('actions.required', { field: t('kpis.rating') }) }]}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="comment" label={t('kpis.comment')} rules={[{ required: true, message: t('actions.required', { field: t('kpis.comment') }) }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        {revising && (
          <Form.Item name="reason" label={t('kpis.reason')} rules={[{ required: true, message: t('actions.required', { field: t('kpis.reason') }) }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
