import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Descriptions, Drawer, Input, Space, Table, type TableColumnsType } from 'antd';
import type { Customer } from '@rexian/contracts';
import { useRight } from '../auth/use-right';
import { CustomerFormModal } from '../customers/CustomerFormModal';
import { CustomerTags } from '../customers/CustomerTags';
import { CustomerTimeline } from '../customers/CustomerTimeline';
import { useCustomer, useCustomers, useDeleteCustomer, useTimeline } from '../customers/customers-api';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';

/**
 * 客户管理: search by number, name or account; a customer's record and the timeline of their calls
 * and interaction records. `?new=<number>` opens a new customer with that number (the agent desktop's
 * one click from the screen pop); `?id=<id>` opens a customer.
 */
export function CustomersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const customers = useCustomers(q, page);
  const canEdit = useRight('customers.manage');
  const editor = useEditor<Customer>();
  const confirm = useConfirm();
  const remove = useDeleteCustomer();
  const openId = params.get('id') === null ? null : Number(params.get('id'));
  const open = useCustomer(openId);
  const timeline = useTimeline(openId);
  const prefill = params.get('new');

  useEffect(() => {
    if (prefill !== null && canEdit) editor.show(null);
    // Only when the address asks for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefill]);

  const columns: TableColumnsType<Customer> = [
    { title: t('customers.name'), dataIndex: 'name', render: (name: string, c) => <Button type="link" onClick={() => setParams({ id: String(c.id) })}>{name}</Button> },
    { title: t('customers.phones'), key: 'phones', render: (_, c) => c.phones.map((p) => p.number).join('，') },
    { title: t('customers.accounts'), key: 'accounts', render: (_, c) => c.accounts.map((a) => a.accountNo).join('，') },
    { title: t('customers.tags'), key: 'tags', render: (_, c) => <CustomerTags customer={c} /> },
    { title: t('customers.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'), key: 'actions', render: (_, c) => canEdit && (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(c)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('customers.deleteConfirm', { name: c.name }), () => remove.mutateAsync(c.id))}>{t('common.delete')}</Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.customers')} extra={canEdit && <Button type="primary" onClick={() => editor.show(null)}>{t('customers.create')}</Button>}>
      <Input.Search
        allowClear
        placeholder={t('customers.searchHint')}
        aria-label={t('customers.search')}
        style={{ maxWidth: 360, marginBottom: 16 }}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
      />
      <Table<Customer>
        rowKey="id"
        columns={columns}
        dataSource={customers.data?.items}
        loading={customers.isPending}
        pagination={{ current: page, total: customers.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
      />
      <CustomerFormModal
        open={editor.open}
        onClose={() => {
          editor.hide();
          if (prefill !== null) setParams({});
        }}
        editing={editor.value}
        prefillNumber={prefill}
      />
      <Drawer open={openId !== null} onClose={() => setParams({})} width={640} title={open.data?.name ?? t('customers.record')} destroyOnHidden>
        {open.data && (
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('customers.tags')}><CustomerTags customer={open.data} /></Descriptions.Item>
            <Descriptions.Item label={t('customers.phones')}>{open.data.phones.map((p) => `${p.number}${p.label ? `（${p.label}）` : ''}`).join('，')}</Descriptions.Item>
            <Descriptions.Item label={t('customers.accounts')}>{open.data.accounts.map((a) => `${a.accountNo}${a.kind ? `（${a.kind}）` : ''}`).join('，') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('customers.addresses')}>{open.data.addresses.map((a) => a.address).join('；') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('customers.note')}>{open.data.note ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
        <CustomerTimeline entries={timeline.data ?? []} />
      </Drawer>
    </Card>
  );
}
