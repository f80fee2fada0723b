import { Form, Input } from 'antd';
import type { DictionaryType } from '@rexian/contracts';
import { blankToNull } from '../forms/blank-to-null';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { useSaveDictionaryType } from './dictionary-api';

interface Values {
  code: string;
  name: string;
  description?: string | null;
}

/** 新建字典类型 / 编辑字典类型: the code is fixed once created. */
export function DictionaryTypeFormModal(props: {
  open: boolean;
  onClose: () => void;
  editing: DictionaryType | null;
  onSaved: (code: string) => void;
}) {
  const { open, onClose, editing, onSaved } = props;
  const t = useT();
  const save = useSaveDictionaryType();
  async function submit(v: Values) {
    const code = editing?.code ?? v.code.trim();
    await save.mutateAsync({
      existing: editing !== null,
      input: { code, name: v.name.trim(), description: blankToNull(v.description) },
    });
    onSaved(code);
  }
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="dictionaryType"
      title={t(editing ? 'dictionary.editType' : 'dictionary.createType')}
      initialValues={editing ?? { code: '', name: '' }}
      onSubmit={submit}
    >
      <Form.Item
        name="code"
        label={t('dictionary.typeCode')}
        extra={t('dictionary.typeCodeHint')}
        rules={[
          { required: true, message: t('form.required') },
          { pattern: /^[a-z][a-z0-9_]*$/, message: t('dictionary.typeCodeHint') },
        ]}
      >
        <Input maxLength={50} disabled={editing !== null} autoFocus={editing === null} />
      </Form.Item>
      <Form.Item name="name" label={t('dictionary.typeName')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={100} autoFocus={editing !== null} />
      </Form.Item>
      <Form.Item name="description" label={t('common.description')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
