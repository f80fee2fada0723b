import { useState } from 'react';
import { Button, Card, Col, Empty, Menu, Row, Space } from 'antd';
import type { DictionaryItem, DictionaryType } from '@rexian/contracts';
import { useDeleteDictionaryType, useDictionaryTypes } from '../dictionary/dictionary-api';
import { DictionaryItemFormModal } from '../dictionary/DictionaryItemFormModal';
import { DictionaryItemsTable } from '../dictionary/DictionaryItemsTable';
import { DictionaryTypeFormModal } from '../dictionary/DictionaryTypeFormModal';
import { useConfirm } from '../forms/use-confirm';
import { useEditor } from '../forms/use-editor';
import { useT } from '../i18n/use-t';

/** 数据字典: the list types on the left, the items of the chosen type on the right. */
export function DictionaryPage() {
  const t = useT();
  const types = useDictionaryTypes();
  const removeType = useDeleteDictionaryType();
  const confirm = useConfirm();
  const typeEditor = useEditor<DictionaryType>();
  const itemEditor = useEditor<DictionaryItem>();
  const [chosen, setChosen] = useState<string | null>(null);

  const list = types.data ?? [];
  const current = list.find((type) => type.code === chosen) ?? list[0] ?? null;

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Card
          title={t('dictionary.types')}
          loading={types.isPending}
          extra={<Button type="primary" onClick={() => typeEditor.show(null)}>{t('dictionary.createType')}</Button>}
          styles={{ body: { padding: 8 } }}
        >
          {list.length === 0 ? (
            <Empty />
          ) : (
            <Menu
              mode="inline"
              selectedKeys={current ? [current.code] : []}
              onClick={({ key }) => setChosen(key)}
              items={list.map((type) => ({
                key: type.code,
                label: `${type.name}（${type.code}） · ${type.itemCount}`,
                'data-dictionary-type': type.code,
              }))}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={16}>
        <Card
          title={current ? `${current.name}（${current.code}）` : t('dictionary.items')}
          extra={
            current && (
              <Space wrap>
                <Button type="primary" onClick={() => itemEditor.show(null)}>{t('dictionary.createItem')}</Button>
                <Button onClick={() => typeEditor.show(current)}>{t('dictionary.editType')}</Button>
                <Button
                  danger
                  onClick={() =>
                    confirm(t('dictionary.deleteTypeConfirm', { name: current.name }), async () => {
                      await removeType.mutateAsync(current.code);
                      setChosen(null);
                    })
                  }
                >
                  {t('dictionary.deleteType')}
                </Button>
              </Space>
            )
          }
        >
          {current ? (
            <>
              {current.description && <p>{current.description}</p>}
              <DictionaryItemsTable type={current.code} onEdit={itemEditor.show} />
            </>
          ) : (
            <Empty description={t('dictionary.noType')} />
          )}
        </Card>
      </Col>
      <DictionaryTypeFormModal open={typeEditor.open} onClose={typeEditor.hide} editing={typeEditor.value} onSaved={setChosen} />
      {current && (
        <DictionaryItemFormModal open={itemEditor.open} onClose={itemEditor.hide} type={current.code} editing={itemEditor.value} />
      )}
    </Row>
  );
}
