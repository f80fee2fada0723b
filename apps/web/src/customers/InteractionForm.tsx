import { App, Button, Form, Input, List, Select, Space } from 'antd';
import { INTERACTION_KINDS, type InteractionKind } from '@rexian/contracts';
import { useErrorReporter } from '../api/use-error-reporter';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { InteractionKindTag } from './InteractionKindTag';
import { useCreateInteraction, useCustomerLookup, useInteractions } from './customers-api';

interface Values {
  kind: InteractionKind;
  summary: string;
  content?: string;
}

/** 服务记录 for the call on screen: what the caller wanted, saved with the call and the customer. */
export function InteractionForm({ callId, callerNumber }: { callId: string; callerNumber: string }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const create = useCreateInteraction();
  const customer = useCustomerLookup(callerNumber || null).data?.customer ?? null;
  const saved = useInteractions(callId);
  return (
    <div data-testid="interaction-form" style={{ marginTop: 16 }}>
      <Form<Values>
        form={form}
        name="interaction"
        layout="inline"
        initialValues={{ kind: 'consultation' }}
        style={{ rowGap: 8 }}
        onFinish={async (v) => {
          try {
            await create.mutateAsync({ callId, customerId: customer?.id ?? null, kind: v.kind, summary: v.summary.trim(), content: v.content?.trim() || null });
            form.resetFields(['summary', 'content']);
            void message.success(t('interaction.saved'));
          } catch (error) {
            report(error, form);
          }
        }}
      >
        <Form.Item name="kind" label={t('interaction.kind')}>
          <Select style={{ width: 120 }} options={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interaction.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('interaction.summary')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input maxLength={200} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="content" label={t('interaction.content')}>
          <Input maxLength={4000} style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>{t('interaction.save')}</Button>
      </Form>
      {(saved.data?.length ?? 0) > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={saved.data}
          renderItem={(i) => (
            <List.Item>
              <Space><InteractionKindTag kind={i.kind} />{i.summary}<span style={{ color: '#888' }}>{formatTime(i.createdAt)}</span></Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
