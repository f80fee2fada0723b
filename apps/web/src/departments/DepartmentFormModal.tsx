import { Form, Input, InputNumber, TreeSelect } from 'antd';
import type { Department } from '@rexian/contracts';
import { FormModal } from '../forms/FormModal';
import { useT } from '../i18n/use-t';
import { departmentOptions, subtreeIds, type DepartmentNode } from './department-tree';
import { useSaveDepartment } from './departments-api';

interface Values {
  name: string;
  code?: string;
  parentId?: number | null;
  sort?: number | null;
}

interface Props {
  open: boolean;
  onClose: () => void;
  tree: DepartmentNode[];
  /** The department being edited, or null for a new one. */
  editing: Department | null;
  /** Where a new department goes; null for the top level. */
  parentId: number | null;
}

/** 新建部门 / 编辑部门: name, code, parent and sort order. */
export function DepartmentFormModal({ open, onClose, tree, editing, parentId }: Props) {
  const t = useT();
  const save = useSaveDepartment();
  const initialValues: Values = editing
    ? { name: editing.name, code: editing.code ?? '', parentId: editing.parentId, sort: editing.sort }
    : { name: '', parentId, sort: 0 };
  const options = departmentOptions(tree, editing ? subtreeIds(tree, editing.id) : undefined);
  return (
    <FormModal<Values>
      open={open}
      onClose={onClose}
      name="department"
      title={t(editing ? 'departments.edit' : 'departments.create')}
      initialValues={initialValues}
      onSubmit={(v) =>
        save.mutateAsync({
          id: editing?.id,
          input: { name: v.name, code: v.code?.trim() || null, parentId: v.parentId ?? null, sort: v.sort ?? 0 },
        })
      }
    >
      <Form.Item name="name" label={t('departments.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="code" label={t('departments.code')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="parentId" label={t('departments.parent')}>
        <TreeSelect treeData={options} allowClear treeDefaultExpandAll placeholder={t('departments.topLevel')} />
      </Form.Item>
      <Form.Item name="sort" label={t('common.sort')}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
