import { DatePicker, Form, Input, Select } from 'antd';
import { SearchButtons } from '../forms/SearchButtons';
import type { Dayjs } from 'dayjs';
import { CALL_OUTCOMES, type CallOutcome } from '@rexian/contracts';
import { useT } from '../i18n/use-t';
import type { CallSearch } from './calls-api';
import { useQueues } from './queues-api';

interface Values {
  number?: string;
  outcome?: CallOutcome;
  queueId?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export type CallFilter = Omit<CallSearch, 'page' | 'pageSize'>;

function toFilter({ number, outcome, queueId, range }: Values): CallFilter {
  return {
    number: number?.trim() || undefined,
    outcome,
    queueId,
    // ISO 8601 with the browser's offset: the server compares instants.
    from: range?.[0]?.format() ?? undefined,
    to: range?.[1]?.format() ?? undefined,
  };
}

/** 通话记录's search bar: number, outcome, queue and time range. */
export function CallFilterForm({ onSearch }: { onSearch: (filter: CallFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  // The queue list is open to whoever may search call records (calls.view).
  const queues = useQueues(true);
  return (
    <Form<Values> form={form} name="callFilter" layout="inline" onFinish={(v) => onSearch(toFilter(v))} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="number" label={t('calls.number')}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('calls.outcome')}>
        <Select allowClear style={{ width: 120 }} options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`calls.outcome.${o}`) }))} />
      </Form.Item>
      <Form.Item name="queueId" label={t('calls.queue')}>
        <Select allowClear style={{ width: 140 }} options={queues.data?.map((q) => ({ value: q.id, label: q.name }))} />
      </Form.Item>
      <Form.Item name="range" label={t('calls.time')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <SearchButtons form={form} onReset={() => onSearch({})} />
    </Form>
  );
}
