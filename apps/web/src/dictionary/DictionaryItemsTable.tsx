import { Button, Space, Switch, Table, type TableColumnsType } from 'antd';
import type { DictionaryItem } from '@rexian/contracts';
import { useErrorReporter } from '../api/use-error-reporter';
import { useConfirm } from '../forms/use-confirm';
import { useT } from '../i18n/use-t';
import { useDeleteDictionaryItem, useDictionaryItems, useSaveDictionaryItem } from './dictionary-api';

/** The items of one dictionary type, in sort order, with an enabled switch per item. */
export function DictionaryItemsTable({ type, onEdit }: { type: string; onEdit: (item: DictionaryItem) => void }) {
  const t = useT();
  const items = useDictionaryItems(type);
  const save = useSaveDictionaryItem();
  const remove = useDeleteDictionaryItem();
  const confirm = useConfirm();
  const report = useErrorReporter();

  const setEnabled = (item: DictionaryItem, enabled: boolean) =>
    save
      .mutateAsync({ type, id: item.id, input: { value: item.value, label: item.label, sort: item.sort, enabled } })
      .catch((e: unknown) => report(e));

  const columns: TableColumnsType<DictionaryItem> = [
    { title: t('dictionary.value'), dataIndex: 'value' },
    { title: t('dictionary.label'), dataIndex: 'label' },
    { title: t('common.sort'), dataIndex: 'sort', width: 80 },
    {
      title: t('common.enabled'),
      dataIndex: 'enabled',
      width: 90,
      render: (enabled: boolean, item) => (
        <Switch checked={enabled} aria-label={t('common.enabled')} onChange={(checked) => void setEnabled(item, checked)} />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) => (
        <Space size={0}>
          <Button type="link" onClick={() => onEdit(item)}>{t('common.edit')}</Button>
          <Button type="link" danger onClick={() => confirm(t('dictionary.deleteItemConfirm', { label: item.label }), () => remove.mutateAsync(item.id))}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];
  const sorted = [...(items.data ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id);
  return <Table<DictionaryItem> rowKey="id" size="small" columns={columns} dataSource={sorted} loading={items.isPending} pagination={false} />;
}
