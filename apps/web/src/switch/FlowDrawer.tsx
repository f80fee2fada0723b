import { Alert, Drawer, Spin, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { FlowDraftEditor } from './FlowDraftEditor';
import { FlowVersionsTable } from './FlowVersionsTable';
import { useFlow } from './ivr-flows-api';

/** One IVR flow: its versions, and the draft's editor. */
export function FlowDrawer({ flowId, onClose }: { flowId: number | null; onClose: () => void }) {
  const t = useT();
  const flow = useFlow(flowId);
  const data = flow.data && flow.data.flow.id === flowId ? flow.data : undefined;
  return (
    <Drawer open={flowId !== null} onClose={onClose} size={860} destroyOnHidden title={data ? t('flows.titleOf', { name: data.flow.name }) : t('menu.ivrFlows')}>
      {data ? (
        <>
          <Typography.Title level={5}>{t('flows.versions')}</Typography.Title>
          <FlowVersionsTable flowId={data.flow.id} versions={data.versions} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>{t('flows.draft')}</Typography.Title>
          <FlowDraftEditor key={data.flow.id} flowId={data.flow.id} versions={data.versions} />
        </>
      ) : flow.isError ? (
        <Alert type="warning" showIcon title={t('flows.notFound')} />
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}
