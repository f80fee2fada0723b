import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Group } from '@rexian/contracts';
import { GroupFormModal } from '../groups/GroupFormModal';
import { useDeleteGroup, useGroups } from '../groups/groups-api';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { useRoles } from '../roles/roles-api';
import { useUserChoices } from '../users/users-api';

/** 用户组: groups of users that share roles. */
export function GroupsPage() {
  const t = useT();
  const groups = useGroups();
  const roles = useRoles();
  const users = useUserChoices();
  const remove = useDeleteGroup();
  const confirm = useConfirm();
  const editor = useEditor<Group>();
  const roleName = new Map((roles.data ?? []).map((r) => [r.id, r.name]));

  const columns: TableColumnsType<Group> = [
    { title: t('groups.name'), dataIndex: 'name' },
    { title: t('common.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    { title: t('groups.memberCount'), dataIndex: 'userIds', render: (ids: number[]) => ids.length },
    { title: t('groups.roles'), dataIndex: 'roleIds', render: (ids: number[]) => ids.map((id) => <Tag key={id}>{roleName.get(id) ?? `#${id}`}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, g) => (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(g)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('groups.deleteConfirm', { name: g.name }), () => remove.mutateAsync(g.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.groups')} extra={<Button type="primary" onClick={() => editor.show(null)}>{t('groups.create')}</Button>}>
      <Table<Group> rowKey="id" columns={columns} dataSource={groups.data} loading={groups.isPending} pagination={false} />
      <GroupFormModal
        open={editor.open}
        onClose={editor.hide}
        editing={editor.value}
        users={users.data?.items ?? []}
        roles={roles.data ?? []}
      />
    </Card>
  );
}
