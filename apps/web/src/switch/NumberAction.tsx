import { useState } from 'react';
import { Button, Input, Space } from 'antd';

/** A number box with its button (转接, 咨询, 外呼): the button sends the number typed, trimmed. */
export function NumberAction({ label, placeholder, disabled, onSend }: {
  label: string;
  placeholder: string;
  disabled: boolean;
  onSend: (target: string) => void;
}) {
  const [target, setTarget] = useState('');
  const ready = !disabled && /^\+?[\d*#]{2,24}$/.test(target.trim());
  return (
    <Space.Compact>
      <Input
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        placeholder={placeholder}
        aria-label={`${label} ${placeholder}`}
        disabled={disabled}
        maxLength={25}
        style={{ width: 160 }}
        onPressEnter={() => ready && onSend(target.trim())}
      />
      <Button disabled={!ready} onClick={() => onSend(target.trim())}>{label}</Button>
    </Space.Compact>
  );
}
