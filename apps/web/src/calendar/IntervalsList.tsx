import { Button, Form, Space, TimePicker } from 'antd';
import { useT } from '../i18n/use-t';

/**
 * The start–end intervals of one day, under form list `name`: each row two HH:mm pickers and a
 * remove button; 添加时段 adds one (at most six).
 */
export function IntervalsList({ name }: { name: (string | number)[] }) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space wrap>
          {fields.map((field) => (
            <Space.Compact key={field.key}>
              <Form.Item name={[field.name, 'start']} noStyle rules={[{ required: true, message: t('form.required') }]}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder={t('calendar.start')} aria-label={t('calendar.start')} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'end']}
                noStyle
                dependencies={[[...name, field.name, 'start']]}
                rules={[
                  { required: true, message: t('form.required') },
                  ({ getFieldValue }) => ({
                    validator: (_, end: { isAfter: (d: unknown) => boolean } | null) => {
                      const start: unknown = getFieldValue([...name, field.name, 'start']);
                      return !end || !start || end.isAfter(start) ? Promise.resolve() : Promise.reject(new Error(t('calendar.endAfterStart')));
                    },
                  }),
                ]}
              >
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder={t('calendar.end')} aria-label={t('calendar.end')} />
              </Form.Item>
              <Button onClick={() => remove(field.name)} aria-label={t('calendar.removeInterval')}>
                ×
              </Button>
            </Space.Compact>
          ))}
          {fields.length < 6 && (
            <Button type="dashed" onClick={() => add({})}>
              {t('calendar.addInterval')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
