import { ColorPicker, Form, Input, TimePicker, type ColorPickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Shift } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { clockToDayjs, dayjsToClock } from '../time/clock-time';
import { useSaveShift } from './shifts-api';

type Color = Parameters<NonNullable<ColorPickerProps['onChange']>>[0];

interface Values {
  name: string;
  start: Dayjs;
  end: Dayjs;
  color: string | null;
}

/** 新建班次 / 编辑班次: an end before the start makes an overnight shift (跨天). */
export function ShiftFormModal({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: Shift | null }) {
  const t = useT();
  const save = useSaveShift();
  const required = { required: true, message: t('form.required') };
  const initialValues: Partial<Values> = editing
    ? { name: editing.name, start: clockToDayjs(editing.start), end: clockToDayjs(editing.end), color: editing.color }
    : { color: null };
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="shift"
      title={t(editing ? 'shifts.edit' : 'shifts.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: { name: v.name.trim(), start: dayjsToClock(v.start), end: dayjsToClock(v.end), color: v.color },
        })
      }
    >
      <Form.Item name="name" label={t('shifts.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="start" label={t('shifts.start')} rules={[required]}>
        <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
      </Form.Item>
      <Form.Item name="end" label={t('shifts.end')} rules={[required]} extra={t('shifts.overnightHint')}>
        <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
      </Form.Item>
      <Form.Item
        name="color"
        label={t('shifts.color')}
        // #RRGGBB: the contract has no alpha, so a translucent pick keeps only its colour.
        getValueFromEvent={(color: Color) => (color.cleared ? null : color.toHexString().slice(0, 7))}
      >
        <ColorPicker allowClear format="hex" showText />
      </Form.Item>
    </FormModal>
  );
}
