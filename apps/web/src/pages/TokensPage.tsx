import { useState } from 'react';
import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import type { ApiToken } from '@rexian/contracts';
import { useConfirm } from '../forms/use-confirm';
import { useT } from '../i18n/use-t';
import { formatTime } from '../time/format-time';
import { TokenFormModal } from '../tokens/TokenFormModal';
import { TokenSecretModal } from '../tokens/TokenSecretModal';
import { useRevokeToken, useTokens, type CreatedToken } from '../tokens/tokens-api';

/** API 令牌: the caller's own tokens for integrations; create (secret shown once) and revoke. */
export function TokensPage() {
  const t = useT();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const confirm = useConfirm();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatTime },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatTime },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatTime(v) : t('tokens.never')) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) => (
        <Button type="link" danger onClick={() => confirm(t('tokens.revokeConfirm', { name: token.name }), () => revoke.mutateAsync(token.id))}>
          {t('tokens.revoke')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('menu.tokens')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('tokens.create')}</Button>}>
      <Table<ApiToken> rowKey="id" columns={columns} dataSource={tokens.data} loading={tokens.isPending} pagination={false} />
      <TokenFormModal open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
