import { useState } from 'react';
import { App, Button, Input, Space } from 'antd';
import type { FlowProblem, IvrFlowVersion } from '@rexian/contracts';
import { useErrorReporter } from '../api/use-error-reporter';
import { useT } from '../i18n/use-t';
import { flowProblemsOf } from './flow-problems';
import { editorStartGraph, graphToText, parseGraphText } from './flow-json';
import { FlowProblemsList } from './FlowProblemsList';
import { usePublishFlow, useSaveDraft, useValidateFlow } from './ivr-flows-api';

type Checked = { problems: FlowProblem[]; title: string } | null;

/**
 * The draft as JSON (the graphical designer comes later): 校验 asks the validator, 保存草稿 stores
 * it, 发布 stores it when changed and puts it live; a refused publish lists the problems by node.
 */
export function FlowDraftEditor({ flowId, versions }: { flowId: number; versions: IvrFlowVersion[] }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useErrorReporter();
  const [saved, setSaved] = useState(() => graphToText(editorStartGraph(versions)));
  const [text, setText] = useState(saved);
  const [checked, setChecked] = useState<Checked>(null);
  const validate = useValidateFlow();
  const saveDraft = useSaveDraft();
  const publish = usePublishFlow();
  const busy = validate.isPending || saveDraft.isPending || publish.isPending;

  function parsed(): unknown {
    const result = parseGraphText(text);
    if ('error' in result) {
      void message.error(t('flows.badJson', { error: result.error }));
      return undefined;
    }
    return result.graph;
  }

  async function run(action: 'validate' | 'save' | 'publish') {
    const graph = parsed();
    if (graph === undefined) return;
    try {
      if (action === 'validate') {
        const { problems } = await validate.mutateAsync(graph);
        setChecked({ problems, title: t('flows.problemsFound', { count: problems.length }) });
        return;
      }
      const hasDraft = versions.some((v) => v.status === 'draft');
      if (action === 'save' || text !== saved || !hasDraft) {
        const { problems } = await saveDraft.mutateAsync({ id: flowId, graph });
        setSaved(text);
        setChecked(problems.length ? { problems, title: t('flows.savedWithProblems', { count: problems.length }) } : null);
        if (action === 'save') void message.success(t('flows.draftSaved'));
      }
      if (action === 'publish') {
        const version = await publish.mutateAsync(flowId);
        setChecked(null);
        void message.success(t('flows.published', { version: version.version }));
      }
    } catch (error) {
      const problems = flowProblemsOf(error);
      if (problems) setChecked({ problems, title: t('flows.publishRefused', { count: problems.length }) });
      else report(error);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 14, maxRows: 30 }}
        spellCheck={false}
        aria-label={t('flows.draftJson')}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
      />
      <Space>
        <Button onClick={() => void run('validate')} disabled={busy}>{t('flows.validate')}</Button>
        <Button onClick={() => void run('save')} disabled={busy}>{t('flows.saveDraft')}</Button>
        <Button type="primary" onClick={() => void run('publish')} loading={publish.isPending} disabled={busy}>{t('flows.publish')}</Button>
      </Space>
      {checked && <FlowProblemsList problems={checked.problems} title={checked.title} />}
    </Space>
  );
}
