import { describe, expect, it } from 'vitest';
import { flow, say } from './flow-builder';
import { MAX_SUBFLOW_DEPTH, runFlow } from './run-flow';
import { scriptedCall } from './scripted-channel';

describe('sub-flows', () => {
  const identify = flow([
    { id: 'ask', type: 'collect', variable: 'account', prompts: say('请输入户号'), maxDigits: 4, next: { ok: 'back', invalid: 'agent', timeout: 'agent' } },
    { id: 'back', type: 'return' },
    { id: 'agent', type: 'queue', queueId: 99 },
  ]);
  const main = flow([
    { id: 'hello', type: 'play', prompts: say('欢迎'), next: { next: 'sub' } },
    { id: 'sub', type: 'subflow', flowId: 2, next: { next: 'say' } },
    { id: 'say', type: 'say', text: '户号${account}', next: { next: 'q' } },
    { id: 'q', type: 'queue', queueId: 1 },
  ]);

  it('run the other flow and continue at next when it returns, with its variables', async () => {
    const call = scriptedCall([{ press: '1234' }], { flows: { 2: identify } });
    expect(await runFlow(main, call.env, { flowId: 1 })).toEqual({ kind: 'queue', queueId: 1 });
    expect(call.path).toEqual(['1:hello', '1:sub', '2:ask', '2:back', '1:say', '1:q']);
    expect(call.channel.heard).toEqual(['欢迎', '请输入户号', '户号1234']);
  });

  it('end the whole call when the sub-flow ends it', async () => {
    const call = scriptedCall([{ silence: true }, { silence: true }, { silence: true }], { flows: { 2: identify } });
    expect(await runFlow(main, call.env, { flowId: 1 })).toEqual({ kind: 'queue', queueId: 99 });
  });

  it('are skipped when the flow is unknown or not a valid graph', async () => {
    expect(await runFlow(main, scriptedCall([], { flows: {} }).env)).toEqual({ kind: 'queue', queueId: 1 });
    expect(await runFlow(main, scriptedCall([], { flows: { 2: { version: 1 } } }).env)).toEqual({ kind: 'queue', queueId: 1 });
  });

  it(`stop recursing at ${MAX_SUBFLOW_DEPTH} levels`, async () => {
    const recursive = flow([
      { id: 'count', type: 'set', variable: 'depth', value: '${depth}+', next: { next: 'again' } },
      { id: 'again', type: 'subflow', flowId: 3, next: { next: 'out' } },
      { id: 'out', type: 'return' },
    ]);
    const call = scriptedCall([], { flows: { 3: recursive } });
    expect(await runFlow(recursive, call.env, { flowId: 3 })).toEqual({ kind: 'hangup' });
    expect(call.variables.depth).toBe('+'.repeat(MAX_SUBFLOW_DEPTH + 1));
  });
});
