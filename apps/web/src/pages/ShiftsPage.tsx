import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Shift } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';
import { ShiftFormModal } from '../shifts/ShiftFormModal';
import { useDeleteShift, useShifts } from '../shifts/shifts-api';

/** 班次: the shifts agents are scheduled on. */
export function ShiftsPage() {
  const t = useT();
  const shifts = useShifts();
  const remove = useDeleteShift();
  const confirm = useConfirm();
  const editor = useEditor<Shift>();

  const columns: TableColumnsType<Shift> = [
    {
      title: t('shifts.name'),
      dataIndex: 'name',
      render: (name: string, shift) => (
        <Space>
          <span
            aria-hidden
            style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: shift.color ?? 'transparent', border: '1px solid #d9d9d9' }}
          />
          {name}
        </Space>
      ),
    },
    {
      title: t('shifts.hours'),
      key: 'hours',
      render: (_, shift) => (
        <Space>
          {`${shift.start}–${shift.end}`}
          {shift.overnight && <Tag color="purple">{t('shifts.overnight')}</Tag>}
        </Space>
      ),
    },
    { title: t('shifts.color'), dataIndex: 'color', render: (c: string | null) => c ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, shift) => (
        <Space size={0}>
          <Button type="link" onClick={() => editor.show(shift)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('shifts.deleteConfirm', { name: shift.name }), () => remove.mutateAsync(shift.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('menu.shifts')} extra={<Button type="primary" onClick={() => editor.show(null)}>{t('shifts.create')}</Button>}>
      <Table<Shift> rowKey="id" columns={columns} dataSource={shifts.data} loading={shifts.isPending} pagination={false} />
      <ShiftFormModal open={editor.open} onClose={editor.hide} editing={editor.value} />
    </Card>
  );
}
