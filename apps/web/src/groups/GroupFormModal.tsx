import { Form, Input, Select } from 'antd';
import type { Group, Role, User } from '@rexian/contracts';
import { blankToNull } from '../forms/blank-to-null';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useSaveGroup } from './groups-api';

interface Values {
  name: string;
  description?: string | null;
  userIds: number[];
  roleIds: number[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  editing: Group | null;
  users: User[];
  roles: Role[];
}

/** 新建用户组 / 编辑用户组: members receive the group's roles. */
export function GroupFormModal({ open, onClose, editing, users, roles }: Props) {
  const t = useT();
  const save = useSaveGroup();
  const initialValues: Values = editing ?? { name: '', userIds: [], roleIds: [] };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="group"
      width={600}
      title={t(editing ? 'groups.edit' : 'groups.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: { name: v.name.trim(), description: blankToNull(v.description), userIds: v.userIds, roleIds: v.roleIds },
        })
      }
    >
      <Form.Item name="name" label={t('groups.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="userIds" label={t('groups.members')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={users.map((u) => ({ value: u.id, label: `${u.name}（${u.account}）` }))}
        />
      </Form.Item>
      <Form.Item name="roleIds" label={t('groups.roles')}>
        <Select mode="multiple" optionFilterProp="label" options={roles.map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
    </FormModal>
  );
}
