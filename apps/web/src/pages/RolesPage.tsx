import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Role } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { RoleFormModal } from '../roles/RoleFormModal';
import { useDeleteRole, useRoles } from '../roles/roles-api';

/** 角色与权限: roles, the rights they grant and the data they reach. */
export function RolesPage() {
  const t = useT();
  const roles = useRoles();
  const remove = useDeleteRole();
  const confirm = useConfirm();
  const editor = useEditor<Role>();

  const columns: TableColumnsType<Role> = [
    { title: t('roles.name'), dataIndex: 'name' },
    { title: t('common.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    { title: t('roles.dataScope'), dataIndex: 'dataScope', render: (scope: Role['dataScope']) => <Tag>{t(`roles.dataScope.${scope}`)}</Tag> },
    { title: t('roles.rightCount'), dataIndex: 'rights', render: (rights: string[]) => rights.length },
    { title: t('ip.allowed'), dataIndex: 'allowedIps', render: (ips: string[]) => (ips.length ? ips.join(', ') : t('ip.any')) },
    { title: t('roles.userCount'), dataIndex: 'userCount' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) => (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(role)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('roles.deleteConfirm', { name: role.name }), () => remove.mutateAsync(role.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.roles')} extra={<Button type="primary" onClick={() => editor.show(null)}>{t('roles.create')}</Button>}>
      <Table<Role> rowKey="id" columns={columns} dataSource={roles.data} loading={roles.isPending} pagination={false} />
      <RoleFormModal open={editor.open} onClose={editor.hide} editing={editor.value} />
    </Card>
  );
}
