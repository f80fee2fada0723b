import { Form, Input, Radio } from 'antd';
import { DATA_SCOPES, type Right, type Role } from '@rexian/contracts';
import { blankToNull } from '../forms/blank-to-null';
import { FormModal } from '../forms/FormModal';
import { IpRangesSelect } from '../forms/IpRangesSelect';
import { useT } from '../i18n/use-t';
import { useSaveRole } from './roles-api';
import { RightsChecklist } from './RightsChecklist';

interface Values {
  name: string;
  description?: string | null;
  dataScope: Role['dataScope'];
  allowedIps: string[];
  rights: Right[];
}

/** 新建角色 / 编辑角色: its rights, the data it reaches (本人/本部门/全部) and where it may sign in from. */
export function RoleFormModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: Role | null }) {
  const t = useT();
  const save = useSaveRole();
  const initialValues: Values = editing ?? { name: '', dataScope: 'own', allowedIps: [], rights: [] };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="role"
      width={760}
      title={t(editing ? 'roles.edit' : 'roles.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: { ...v, name: v.name.trim(), description: blankToNull(v.description) },
        })
      }
    >
      <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="dataScope" label={t('roles.dataScope')}>
        <Radio.Group options={DATA_SCOPES.map((scope) => ({ value: scope, label: t(`roles.dataScope.${scope}`) }))} />
      </Form.Item>
      <Form.Item name="allowedIps" label={t('ip.allowed')} extra={t('ip.hint')}>
        <IpRangesSelect />
      </Form.Item>
      <Form.Item name="rights" label={t('roles.rights')}>
        <RightsChecklist />
      </Form.Item>
    </FormModal>
  );
}
