import { Button, Table, Tag, type TableColumnsType } from 'antd';
import type { SpecialDay } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useT } from '../i18n/use-t';
import { useDeleteSpecialDay } from './calendar-api';

/** 特殊日期: holidays and make-up working days, by date. */
export function SpecialDaysTable({ days }: { days: readonly SpecialDay[] }) {
  const t = useT();
  const remove = useDeleteSpecialDay();
  const confirm = useConfirm();
  const columns: TableColumnsType<SpecialDay> = [
    { title: t('calendar.date'), dataIndex: 'date' },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      render: (kind: SpecialDay['kind']) => <Tag color={kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${kind}`)}</Tag>,
    },
    { title: t('calendar.dayName'), dataIndex: 'name' },
    {
      title: t('calendar.hours'),
      key: 'hours',
      render: (_, day) =>
        day.kind === 'holiday'
          ? t('calendar.closed')
          : day.intervals.length
            ? day.intervals.map((i) => `${i.start}–${i.end}`).join(', ')
            : t('calendar.mondayHours'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, day) => (
        <Button type="link" danger onClick={() => confirm(t('calendar.deleteDayConfirm', { date: day.date }), () => remove.mutateAsync(day.date))}>
          {t('common.delete')}
        </Button>
      ),
    },
  ];
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  return <Table<SpecialDay> rowKey="date" size="small" columns={columns} dataSource={sorted} pagination={{ pageSize: 10, hideOnSinglePage: true }} />;
}
