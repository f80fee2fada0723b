import { Badge, Button, Card, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { PhoneAccount } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { PhoneFormModal } from '../telephony/PhoneFormModal';
import { useDeletePhone, usePhones } from '../telephony/telephony-api';
import { formatTime } from '../time/format-time';

/** 分机管理: phone accounts, and whether each phone is registered right now (refreshed every few seconds). */
export function PhonesPage() {
  const t = useT();
  const phones = usePhones();
  const remove = useDeletePhone();
  const confirm = useConfirm();
  const editor = useEditor<PhoneAccount>();

  const columns: TableColumnsType<PhoneAccount> = [
    { title: t('phones.extension'), dataIndex: 'extension', width: 100 },
    { title: t('phones.name'), dataIndex: 'name' },
    { title: t('phones.user'), key: 'user', render: (_, p) => (p.user ? `${p.user.name}（${p.user.account}）` : '—') },
    {
      title: t('phones.status'),
      key: 'status',
      render: (_, p) => {
        if (!p.enabled) return <Tag>{t('phones.disabled')}</Tag>;
        if (p.registrations.length === 0) return <Badge status="default" text={t('phones.offline')} data-status="offline" />;
        return (
          <Space direction="vertical" size={0}>
            <Badge status="success" text={t('phones.online')} data-status="online" />
            {p.registrations.map((r) => (
              <Tooltip key={r.contact} title={r.contact}>
                <span style={{ fontSize: 12, color: '#888' }}>
                  {`${r.source} · ${r.transport.toUpperCase()}${r.userAgent ? ` · ${r.userAgent}` : ''} · ${t('phones.expires', { time: formatTime(r.expiresAt) })}`}
                </span>
              </Tooltip>
            ))}
          </Space>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(p)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('phones.deleteConfirm', { extension: p.extension }), () => remove.mutateAsync(p.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.phones')} extra={<Button type="primary" onClick={() => editor.show(null)}>{t('phones.create')}</Button>}>
      <Table<PhoneAccount> rowKey="id" columns={columns} dataSource={phones.data} loading={phones.isPending} pagination={false} />
      <PhoneFormModal open={editor.open} onClose={editor.hide} editing={editor.value} />
    </Card>
  );
}
