import { Alert, Button, Descriptions, Skeleton, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { CustomerTags } from './CustomerTags';
import { CustomerTimeline } from './CustomerTimeline';
import { useCustomerLookup } from './customers-api';

/**
 * The screen pop's customer 来电弹屏: who has the calling number — accounts, addresses, tags and the
 * latest calls and records — or, for a number nobody has, one click to a new customer with it.
 */
export function CustomerPop({ number }: { number: string }) {
  const t = useT();
  const lookup = useCustomerLookup(number || null);
  if (!number) return null;
  if (lookup.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  const customer = lookup.data?.customer;
  if (!customer) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="customer-pop"
        message={t('customers.unknownCaller')}
        action={<Button size="small" type="primary" href={`/customers?new=${encodeURIComponent(number)}`} target="_blank">{t('customers.create')}</Button>}
      />
    );
  }
  return (
    <div data-testid="customer-pop">
      <Descriptions size="small" column={2} bordered title={<span>{customer.name} <CustomerTags customer={customer} /></span>}
        extra={<Button type="link" href={`/customers?id=${customer.id}`} target="_blank">{t('customers.record')}</Button>}>
        <Descriptions.Item label={t('customers.accounts')}>{customer.accounts.map((a) => a.accountNo).join('，') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.addresses')}>{customer.addresses.map((a) => a.address).join('；') || '—'}</Descriptions.Item>
        {(lookup.data?.others.length ?? 0) > 0 && (
          <Descriptions.Item label={t('customers.alsoOnNumber')} span={2}>{lookup.data!.others.map((o) => o.name).join('，')}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('customers.recent')}</Typography.Title>
      <CustomerTimeline entries={lookup.data?.recent ?? []} />
    </div>
  );
}
