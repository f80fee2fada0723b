import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Trunk, TrunkRegistrationState } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { TrunkFormModal } from '../telephony/TrunkFormModal';
import { useDeleteTrunk, useTrunks } from '../telephony/telephony-api';

const STATE_COLORS: Record<TrunkRegistrationState, string> = {
  idle: 'default', registering: 'processing', registered: 'success', failed: 'error', closed: 'default',
};

const tags = (values: string[]) => (values.length ? values.map((v) => <Tag key={v}>{v}</Tag>) : '—');

/** 中继管理: carriers and gateways, trusted by address or registered to. */
export function TrunksPage() {
  const t = useT();
  const trunks = useTrunks();
  const remove = useDeleteTrunk();
  const confirm = useConfirm();
  const editor = useEditor<Trunk>();

  const columns: TableColumnsType<Trunk> = [
    { title: t('trunks.name'), dataIndex: 'name' },
    { title: t('trunks.kind'), dataIndex: 'kind', render: (kind: Trunk['kind']) => t(`trunks.kind.${kind}`) },
    {
      title: t('trunks.peer'),
      key: 'peer',
      render: (_, trunk) => (trunk.kind === 'register' ? `${trunk.username}@${trunk.registrar}` : tags(trunk.addresses)),
    },
    { title: t('trunks.inboundNumbers'), dataIndex: 'inboundNumbers', render: tags },
    {
      title: t('trunks.status'),
      key: 'status',
      render: (_, trunk) =>
        !trunk.enabled ? <Tag>{t('phones.disabled')}</Tag>
          : trunk.kind === 'peer' ? <Tag color="blue">{t('trunks.trusted')}</Tag>
          : trunk.status ? <Tag color={STATE_COLORS[trunk.status]}>{t(`trunks.state.${trunk.status}`)}</Tag>
          : '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, trunk) => (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(trunk)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('trunks.deleteConfirm', { name: trunk.name }), () => remove.mutateAsync(trunk.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.trunks')} extra={<Button type="primary" onClick={() => editor.show(null)}>{t('trunks.create')}</Button>}>
      <Table<Trunk> rowKey="id" columns={columns} dataSource={trunks.data} loading={trunks.isPending} pagination={false} />
      <TrunkFormModal open={editor.open} onClose={editor.hide} editing={editor.value} />
    </Card>
  );
}
