import { Alert, List, Typography } from 'antd';
import type { FlowProblem } from '@rexian/contracts';
import { useT } from '../i18n/use-t';

/** The validator's problems, each with the node (and key or outcome) it is about. */
export function FlowProblemsList({ problems, title }: { problems: FlowProblem[]; title: string }) {
  const t = useT();
  if (problems.length === 0) return <Alert type="success" showIcon title={t('flows.noProblems')} data-testid="flow-problems" />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="flow-problems"
      title={title}
      description={
        <List
          size="small"
          dataSource={problems}
          renderItem={(p) => (
            <List.Item>
              <span>
                {p.nodeId && <Typography.Text code>{p.nodeId}</Typography.Text>}
                {p.outcome && <Typography.Text type="secondary">{` ${t('flows.outcome', { outcome: p.outcome })}`}</Typography.Text>}
                {p.nodeId || p.outcome ? ' ' : ''}
                {p.message}
              </span>
            </List.Item>
          )}
        />
      }
    />
  );
}
