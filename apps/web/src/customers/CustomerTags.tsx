import { Tag } from 'antd';
import type { Customer } from '@rexian/contracts';
import { useT } from '../i18n/use-t';

/** VIP level, blacklist and the customer's own tags, as tags. */
export function CustomerTags({ customer }: { customer: Customer }) {
  const t = useT();
  return (
    <>
      {customer.vipLevel > 0 && <Tag color="gold">VIP {customer.vipLevel}</Tag>}
      {customer.blacklisted && <Tag color="red">{t('customers.blacklisted')}</Tag>}
      {customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
    </>
  );
}
