import { Button, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import type { Customer, CustomerInput } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useSaveCustomer } from './customers-api';

type Values = Required<Pick<CustomerInput, 'name' | 'kind' | 'phones' | 'addresses' | 'accounts' | 'tags' | 'vipLevel' | 'blacklisted'>> & { note?: string | null };

/** Rows of one repeating part (phones, addresses, accounts): two inputs and a remove button each. */
function Rows({ name, first, second, addLabel }: { name: string; first: [string, string]; second: [string, string]; addLabel: string }) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, first[0]]} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input placeholder={first[1]} aria-label={first[1]} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name={[field.name, second[0]]}>
                <Input placeholder={second[1]} aria-label={second[1]} style={{ width: 140 }} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(field.name)}>{t('common.delete')}</Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} style={{ marginBottom: 16 }}>{addLabel}</Button>
        </>
      )}
    </Form.List>
  );
}

/** 新建客户 / 编辑客户: several numbers, addresses and accounts; tags, VIP level, blacklist. */
export function CustomerFormModal({ open, onClose, editing, prefillNumber }: {
  open: boolean; onClose: () => void; editing: Customer | null; prefillNumber?: string | null;
}) {
  const t = useT();
  const save = useSaveCustomer();
  const initialValues: Partial<Values> = editing
    ? { ...editing }
    : { kind: 'person', vipLevel: 0, blacklisted: false, tags: [], addresses: [], accounts: [], phones: prefillNumber ? [{ number: prefillNumber, label: '' }] : [] };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="customer"
      width={640}
      title={t(editing ? 'customers.edit' : 'customers.create')}
      initialValues={initialValues}
      onSubmit={(v) => save.mutateAsync({ id: editing?.id, input: { ...v, note: v.note?.trim() || null } })}
    >
      <Form.Item name="name" label={t('customers.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="kind" label={t('customers.kind')}>
        <Radio.Group options={[{ value: 'person', label: t('customers.kind.person') }, { value: 'organisation', label: t('customers.kind.organisation') }]} />
      </Form.Item>
      <Form.Item label={t('customers.phones')} required>
        <Rows name="phones" first={['number', t('customers.number')]} second={['label', t('customers.phoneLabel')]} addLabel={t('customers.addPhone')} />
      </Form.Item>
      <Form.Item label={t('customers.accounts')}>
        <Rows name="accounts" first={['accountNo', t('customers.accountNo')]} second={['kind', t('customers.accountKind')]} addLabel={t('customers.addAccount')} />
      </Form.Item>
      <Form.Item label={t('customers.addresses')}>
        <Rows name="addresses" first={['address', t('customers.address')]} second={['area', t('customers.area')]} addLabel={t('customers.addAddress')} />
      </Form.Item>
      <Form.Item name="tags" label={t('customers.tags')}>
        <Select mode="tags" tokenSeparators={[',', '，']} />
      </Form.Item>
      <Space size="large">
        <Form.Item name="vipLevel" label={t('customers.vipLevel')}>
          <InputNumber min={0} max={3} />
        </Form.Item>
        <Form.Item name="blacklisted" label={t('customers.blacklisted')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('customers.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
