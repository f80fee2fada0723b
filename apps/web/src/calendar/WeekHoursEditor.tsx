import { useState } from 'react';
import { App, Button, Form } from 'antd';
import type { WorkHours } from '@rexian/contracts';
import { useErrorReporter } from '../api/use-error-reporter';
import { useT } from '../i18n/use-t';
import { useSaveWeek } from './calendar-api';
import { fromIntervalValues, toIntervalValues, type IntervalValue } from './interval-values';
import { IntervalsList } from './IntervalsList';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Values {
  week: { weekday: number; intervals: IntervalValue[] }[];
}

function toValues(week: readonly WorkHours[]): Values {
  return {
    week: WEEKDAYS.map((weekday) => ({
      weekday,
      intervals: toIntervalValues(week.find((w) => w.weekday === weekday)?.intervals ?? []),
    })),
  };
}

/** 每周工作时间: for each weekday 周一…周日 the intervals the centre works; a day without any is closed. */
export function WeekHoursEditor({ week }: { week: readonly WorkHours[] }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveWeek();
  const report = useErrorReporter();
  const [initialValues] = useState(() => toValues(week));

  async function submit(values: Values) {
    const next: WorkHours[] = values.week.map((day, i) => ({
      weekday: WEEKDAYS[i] ?? day.weekday,
      intervals: fromIntervalValues(day.intervals),
    }));
    try {
      await save.mutateAsync(next);
      void message.success(t('common.saved'));
    } catch (error) {
      report(error, form);
    }
  }

  return (
    <Form<Values> form={form} name="week" initialValues={initialValues} onFinish={(v) => void submit(v)} labelCol={{ flex: '80px' }}>
      {WEEKDAYS.map((weekday, i) => (
        <Form.Item key={weekday} label={t(`weekday.${weekday}`)} data-weekday={weekday}>
          <IntervalsList name={['week', i, 'intervals']} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('calendar.saveWeek')}
      </Button>
    </Form>
  );
}
