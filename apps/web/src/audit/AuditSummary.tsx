import { Typography } from 'antd';

/** A summary's before/after (or failure reason) as indented JSON, for the expanded row. */
export function AuditSummary({ summary }: { summary: Record<string, unknown> }) {
  return (
    <Typography.Paragraph style={{ margin: 0 }}>
      <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(summary, null, 2)}</pre>
    </Typography.Paragraph>
  );
}

/** A one-line preview of a summary for the table cell. */
export function summaryPreview(summary: Record<string, unknown> | null): string {
  if (!summary) return '—';
  const text = JSON.stringify(summary);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
