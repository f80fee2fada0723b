import { describe, expect, it } from 'vitest';
import { flow, say } from './flow-builder';
import { runFlow } from './run-flow';
import { scriptedCall } from './scripted-channel';

describe('transfer', () => {
  const graph = flow([
    { id: 't', type: 'transfer', target: '${manager}', timeoutMs: 20_000, next: { busy: 'busy', 'no-answer': 'noanswer', failure: 'failed' } },
    { id: 'busy', type: 'queue', queueId: 1 },
    { id: 'noanswer', type: 'queue', queueId: 2 },
    { id: 'failed', type: 'queue', queueId: 3 },
  ]);
  const variables = { manager: '1001' };

  it('ends the flow when the target answers', async () => {
    const call = scriptedCall([{ transfer: 'answered' }]);
    expect(await runFlow(graph, call.env, { variables })).toEqual({ kind: 'transferred', target: '1001' });
    expect(call.channel.log).toEqual(['transfer:1001']);
  });

  it('takes the busy, no-answer and failure branches', async () => {
    expect(await runFlow(graph, scriptedCall([{ transfer: 'busy' }]).env, { variables })).toEqual({ kind: 'queue', queueId: 1 });
    expect(await runFlow(graph, scriptedCall([{ transfer: 'no-answer' }]).env, { variables })).toEqual({ kind: 'queue', queueId: 2 });
    expect(await runFlow(graph, scriptedCall([{ transfer: 'failed' }]).env, { variables })).toEqual({ kind: 'queue', queueId: 3 });
  });

  it('does not dial a target that is not a number', async () => {
    const call = scriptedCall([]);
    expect(await runFlow(graph, call.env, { variables: { manager: '1001; rm' } })).toEqual({ kind: 'queue', queueId: 3 });
    expect(call.channel.log).toEqual([]);
  });

  it('reports a hang-up while the target rings', async () => {
    expect(await runFlow(graph, scriptedCall([{ hangUp: true }]).env, { variables })).toEqual({ kind: 'caller-hung-up' });
  });
});

describe('voicemail and record', () => {
  it('voicemail plays its prompt, records after the beep, stores the message and ends the flow', async () => {
    const call = scriptedCall([]);
    const graph = flow([{ id: 'vm', type: 'voicemail', prompts: say('请在嘀声后留言'), maxMs: 60_000, beep: true }]);
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'voicemail' });
    expect(call.channel.log).toEqual(['play:请在嘀声后留言', 'record:voicemail', 'voicemail']);
    expect(call.channel.voicemails).toHaveLength(1);
  });

  it('a voicemail that cannot be recorded ends the call without a message', async () => {
    const call = scriptedCall([{ listen: true }, { fail: true }]);
    expect(await runFlow(flow([{ id: 'vm', type: 'voicemail', prompts: say('请留言') }]), call.env)).toEqual({ kind: 'hangup' });
    expect(call.channel.voicemails).toEqual([]);
  });

  it('record puts the recording\u2019s path into the variable and goes on', async () => {
    const call = scriptedCall([]);
    const graph = flow([
      { id: 'r', type: 'record', variable: 'complaint', prompts: say('请说出您的意见'), next: { next: 'q' } },
      { id: 'q', type: 'queue', queueId: 8 },
    ]);
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'queue', queueId: 8 });
    expect(call.variables.complaint).toBe('/recordings/recording-1.wav');
  });
});
