import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { SPECIAL_DAY_KINDS, type SpecialDay } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useSaveSpecialDay } from './calendar-api';
import { fromIntervalValues, type IntervalValue } from './interval-values';
import { IntervalsList } from './IntervalsList';

interface Values {
  date: Dayjs;
  kind: SpecialDay['kind'];
  name: string;
  intervals?: IntervalValue[];
}

/** 添加特殊日期: a holiday 节假日 (closed) or a make-up working day 调休上班 with its hours. */
export function SpecialDayFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const save = useSaveSpecialDay();
  const required = { required: true, message: t('form.required') };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="specialDay"
      width={600}
      title={t('calendar.addSpecialDay')}
      initialValues={{ kind: 'holiday', intervals: [] }}
      onSubmit={(v) =>
        save.mutateAsync({
          date: v.date.format('YYYY-MM-DD'),
          kind: v.kind,
          name: v.name.trim(),
          intervals: v.kind === 'workday' ? fromIntervalValues(v.intervals) : [],
        })
      }
    >
      <Form.Item name="date" label={t('calendar.date')} rules={[required]}>
        <DatePicker autoFocus needConfirm={false} />
      </Form.Item>
      <Form.Item name="kind" label={t('calendar.kind')}>
        <Radio.Group options={SPECIAL_DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('calendar.dayName')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} placeholder={t('calendar.dayNamePlaceholder')} />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'workday' && (
            <Form.Item label={t('calendar.workdayHours')} extra={t('calendar.workdayHoursHint')}>
              <IntervalsList name={['intervals']} />
            </Form.Item>
          )
        }
      </Form.Item>
    </FormModal>
  );
}
