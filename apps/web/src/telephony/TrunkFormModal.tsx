import { Form, Input, Radio, Select, Switch } from 'antd';
import type { Trunk } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { IpRangesSelect } from '../forms/IpRangesSelect';
import { useT } from '../i18n/use-t';
import { useSaveTrunk } from './telephony-api';

interface Values {
  name: string;
  kind: Trunk['kind'];
  enabled: boolean;
  addresses: string[];
  registrar?: string;
  username?: string;
  password?: string;
  inboundNumbers: string[];
}

/**
 * 新建中继 / 编辑中继: a peer is trusted by its addresses; a registering trunk needs the carrier's
 * registrar, a user name and a password (kept unless a new one is typed).
 */
export function TrunkFormModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: Trunk | null }) {
  const t = useT();
  const save = useSaveTrunk();
  const required = { required: true, message: t('form.required') };
  const initialValues: Partial<Values> = editing
    ? {
        name: editing.name, kind: editing.kind, enabled: editing.enabled, addresses: editing.addresses,
        registrar: editing.registrar ?? undefined, username: editing.username ?? undefined, inboundNumbers: editing.inboundNumbers,
      }
    : { kind: 'peer', enabled: true, addresses: [], inboundNumbers: [] };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="trunk"
      width={600}
      title={t(editing ? 'trunks.edit' : 'trunks.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: {
            name: v.name.trim(), kind: v.kind, enabled: v.enabled, addresses: v.addresses ?? [], inboundNumbers: v.inboundNumbers ?? [],
            registrar: v.kind === 'register' ? v.registrar?.trim() || null : null,
            username: v.kind === 'register' ? v.username?.trim() || null : null,
            ...(v.password ? { password: v.password } : {}),
          },
        })
      }
    >
      <Form.Item name="name" label={t('trunks.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="kind" label={t('trunks.kind')}>
        <Radio.Group
          optionType="button"
          options={[{ value: 'peer', label: t('trunks.kind.peer') }, { value: 'register', label: t('trunks.kind.register') }]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'register' ? (
            <>
              <Form.Item name="registrar" label={t('trunks.registrar')} rules={[required]} extra={t('trunks.registrarHint')}>
                <Input maxLength={200} placeholder="sip.carrier.example:5060" />
              </Form.Item>
              <Form.Item name="username" label={t('trunks.username')} rules={[required]}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('trunks.password')}
                rules={editing?.hasPassword ? [] : [required]}
                extra={editing?.hasPassword ? t('trunks.passwordKeep') : undefined}
              >
                <Input.Password maxLength={100} autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="addresses" label={t('trunks.addressesOptional')} extra={t('trunks.addressesHint')}>
                <IpRangesSelect />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="addresses" label={t('trunks.addresses')} rules={[{ ...required, type: 'array', min: 1 }]} extra={t('trunks.addressesHint')}>
              <IpRangesSelect />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="inboundNumbers" label={t('trunks.inboundNumbers')} extra={t('trunks.inboundNumbersHint')}>
        <Select mode="tags" tokenSeparators={[',', ' ', '，']} notFoundContent={null} />
      </Form.Item>
      <Form.Item name="enabled" label={t('common.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
