import { Col, Form, Input, Radio, Row, Select, TreeSelect } from 'antd';
import type { Group, Role, User, UserCreate } from '@rexian/contracts';
import { departmentOptions, type DepartmentNode } from '../departments/department-tree';
import { blankToNull } from '../forms/blank-to-null';
import { FormModal } from '../forms/FormModal';
import { IpRangesSelect } from '../forms/IpRangesSelect';
import { useT } from '../i18n/use-t';
import { useSaveUser } from './users-api';

interface Values {
  account: string;
  name: string;
  departmentId?: number | null;
  extension?: string | null;
  email?: string | null;
  mobile?: string | null;
  status: User['status'];
  roleIds: number[];
  groupIds: number[];
  allowedIps: string[];
  password?: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** The user being edited, or null for a new one. */
  editing: User | null;
  departments: DepartmentNode[];
  roles: Role[];
  groups: Group[];
}

function toInput(v: Values): UserCreate {
  return {
    account: v.account.trim(),
    name: v.name.trim(),
    departmentId: v.departmentId ?? null,
    extension: blankToNull(v.extension),
    email: blankToNull(v.email),
    mobile: blankToNull(v.mobile),
    status: v.status,
    roleIds: v.roleIds,
    groupIds: v.groupIds,
    allowedIps: v.allowedIps,
    password: v.password ?? '',
  };
}

/** 新建用户 / 编辑用户: the account, where it belongs, its roles and groups; a password on creation. */
export function UserFormModal({ open, onClose, editing, departments, roles, groups }: Props) {
  const t = useT();
  const save = useSaveUser();
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  const initialValues: Values = editing
    ? { ...editing }
    : { account: '', name: '', status: 'active', roleIds: [], groupIds: [], allowedIps: [] };

  async function submit(values: Values) {
    const { password, ...input } = toInput(values);
    await save.mutateAsync(editing ? { id: editing.id, input } : { input: { ...input, password } });
  }

  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="user"
      width={720}
      title={t(editing ? 'users.edit' : 'users.create')}
      initialValues={initialValues}
      onSubmit={submit}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="account" label={t('users.account')} rules={required}>
            <Input maxLength={50} autoComplete="off" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('users.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {!editing && (
          <Col xs={24} sm={12}>
            <Form.Item name="password" label={t('users.initialPassword')} extra={t('password.rule')} rules={required}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="departmentId" label={t('users.department')}>
            <TreeSelect treeData={departmentOptions(departments)} allowClear treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="extension" label={t('users.extension')}>
            <Input maxLength={8} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="mobile" label={t('users.mobile')}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('users.email')}>
            <Input type="email" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="status" label={t('users.status')}>
            <Radio.Group
              options={[
                { value: 'active', label: t('users.status.active') },
                { value: 'disabled', label: t('users.status.disabled') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="roleIds" label={t('users.roles')}>
        <Select mode="multiple" optionFilterProp="label" options={roles.map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      <Form.Item name="groupIds" label={t('users.groups')}>
        <Select mode="multiple" optionFilterProp="label" options={groups.map((g) => ({ value: g.id, label: g.name }))} />
      </Form.Item>
      <Form.Item name="allowedIps" label={t('ip.allowed')} extra={t('ip.hint')}>
        <IpRangesSelect />
      </Form.Item>
    </FormModal>
  );
}
