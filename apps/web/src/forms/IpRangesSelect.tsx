import { Select } from 'antd';
import { useT } from '../i18n/use-t';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/** Allowed IP addresses or ranges (`10.0.0.0/8`), typed one by one; empty means any address. */
export function IpRangesSelect({ id, value, onChange }: Props) {
  const t = useT();
  return (
    <Select
      id={id}
      mode="tags"
      value={value}
      onChange={onChange}
      tokenSeparators={[',', ' ', '，']}
      notFoundContent={null}
      placeholder={t('ip.placeholder')}
    />
  );
}
