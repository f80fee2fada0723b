import { describe, expect, it } from 'vitest';
import { flow, say } from './flow-builder';
import { runFlow, STEP_LIMIT_NODE } from './run-flow';
import { scriptedCall } from './scripted-channel';

describe('runFlow: announcements, variables and ends', () => {
  it('plays, sets a variable, says it and hands the call to a queue with its priority', async () => {
    const call = scriptedCall([]);
    const graph = flow([
      { id: 'hello', type: 'play', prompts: say('您好'), next: { next: 'set' } },
      { id: 'set', type: 'set', variable: 'greeting', value: '尊敬的${callerNumber}', next: { next: 'say' } },
      { id: 'say', type: 'say', text: '${greeting}，来电已接通', next: { next: 'queue' } },
      { id: 'queue', type: 'queue', queueId: 7, priority: 3 },
    ]);
    const outcome = await runFlow(graph, call.env, { flowId: 4, variables: { callerNumber: '13800000000' } });
    expect(outcome).toEqual({ kind: 'queue', queueId: 7, priority: 3 });
    expect(call.channel.heard).toEqual(['您好', '尊敬的13800000000，来电已接通']);
    expect(call.path).toEqual(['4:hello', '4:set', '4:say', '4:queue']);
    expect(call.variables).toEqual({ greeting: '尊敬的13800000000' });
  });

  it('ends with a hang-up (after its goodbye) at a hangup node and where an outcome has no edge', async () => {
    const withNode = scriptedCall([]);
    expect(await runFlow(flow([{ id: 'bye', type: 'hangup', prompts: say('再见') }]), withNode.env)).toEqual({ kind: 'hangup' });
    expect(withNode.channel.heard).toEqual(['再见']);
    const noEdge = scriptedCall([]);
    expect(await runFlow(flow([{ id: 'notice', type: 'play', prompts: say('停水通知') }]), noEdge.env)).toEqual({ kind: 'hangup' });
    expect(noEdge.channel.heard).toEqual(['停水通知']);
  });

  it('reads values in a say node as digits, numbers or money in Chinese words', async () => {
    const call = scriptedCall([]);
    const graph = flow([
      { id: 'a', type: 'say', text: '户号${account}', sayAs: 'digits', next: { next: 'b' } },
      { id: 'b', type: 'say', text: '共${count}户', sayAs: 'number', next: { next: 'c' } },
      { id: 'c', type: 'say', text: '余额${balance}', sayAs: 'money' },
    ]);
    await runFlow(graph, call.env, { variables: { account: '2046', count: '10005', balance: '128.50' } });
    expect(call.channel.heard).toEqual(['户号2 0 4 6', '共1万零5户', '余额128元5角']);
  });

  it('follows a goto and ends a flow run on its own at a return node with a hang-up', async () => {
    const call = scriptedCall([]);
    const graph = flow([
      { id: 'jump', type: 'goto', target: 'end' },
      { id: 'skipped', type: 'play', prompts: say('不会播放') },
      { id: 'end', type: 'return' },
    ]);
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'hangup' });
    expect(call.path).toEqual(['jump', 'end']);
    expect(call.channel.heard).toEqual([]);
  });

  it('rejects a graph that does not follow the schema', async () => {
    const call = scriptedCall([]);
    await expect(runFlow({ version: 1, start: 'x', settings: {}, nodes: [] } as never, call.env)).rejects.toThrow('graph schema');
  });
});

