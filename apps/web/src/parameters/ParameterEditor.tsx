import { useState } from 'react';
import { App, Button, Input, InputNumber, Space, Switch } from 'antd';
import { PARAMETERS, type Parameter, type ParameterDefinition } from '@rexian/contracts';
import { useErrorReporter } from '../api/use-error-reporter';
import { useT } from '../i18n/use-t';
import { useSaveParameter } from './parameters-api';

function definitionOf(key: string): ParameterDefinition | undefined {
  return (PARAMETERS as Record<string, ParameterDefinition>)[key];
}

/**
 * One parameter's value, edited in place: a switch saves at once; a number (within the catalogue's
 * min–max) or text is saved with 保存 or Enter.
 */
export function ParameterEditor({ parameter }: { parameter: Parameter }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveParameter();
  const report = useErrorReporter();
  const [draft, setDraft] = useState<Parameter['value']>(parameter.value);
  const definition = definitionOf(parameter.key);
  const label = t.pick({ zh: parameter.label, en: parameter.labelEn });

  const commit = (value: Parameter['value']) =>
    save.mutate(
      { key: parameter.key, value },
      { onSuccess: () => void message.success(t('common.saved')), onError: (e) => report(e) },
    );

  if (parameter.type === 'boolean') {
    return <Switch checked={draft === true} loading={save.isPending} aria-label={label} onChange={(v) => { setDraft(v); commit(v); }} />;
  }
  const changed = draft !== parameter.value;
  const saveButton = (
    <Button type="primary" disabled={!changed || draft === null || draft === ''} loading={save.isPending} onClick={() => commit(draft)}>
      {t('common.save')}
    </Button>
  );
  if (parameter.type === 'integer') {
    return (
      <Space.Compact>
        <InputNumber
          aria-label={label}
          value={typeof draft === 'number' ? draft : null}
          min={definition?.min}
          max={definition?.max}
          precision={0}
          onChange={(v) => setDraft(v ?? '')}
          onPressEnter={() => changed && typeof draft === 'number' && commit(draft)}
        />
        {saveButton}
      </Space.Compact>
    );
  }
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
      <Input
        aria-label={label}
        value={String(draft)}
        maxLength={1000}
        onChange={(e) => setDraft(e.target.value)}
        onPressEnter={() => changed && commit(draft)}
      />
      {saveButton}
    </Space.Compact>
  );
}
