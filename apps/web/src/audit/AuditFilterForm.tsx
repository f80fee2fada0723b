import { DatePicker, Form, Input, Select } from 'antd';
import { SearchButtons } from '../forms/SearchButtons';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditEntry, type AuditQuery } from '@rexian/contracts';
import { useT } from '../i18n/use-t';

interface Values {
  account?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditEntry['outcome'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

function toFilter({ range, ...rest }: Values): AuditFilter {
  const text = (v?: string) => v?.trim() || undefined;
  return {
    account: text(rest.account),
    action: text(rest.action),
    objectType: text(rest.objectType),
    objectId: text(rest.objectId),
    outcome: rest.outcome,
    // ISO 8601 with the browser's offset, e.g. 2025-03-01T08:00:00+08:00.
    from: range?.[0]?.format() ?? undefined,
    to: range?.[1]?.format() ?? undefined,
  };
}

/** The audit log's search form: 查询 applies it, 重置 clears it. */
export function AuditFilterForm({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values> form={form} name="auditFilter" layout="inline" onFinish={(v) => onSearch(toFilter(v))} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="account" label={t('audit.account')}>
        <Input allowClear style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          options={(Object.keys(AUDIT_ACTIONS) as AuditAction[]).map((a) => ({ value: a, label: `${t.pick(AUDIT_ACTIONS[a])} ${a}` }))}
        />
      </Form.Item>
      <Form.Item name="objectType" label={t('audit.objectType')}>
        <Input allowClear style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="objectId" label={t('audit.objectId')}>
        <Input allowClear style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          style={{ width: 110 }}
          options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.time')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <SearchButtons form={form} onReset={() => onSearch({})} />
    </Form>
  );
}
