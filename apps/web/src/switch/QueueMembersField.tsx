import { Button, Form, InputNumber, Select, Space } from 'antd';
import type { QueueConfig } from '@rexian/contracts';
import { useRight } from '../auth/use-right';
import { useT } from '../i18n/use-t';
import { useUserChoices } from '../users/users-api';

/**
 * The queue's members: users who have an extension (only they can take calls), each with a
 * penalty 0–9 (a higher one is offered calls only when lower ones are busy).
 */
export function QueueMembersField({ current }: { current: QueueConfig['members'] }) {
  const t = useT();
  const users = useUserChoices(useRight('users.view'));
  const choices = new Map<number, string>();
  for (const m of current) choices.set(m.userId, `${m.name}（${m.extension ?? '—'}）`);
  for (const u of users.data?.items ?? []) {
    if (u.extension && u.status === 'active') choices.set(u.id, `${u.name}（${u.extension}）`);
  }
  const options = [...choices].map(([value, label]) => ({ value, label }));
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'userId']} rules={[{ required: true, message: t('queues.memberRequired') }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 240 }}
                  placeholder={t('queues.member')}
                  options={options}
                  aria-label={t('queues.member')}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'penalty']}>
                <InputNumber min={0} max={9} precision={0} prefix={t('queues.penalty')} aria-label={t('queues.penalty')} style={{ width: 130 }} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(field.name)}>{t('common.delete')}</Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ penalty: 0 })}>{t('queues.addMember')}</Button>
        </>
      )}
    </Form.List>
  );
}
