import { Alert, Button, Card, DatePicker, Form, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { useErrorReporter } from '../api/use-error-reporter';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { useCalendarCheck } from './calendar-api';

interface Values {
  at: Dayjs;
  addMinutes?: number | null;
}

/** 工作时间检查: is a moment within business hours, and when are N business minutes after it up. */
export function CalendarCheckCard() {
  const t = useT();
  const check = useCalendarCheck();
  const report = useErrorReporter();
  const result = check.data;
  return (
    <Card title={t('calendar.check')} size="small">
      <Form<Values>
        name="calendarCheck"
        layout="inline"
        onFinish={(v) =>
          check.mutate({ at: v.at.format(), addMinutes: v.addMinutes ?? undefined }, { onError: (e) => report(e) })
        }
      >
        <Form.Item name="at" label={t('calendar.moment')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} />
        </Form.Item>
        <Form.Item name="addMinutes" label={t('calendar.addMinutes')}>
          <InputNumber min={0} max={525600} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={check.isPending}>
          {t('calendar.checkButton')}
        </Button>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type={result.inBusinessHours ? 'success' : 'info'}
          data-testid="calendar-check-result"
          title={t(result.inBusinessHours ? 'calendar.inHours' : 'calendar.outOfHours', { at: formatTime(result.at) })}
          description={result.due ? t('calendar.due', { due: formatTime(result.due) }) : undefined}
        />
      )}
    </Card>
  );
}
