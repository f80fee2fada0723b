import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Tree, type TreeDataNode } from 'antd';
import type { Department } from '@rexian/contracts';
import { useRight } from '../auth/use-right';
import { buildDepartmentTree, type DepartmentNode } from '../departments/department-tree';
import { DepartmentFormModal } from '../departments/DepartmentFormModal';
import { useDeleteDepartment, useDepartments } from '../departments/departments-api';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';

interface Target {
  editing: Department | null;
  parentId: number | null;
}

function toTreeData(nodes: DepartmentNode[], usersLabel: (n: number) => string): TreeDataNode[] {
  return nodes.map(({ department, children }) => ({
    key: department.id,
    title: (
      <span data-department={department.name}>
        {department.name} <Tag>{usersLabel(department.userCount)}</Tag>
      </span>
    ),
    children: toTreeData(children, usersLabel),
  }));
}

/** 部门管理: the department tree; select one to see it and add a child, edit or delete it. */
export function DepartmentsPage() {
  const t = useT();
  const canManage = useRight('departments.manage');
  const departments = useDepartments();
  const remove = useDeleteDepartment();
  const confirm = useConfirm();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const editor = useEditor<Target>();
  // Tracks what the user folded rather than what is open, so new departments show up expanded.
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());

  const list = departments.data ?? [];
  const tree = buildDepartmentTree(list);
  const selected = list.find((d) => d.id === selectedId) ?? null;
  const expandedKeys = list.filter((d) => !collapsed.has(d.id)).map((d) => d.id);
  const parent = selected?.parentId ? list.find((d) => d.id === selected.parentId) : undefined;

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Card
          title={t('menu.departments')}
          loading={departments.isPending}
          extra={
            canManage && (
              <Button type="primary" onClick={() => editor.show({ editing: null, parentId: null })}>
                {t('departments.create')}
              </Button>
            )
          }
        >
          {tree.length === 0 ? (
            <Empty />
          ) : (
            <Tree
              blockNode
              expandedKeys={expandedKeys}
              onExpand={(keys) => setCollapsed(new Set(list.map((d) => d.id).filter((id) => !keys.includes(id))))}
              treeData={toTreeData(tree, (n) => t('departments.userCount', { n }))}
              selectedKeys={selectedId === null ? [] : [selectedId]}
              onSelect={(_, { node }) => setSelectedId(Number(node.key))}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card title={t('departments.detail')}>
          {!selected ? (
            <Empty description={t('departments.selectHint')} />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('departments.name')}>{selected.name}</Descriptions.Item>
                <Descriptions.Item label={t('departments.code')}>{selected.code ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('departments.parent')}>{parent?.name ?? t('departments.topLevel')}</Descriptions.Item>
                <Descriptions.Item label={t('common.sort')}>{selected.sort}</Descriptions.Item>
                <Descriptions.Item label={t('departments.users')}>{selected.userCount}</Descriptions.Item>
              </Descriptions>
              {canManage && (
                <Space wrap>
                  <Button onClick={() => editor.show({ editing: null, parentId: selected.id })}>{t('departments.addChild')}</Button>
                  <Button onClick={() => editor.show({ editing: selected, parentId: selected.parentId })}>{t('common.edit')}</Button>
                  <Button
                    danger
                    onClick={() =>
                      confirm(t('departments.deleteConfirm', { name: selected.name }), async () => {
                        await remove.mutateAsync(selected.id);
                        setSelectedId(null);
                      })
                    }
                  >
                    {t('common.delete')}
                  </Button>
                </Space>
              )}
            </Space>
          )}
        </Card>
      </Col>
      <DepartmentFormModal
        open={editor.open}
        onClose={editor.hide}
        tree={tree}
        editing={editor.value?.editing ?? null}
        parentId={editor.value?.parentId ?? null}
      />
    </Row>
  );
}
