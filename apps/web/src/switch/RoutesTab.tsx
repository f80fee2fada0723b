import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { HotlineRoute } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { RouteFormModal } from './RouteFormModal';
import { useDeleteRoute, useRoutes } from './routing-api';

/** 号码路由: each hotline number and the IVR flow or queue its calls go to. */
export function RoutesTab() {
  const t = useT();
  const routes = useRoutes();
  const remove = useDeleteRoute();
  const confirm = useConfirm();
  const editor = useEditor<HotlineRoute>();

  const columns: TableColumnsType<HotlineRoute> = [
    { title: t('routes.number'), dataIndex: 'number' },
    {
      title: t('routes.target'),
      key: 'target',
      render: (_, r) =>
        r.flowId !== null
          ? <span><Tag color="blue">{t('routes.toFlow')}</Tag>{r.flowName}</span>
          : <span><Tag color="green">{t('routes.toQueue')}</Tag>{r.queueName}</span>,
    },
    { title: t('common.description'), dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(r)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('routes.deleteConfirm', { number: r.number }), () => remove.mutateAsync(r.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Button type="primary" onClick={() => editor.show(null)} style={{ marginBottom: 16 }}>{t('routes.create')}</Button>
      <Table<HotlineRoute> rowKey="id" columns={columns} dataSource={routes.data} loading={routes.isPending} pagination={false} />
      <RouteFormModal open={editor.open} onClose={editor.hide} editing={editor.value} />
    </>
  );
}