describe('runFlow: conditions', () => {
  const branch = (test: object) =>
    flow([
      { id: 'c', type: 'condition', test: test as never, next: { true: 'yes', false: 'no' } },
      { id: 'yes', type: 'queue', queueId: 1 },
      { id: 'no', type: 'queue', queueId: 2 },
    ]);
  // 2026-11-23 is a Monday; 02:00 UTC is 10:00 in Shanghai.
  const monday10 = new Date('2026-11-23T02:00:00Z');
  const run = async (test: object, options: { open?: boolean; now?: Date } = {}, variables: Record<string, string> = {}) => {
    const outcome = await runFlow(branch(test), scriptedCall([], { now: monday10, ...options }).env, { variables });
    return outcome.kind === 'queue' && outcome.queueId === 1;
  };

  it('asks the business calendar for business hours', async () => {
    expect(await run({ kind: 'business-hours' }, { open: true })).toBe(true);
    expect(await run({ kind: 'business-hours' }, { open: false })).toBe(false);
  });

  it('reads time, weekday and date on the flow clock (Asia/Shanghai), with intervals across midnight', async () => {
    expect(await run({ kind: 'time', from: '09:00', to: '18:00' })).toBe(true);
    expect(await run({ kind: 'time', from: '10:01', to: '18:00' })).toBe(false);
    expect(await run({ kind: 'time', from: '22:00', to: '06:00' }, { now: new Date('2026-11-23T17:30:00Z') })).toBe(true);
    expect(await run({ kind: 'time', from: '22:00', to: '06:00' })).toBe(false);
    expect(await run({ kind: 'weekday', days: [1, 2, 3, 4, 5] })).toBe(true);
    // 2026-11-22T20:00Z is already Monday in Shanghai, still Sunday in UTC.
    expect(await run({ kind: 'weekday', days: [7] }, { now: new Date('2026-11-22T20:00:00Z') })).toBe(false);
    expect(await run({ kind: 'date-range', from: '2026-11-23', to: '2026-11-23' })).toBe(true);
    expect(await run({ kind: 'date-range', from: '2026-11-24', to: '2026-12-01' })).toBe(false);
  });

  it('compares variables: equal, different, less and greater as numbers, empty, matching a pattern', async () => {
    const v = { level: '3', area: '0571' };
    expect(await run({ kind: 'variable', variable: 'area', op: 'eq', value: '0571' }, {}, v)).toBe(true);
    expect(await run({ kind: 'variable', variable: 'area', op: 'ne', value: '0571' }, {}, v)).toBe(false);
    expect(await run({ kind: 'variable', variable: 'level', op: 'lt', value: '10' }, {}, v)).toBe(true);
    expect(await run({ kind: 'variable', variable: 'level', op: 'gt', value: '10' }, {}, v)).toBe(false);
    expect(await run({ kind: 'variable', variable: 'area', op: 'gt', value: 'abc' }, {}, v)).toBe(false);
    expect(await run({ kind: 'variable', variable: 'missing', op: 'empty' }, {}, v)).toBe(true);
    expect(await run({ kind: 'variable', variable: 'area', op: 'matches', value: '05\\d{2}' }, {}, v)).toBe(true);
    expect(await run({ kind: 'variable', variable: 'area', op: 'matches', value: '05' }, {}, v)).toBe(false);
  });
});

describe('runFlow: guards', () => {
  it('ends a looping flow with a hang-up after maxSteps nodes and reports the step limit', async () => {
    const call = scriptedCall([]);
    const graph = flow(
      [
        { id: 'count', type: 'set', variable: 'n', value: '${n}1', next: { next: 'again' } },
        { id: 'again', type: 'goto', target: 'count' },
      ],
      { maxSteps: 50 },
    );
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'hangup' });
    expect(call.path).toHaveLength(51);
    expect(call.path.at(-1)).toBe(STEP_LIMIT_NODE);
    expect(call.variables.n).toHaveLength(25);
  });

  it('resolves caller-hung-up when the caller hangs up in the middle of a prompt', async () => {
    const call = scriptedCall([{ hangUp: true }]);
    const graph = flow([
      { id: 'long', type: 'play', prompts: say('很长的公告'), next: { next: 'after' } },
      { id: 'after', type: 'queue', queueId: 1 },
    ]);
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'caller-hung-up' });
    expect(call.path).toEqual(['long']);
  });

  it('goes on after a prompt that fails to play, and takes the failure branch of a transfer that fails', async () => {
    const call = scriptedCall([{ fail: true }, { fail: true }]);
    const graph = flow([
      { id: 'broken', type: 'play', prompts: [{ kind: 'file', path: 'missing.wav' }], next: { next: 'transfer' } },
      { id: 'transfer', type: 'transfer', target: '1001', next: { failure: 'fallback' } },
      { id: 'fallback', type: 'queue', queueId: 9 },
    ]);
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'queue', queueId: 9 });
  });

  it('keeps running when the onNode or onVariable listener throws', async () => {
    const call = scriptedCall([]);
    const broken = () => {
      throw new Error('CDR writer down');
    };
    call.env.onNode = broken;
    call.env.onVariable = broken;
    const graph = flow([
      { id: 's', type: 'set', variable: 'x', value: '1', next: { next: 'q' } },
      { id: 'q', type: 'queue', queueId: 2 },
    ]);
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'queue', queueId: 2 });
  });

  it('cuts a variable at 1000 characters (it travels to the CDR and the screen pop)', async () => {
    const call = scriptedCall([]);
    const graph = flow([
      { id: 's', type: 'set', variable: 'big', value: '${long}${long}', next: { next: 'q' } },
      { id: 'q', type: 'queue', queueId: 2 },
    ]);
    await runFlow(graph, call.env, { variables: { long: 'x'.repeat(800) } });
    expect(call.variables.big).toHaveLength(1000);
  });

  it('takes the false branch when the business calendar cannot answer', async () => {
    const call = scriptedCall([]);
    call.env.calendar = {
      isOpen: () => {
        throw new Error('calendar not loaded');
      },
    };
    const graph = flow([
      { id: 'c', type: 'condition', test: { kind: 'business-hours' }, next: { true: 'open', false: 'closed' } },
      { id: 'open', type: 'queue', queueId: 1 },
      { id: 'closed', type: 'voicemail', prompts: [] },
    ]);
    expect(await runFlow(graph, call.env)).toEqual({ kind: 'voicemail' });
  });
});
