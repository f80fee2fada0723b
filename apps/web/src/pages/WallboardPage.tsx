import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Modal, Row, Space, Statistic } from 'antd';
import type { WallboardThresholds } from '@rexian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/MeContext';
import { useRight } from '../auth/use-right';
import { useT } from '../i18n/use-t';
import { useSupervisor } from '../supervisor/use-supervisor';
import { ConnectionBanner } from '../switch/ConnectionBanner';
import { formatDuration } from '../switch/format-duration';
import { useNow } from '../switch/use-now';
import { breaches, type Breach } from '../wallboard/breaches';
import { HourlyChart } from '../wallboard/HourlyChart';
import { useSaveThresholds, useThresholds, useTodayFigures } from '../wallboard/wallboard-api';

const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);
const RED = { color: '#cf1322' };

/**
 * 大屏 (SUP-3): agents serving / idle / offline and calls waiting live from the CTI socket; today's
 * figures and calls by hour from the records. A figure beyond its threshold turns red, and the page
 * raises an alarm once when it crosses.
 */
export function WallboardPage() {
  const t = useT();
  const me = useMe();
  const { notification } = App.useApp();
  const client = useQueryClient();
  const figures = useTodayFigures();
  const thresholds = useThresholds();
  const canSet = useRight('wallboard.manage');
  const [editing, setEditing] = useState(false);
  const now = useNow(true);
  const { state, connected, everConnected } = useSupervisor(me.id, () => {});

  const agents = [...state.agents.values()];
  const serving = agents.filter((a) => a.state === 'talking' || a.state === 'ringing' || a.state === 'wrap-up').length;
  const idle = agents.filter((a) => a.state === 'ready').length;
  const notReady = agents.filter((a) => a.state === 'not-ready').length;
  const queues = [...state.queues.values()];
  const waiting = queues.reduce((sum, q) => sum + q.waiting, 0);
  const longestWaitMs = queues.reduce((max, q) => Math.max(max, q.waiting > 0 ? q.longestWaitMs + (now - q.at) : 0), 0);
  const red = useMemo(() => breaches(figures.data, { waiting, longestWaitMs }, thresholds.data), [figures.data, waiting, longestWaitMs, thresholds.data]);

  // A call ended: today's figures change now, not at the next refresh.
  const ended = useRef(state.calls.size);
  useEffect(() => {
    if (state.calls.size < ended.current) void client.invalidateQueries({ queryKey: ['wallboard', 'today'] });
    ended.current = state.calls.size;
  }, [state.calls.size, client]);

  // The alarm: once per figure as it crosses its threshold.
  const alarmed = useRef(new Set<Breach>());
  useEffect(() => {
    for (const breach of red) {
      if (alarmed.current.has(breach)) continue;
      alarmed.current.add(breach);
      notification.error({ key: `wallboard-${breach}`, message: t('wallboard.alarm'), description: t(`wallboard.breach.${breach}`), duration: 0 });
    }
    for (const breach of [...alarmed.current]) if (!red.has(breach)) alarmed.current.delete(breach);
  }, [red, notification, t]);

  const f = figures.data;
  const figure = (key: string, title: string, value: string | number, breach?: Breach) => (
    <Col xs={12} md={6} key={key}>
      <Card><Statistic title={title} value={value} valueStyle={breach && red.has(breach) ? RED : undefined} data-testid={`figure-${key}`} /></Card>
    </Col>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ConnectionBanner connected={connected} everConnected={everConnected} />
      {red.size > 0 && <Alert type="error" showIcon message={t('wallboard.alarm')} description={[...red].map((b) => t(`wallboard.breach.${b}`)).join('；')} />}
      <Card title={`${t('menu.wallboard')} · ${f?.date ?? ''}`} extra={canSet && <Button onClick={() => setEditing(true)}>{t('wallboard.thresholds')}</Button>}>
        <Row gutter={[16, 16]}>
          {figure('serving', t('wallboard.serving'), serving)}
          {figure('idle', t('wallboard.idle'), idle)}
          {figure('notReady', t('wallboard.notReady'), notReady)}
          {figure('waiting', t('wallboard.waiting'), waiting, 'waiting')}
          {figure('longestWait', t('wallboard.longestWait'), waiting > 0 ? formatDuration(longestWaitMs) : '—', 'longestWait')}
          {figure('calls', t('wallboard.calls'), f?.calls ?? 0)}
          {figure('answered', t('wallboard.answered'), f?.answered ?? 0)}
          {figure('serviceLevel', t('wallboard.serviceLevel'), percent(f?.serviceLevel), 'serviceLevel')}
          {figure('asa', t('wallboard.asa'), f?.asaMs == null ? '—' : formatDuration(f.asaMs))}
          {figure('aht', t('wallboard.aht'), f?.ahtMs == null ? '—' : formatDuration(f.ahtMs))}
          {figure('avgWait', t('wallboard.avgWait'), f?.avgWaitMs == null ? '—' : formatDuration(f.avgWaitMs))}
          {figure('abandonRate', t('wallboard.abandonRate'), percent(f?.abandonRate), 'abandonRate')}
        </Row>
      </Card>
      <Card title={t('wallboard.byHour')}>{f && <HourlyChart byHour={f.byHour} />}</Card>
      {canSet && <ThresholdsModal open={editing} onClose={() => setEditing(false)} value={thresholds.data} />}
    </Space>
  );
}

function ThresholdsModal({ open, onClose, value }: { open: boolean; onClose: () => void; value: WallboardThresholds | undefined }) {
  const t = useT();
  const save = useSaveThresholds();
  const [form] = Form.useForm<{ maxWaiting: number | null; maxLongestWaitSec: number | null; minServiceLevelPct: number | null; maxAbandonRatePct: number | null }>();
  return (
    <Modal
      open={open}
      title={t('wallboard.thresholds')}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        await save.mutateAsync({
          maxWaiting: v.maxWaiting ?? null, maxLongestWaitSec: v.maxLongestWaitSec ?? null,
          minServiceLevel: v.minServiceLevelPct == null ? null : v.minServiceLevelPct / 100, maxAbandonRate: v.maxAbandonRatePct == null ? null : v.maxAbandonRatePct / 100,
        });
        onClose();
      }}
    >
      <Form form={form} layout="vertical" name="thresholds" initialValues={{
        maxWaiting: value?.maxWaiting ?? null, maxLongestWaitSec: value?.maxLongestWaitSec ?? null,
        minServiceLevelPct: value?.minServiceLevel == null ? null : Math.round(value.minServiceLevel * 100),
        maxAbandonRatePct: value?.maxAbandonRate == null ? null : Math.round(value.maxAbandonRate * 100),
      }}>
        <Form.Item name="maxWaiting" label={t('wallboard.maxWaiting')}><InputNumber min={0} max={1000} /></Form.Item>
        <Form.Item name="maxLongestWaitSec" label={t('wallboard.maxLongestWaitSec')}><InputNumber min={0} max={3600} /></Form.Item>
        <Form.Item name="minServiceLevelPct" label={t('wallboard.minServiceLevel')}><InputNumber min={0} max={100} /></Form.Item>
        <Form.Item name="maxAbandonRatePct" label={t('wallboard.maxAbandonRate')}><InputNumber min={0} max={100} /></Form.Item>
      </Form>
    </Modal>
  );
}
