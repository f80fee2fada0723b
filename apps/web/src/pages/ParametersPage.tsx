import { Card, Table, Typography, type TableColumnsType } from 'antd';
import type { Parameter } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import { ParameterEditor } from '../parameters/ParameterEditor';
import { useParameters } from '../parameters/parameters-api';
import { formatTime } from '../time/format-time';

/** 系统参数: every parameter with its value edited in place. */
export function ParametersPage() {
  const t = useT();
  const parameters = useParameters();
  const columns: TableColumnsType<Parameter> = [
    { title: t('parameters.label'), key: 'label', render: (_, p) => t.pick({ zh: p.label, en: p.labelEn }) },
    { title: t('parameters.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    {
      title: t('parameters.value'),
      key: 'value',
      // Keyed on the saved value: a save (or another user's change, once refetched) resets the draft.
      render: (_, p) => <ParameterEditor key={`${p.key}:${String(p.value)}`} parameter={p} />,
    },
    { title: t('parameters.default'), dataIndex: 'default', render: (v: Parameter['default']) => String(v) },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: formatTime },
  ];
  return (
    <Card title={t('menu.parameters')}>
      <Table<Parameter> rowKey="key" columns={columns} dataSource={parameters.data} loading={parameters.isPending} pagination={false} />
    </Card>
  );
}
