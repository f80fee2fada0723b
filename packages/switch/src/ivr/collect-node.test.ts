import { describe, expect, it } from 'vitest';
import { flow, say } from './flow-builder';
import { runFlow } from './run-flow';
import { scriptedCall } from './scripted-channel';

const accountFlow = (extra: object = {}) =>
  flow([
    {
      id: 'account', type: 'collect', variable: 'account', prompts: say('请输入户号，以井号键结束'), minDigits: 4, maxDigits: 8,
      terminator: '#', maxRetries: 1, invalidPrompts: say('户号有误'), next: { ok: 'ok', invalid: 'invalid', timeout: 'timeout' }, ...extra,
    },
    { id: 'ok', type: 'say', text: '户号${account}', sayAs: 'digits', next: { next: 'done' } },
    { id: 'done', type: 'queue', queueId: 1 },
    { id: 'invalid', type: 'queue', queueId: 2 },
    { id: 'timeout', type: 'queue', queueId: 3 },
  ]);

describe('collect', () => {
  it('puts the keys before the terminator into the variable and takes ok', async () => {
    const call = scriptedCall([{ press: '123456#' }]);
    expect(await runFlow(accountFlow(), call.env)).toEqual({ kind: 'queue', queueId: 1 });
    expect(call.variables.account).toBe('123456');
    expect(call.channel.collected[0]).toMatchObject({ maxDigits: 8, terminator: '#' });
  });

  it('keeps the key that stopped the prompt as the first digit of the input', async () => {
    const call = scriptedCall([{ bargeIn: '9' }, { press: '876#' }]);
    await runFlow(accountFlow(), call.env);
    expect(call.channel.collected[0]?.initial).toBe('9');
    expect(call.variables.account).toBe('9876');
  });

  it('carries a key pressed during an earlier announcement into the input without playing the prompt', async () => {
    const graph = flow([
      { id: 'hello', type: 'play', prompts: say('欢迎'), next: { next: 'set' } },
      { id: 'set', type: 'set', variable: 'step', value: 'collect', next: { next: 'meter' } },
      { id: 'meter', type: 'collect', variable: 'meter', prompts: say('请输入表号'), maxDigits: 6, next: { ok: 'q' } },
      { id: 'q', type: 'queue', queueId: 1 },
    ]);
    const call = scriptedCall([{ bargeIn: '5' }, { press: '55555' }]);
    await runFlow(graph, call.env);
    expect(call.channel.heard).toEqual(['欢迎']);
    expect(call.variables.meter).toBe('555555');
  });

  it('accepts enough keys followed by a pause (the terminator forgotten)', async () => {
    const call = scriptedCall([{ press: '12345' }]);
    expect(await runFlow(accountFlow(), call.env)).toEqual({ kind: 'queue', queueId: 1 });
  });

  it('asks again after too few keys, then takes invalid after maxRetries', async () => {
    const call = scriptedCall([{ press: '12#' }, { press: '#' }]);
    expect(await runFlow(accountFlow(), call.env)).toEqual({ kind: 'queue', queueId: 2 });
    expect(call.channel.heard).toEqual(['请输入户号，以井号键结束', '户号有误', '请输入户号，以井号键结束']);
    expect(call.variables.account).toBeUndefined();
  });

  it('takes timeout when no key comes, and checks the whole input against the pattern', async () => {
    expect(await runFlow(accountFlow(), scriptedCall([{ silence: true }, { silence: true }]).env)).toEqual({ kind: 'queue', queueId: 3 });
    const patterned = accountFlow({ pattern: '0\\d{3,7}' });
    expect(await runFlow(patterned, scriptedCall([{ press: '5710#' }, { press: '05710#' }]).env)).toEqual({ kind: 'queue', queueId: 1 });
    expect(await runFlow(patterned, scriptedCall([{ press: '5710#' }, { press: '5710#' }]).env)).toEqual({ kind: 'queue', queueId: 2 });
  });

  it('treats a key reader that fails like a timeout', async () => {
    expect(await runFlow(accountFlow(), scriptedCall([{ listen: true }, { fail: true }, { silence: true }]).env)).toEqual({ kind: 'queue', queueId: 3 });
  });
});

describe('survey', () => {
  const survey = flow([
    { id: 'ask', type: 'survey', variable: 'score', prompts: say('满意请按5，不满意请按1'), maxRetries: 1, next: { next: 'bye' } },
    { id: 'bye', type: 'hangup', prompts: say('感谢评价') },
  ]);

  it('saves a score from 1 to 5 with the question, and sets the variable', async () => {
    const call = scriptedCall([{ press: '4' }]);
    expect(await runFlow(survey, call.env)).toEqual({ kind: 'hangup' });
    expect(call.channel.surveys).toEqual([{ score: 4, question: '满意请按5，不满意请按1' }]);
    expect(call.variables.score).toBe('4');
  });

  it('asks again after another key and goes on without a score after maxRetries', async () => {
    const call = scriptedCall([{ press: '9' }, { press: '0' }]);
    expect(await runFlow(survey, call.env)).toEqual({ kind: 'hangup' });
    expect(call.channel.surveys).toEqual([]);
    expect(call.channel.heard).toEqual(['满意请按5，不满意请按1', '请按1到5之间的数字键进行评价。', '满意请按5，不满意请按1', '感谢评价']);
  });
});
