import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useAnnouncements } from '../announcements/announcements-api';
import { useT } from '../i18n/use-t';
import { useCalls } from './calls-api';
import { formatDuration } from './format-duration';

/** 我的工作台: today's own figures (again after each call) and the notices not yet read. */
export function AgentWorkbench({ agentId, presence }: { agentId: number; presence: string }) {
  const t = useT();
  const client = useQueryClient();
  // A call ends in wrap-up or straight back to ready: count again then.
  useEffect(() => {
    void client.invalidateQueries({ queryKey: ['calls'] });
  }, [presence, client]);
  const today = useCalls({ agentUserId: agentId, from: dayjs().startOf('day').toISOString(), page: 1, pageSize: 200 });
  const notices = useAnnouncements();
  const calls = today.data?.items ?? [];
  const talks = calls.map((c) => c.talkMs).filter((v): v is number => v !== null);
  const unread = (notices.data ?? []).filter((n) => !n.readByMe);
  return (
    <Card title={t('agent.workbench')} data-testid="workbench">
      <Row gutter={16}>
        <Col span={8}><Statistic title={t('agent.todayAnswered')} value={calls.filter((c) => c.answeredAt !== null).length} /></Col>
        <Col span={8}><Statistic title={t('agent.todayAverageTalk')} value={talks.length === 0 ? '—' : formatDuration(talks.reduce((a, b) => a + b, 0) / talks.length)} /></Col>
        <Col span={8}><Statistic title={t('agent.unreadNotices')} value={unread.length} /></Col>
      </Row>
      {unread.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={unread.slice(0, 5)}
          renderItem={(n) => <List.Item><Link to="/announcements">{n.title}</Link><Typography.Text type="secondary">{dayjs(n.publishedAt).format('MM-DD HH:mm')}</Typography.Text></List.Item>}
        />
      )}
    </Card>
  );
}
