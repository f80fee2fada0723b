import { Form, Input, InputNumber, Switch } from 'antd';
import type { DictionaryItem, DictionaryItemInput } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useSaveDictionaryItem } from './dictionary-api';

type Values = Required<DictionaryItemInput>;

/** 新建字典项 / 编辑字典项 of one type: value (stored), label (shown), sort order, enabled. */
export function DictionaryItemFormModal(props: { open: boolean; onClose: () => void; type: string; editing: DictionaryItem | null }) {
  const { open, onClose, type, editing } = props;
  const t = useT();
  const save = useSaveDictionaryItem();
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="dictionaryItem"
      title={t(editing ? 'dictionary.editItem' : 'dictionary.createItem')}
      initialValues={editing ?? { value: '', label: '', sort: 0, enabled: true }}
      onSubmit={(v) =>
        save.mutateAsync({
          type,
          id: editing?.id,
          input: { value: v.value.trim(), label: v.label.trim(), sort: v.sort ?? 0, enabled: v.enabled },
        })
      }
    >
      <Form.Item name="value" label={t('dictionary.value')} rules={required}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="label" label={t('dictionary.label')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="sort" label={t('common.sort')}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="enabled" label={t('common.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
