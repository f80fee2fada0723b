import { Button, Space, type FormInstance } from 'antd';
import { useT } from '../i18n/use-t';

/** 查询 / 重置 at the end of a search bar; 重置 clears the form and searches with no filter. */
export function SearchButtons<T>({ form, onReset }: { form: FormInstance<T>; onReset: () => void }) {
  const t = useT();
  return (
    <Space>
      <Button type="primary" htmlType="submit">{t('common.search')}</Button>
      <Button
        onClick={() => {
          form.resetFields();
          onReset();
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  );
}
