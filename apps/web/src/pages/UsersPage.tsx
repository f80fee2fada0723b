import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, TreeSelect, type TableColumnsType } from 'antd';
import type { User } from '@rexian/contracts';
import { useRight } from '../auth/use-right';
import { buildDepartmentTree, departmentOptions } from '../departments/department-tree';
import { useDepartments } from '../departments/departments-api';
import { useEditor } from '../forms/use-editor';
import { useConfirm } from '../forms/use-confirm';
import { useGroups } from '../groups/groups-api';
import { useT } from '../i18n/use-t';
import { useRoles } from '../roles/roles-api';
import { formatTime } from '../time/format-time';
import { ResetPasswordModal } from '../users/ResetPasswordModal';
import { UserFormModal } from '../users/UserFormModal';
import { useUnlockUser, useUsers, type UserFilter } from '../users/users-api';

/** 用户管理: search and page through users; create, edit, reset a password, unlock. */
export function UsersPage() {
  const t = useT();
  const canManage = useRight('users.manage');
  const canSeeDepartments = useRight('departments.view');
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const users = useUsers(filter);
  const departments = useDepartments(canSeeDepartments);
  const roles = useRoles();
  const groups = useGroups();
  const unlock = useUnlockUser();
  const confirm = useConfirm();
  const editor = useEditor<User>();
  const resetting = useEditor<User>();

  const tree = buildDepartmentTree(departments.data ?? []);
  const departmentName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const roleName = new Map((roles.data ?? []).map((r) => [r.id, r.name]));

  const columns: TableColumnsType<User> = [
    { title: t('users.account'), dataIndex: 'account' },
    { title: t('users.name'), dataIndex: 'name' },
    { title: t('users.department'), dataIndex: 'departmentId', render: (id: number | null) => (id ? departmentName.get(id) ?? `#${id}` : '—') },
    { title: t('users.extension'), dataIndex: 'extension', render: (v: string | null) => v ?? '—' },
    { title: t('users.roles'), dataIndex: 'roleIds', render: (ids: number[]) => ids.map((id) => <Tag key={id}>{roleName.get(id) ?? `#${id}`}</Tag>) },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`users.status.${u.status}`)}</Tag>
          {u.locked && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => formatTime(v) },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => editor.show(u)}>{t('common.edit')}</Button>
          <Button type="link" onClick={() => resetting.show(u)}>{t('users.resetPassword')}</Button>
          {u.locked && (
            <Button
              type="link"
              onClick={() => confirm(t('users.unlockConfirm', { name: u.name }), () => unlock.mutateAsync(u.id), { danger: false })}
            >
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('menu.users')}
      extra={canManage && <Button type="primary" onClick={() => editor.show(null)}>{t('users.create')}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('common.search')}
          style={{ width: 260 }}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))}
        />
        {canSeeDepartments && (
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t('users.department')}
            style={{ width: 220 }}
            treeData={departmentOptions(tree)}
            value={filter.departmentId}
            onChange={(departmentId?: number) => setFilter((f) => ({ ...f, departmentId, page: 1 }))}
          />
        )}
        <Select<User['status']>
          allowClear
          placeholder={t('users.status')}
          style={{ width: 140 }}
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status, page: 1 }))}
          options={[
            { value: 'active', label: t('users.status.active') },
            { value: 'disabled', label: t('users.status.disabled') },
          ]}
        />
      </Space>
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
      <UserFormModal
        open={editor.open}
        onClose={editor.hide}
        editing={editor.value}
        departments={tree}
        roles={roles.data ?? []}
        groups={groups.data ?? []}
      />
      <ResetPasswordModal open={resetting.open} onClose={resetting.hide} user={resetting.value} />
    </Card>
  );
}
