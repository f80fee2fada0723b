import { useState } from 'react';
import { Button, Form, Input, Segmented, Table, type TableColumnsType } from 'antd';
import { CALLER_LISTS, type CallerListEntry, type CallerListKind } from '@rexian/contracts';
import { useErrorReporter } from '../api/use-error-reporter';
import { useConfirm } from '../forms/use-confirm';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { useAddCallerListEntry, useCallerList, useDeleteCallerListEntry } from './routing-api';

/** 名单: VIP and priority callers jump the queue; blacklisted callers are refused. */
export function CallerListsTab() {
  const t = useT();
  const [list, setList] = useState<CallerListKind>('vip');
  const entries = useCallerList(list);
  const add = useAddCallerListEntry();
  const remove = useDeleteCallerListEntry();
  const confirm = useConfirm();
  const report = useErrorReporter();
  const [form] = Form.useForm<{ number: string; note?: string }>();

  const columns: TableColumnsType<CallerListEntry> = [
    { title: t('lists.number'), dataIndex: 'number' },
    { title: t('lists.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, e) => (
        <Button type="link" danger onClick={() => confirm(t('lists.deleteConfirm', { number: e.number, list: t(`lists.${e.list}`) }), () => remove.mutateAsync(e.id))}>
          {t('lists.remove')}
        </Button>
      ),
    },
  ];

  async function submit(values: { number: string; note?: string }) {
    try {
      await add.mutateAsync({ input: { number: values.number.trim(), list, note: values.note?.trim() || null } });
      form.resetFields();
    } catch (error) {
      report(error, form);
    }
  }

  return (
    <>
      <Segmented<CallerListKind>
        value={list}
        onChange={setList}
        options={CALLER_LISTS.map((l) => ({ value: l, label: t(`lists.${l}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} name="callerList" layout="inline" onFinish={(v) => void submit(v)} style={{ marginBottom: 16, rowGap: 12 }}>
        <Form.Item name="number" label={t('lists.number')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input maxLength={21} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="note" label={t('lists.note')}>
          <Input maxLength={200} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('lists.add', { list: t(`lists.${list}`) })}</Button>
      </Form>
      <Table<CallerListEntry> rowKey="id" size="small" columns={columns} dataSource={entries.data} loading={entries.isPending} pagination={false} />
    </>
  );
}
