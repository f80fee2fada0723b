import { describe, expect, it } from 'vitest';
import { flow, say, type NodeInput } from './flow-builder';
import { runFlow } from './run-flow';
import { scriptedCall } from './scripted-channel';

/** Menus level1 … levelN: 1 goes one level deeper, 2 leaves at that level (queue = level number). */
function nestedMenus(depth: number, settings = {}) {
  const nodes: NodeInput[] = [];
  for (let level = 1; level <= depth; level++) {
    const next: Record<string, string> = { '2': `leave${level}` };
    if (level < depth) next['1'] = `level${level + 1}`;
    nodes.push({ id: `level${level}`, type: 'menu', name: `第${level}级菜单`, prompts: say(`第${level}级菜单`), timeoutMs: 3000, maxRetries: 2, next });
    nodes.push({ id: `leave${level}`, type: 'queue', queueId: level });
  }
  return flow(nodes, settings);
}

describe('menus', () => {
  it('nest 20 levels deep: the back key goes up one level and the top key to the first menu', async () => {
    const down = Array.from({ length: 19 }, () => ({ press: '1' }));
    const call = scriptedCall([...down, { press: '*' }, { press: '*' }, { press: '#' }, { press: '2' }]);
    expect(await runFlow(nestedMenus(20), call.env)).toEqual({ kind: 'queue', queueId: 1 });
    expect(call.channel.heard.slice(18, 23)).toEqual(['第19级菜单', '第20级菜单', '第19级菜单', '第18级菜单', '第1级菜单']);
  });

  it('after going back, the next key chooses in the menu one level up', async () => {
    const down = Array.from({ length: 16 }, () => ({ press: '1' }));
    const call = scriptedCall([...down, { press: '*' }, { press: '2' }]);
    expect(await runFlow(nestedMenus(17), call.env)).toEqual({ kind: 'queue', queueId: 16 });
  });

  it('go to an agent with the agent key from any level: the flow\u2019s agent queue, or the route\u2019s default', async () => {
    const down = Array.from({ length: 17 }, () => ({ press: '1' }));
    expect(await runFlow(nestedMenus(18, { agentQueueId: 42 }), scriptedCall([...down, { press: '0' }]).env)).toEqual({ kind: 'queue', queueId: 42 });
    expect(await runFlow(nestedMenus(18), scriptedCall([{ press: '1' }, { press: '0' }]).env)).toEqual({ kind: 'agent' });
  });

  it('let a branch on the back, top or agent key win over the flow-wide meaning', async () => {
    const graph = flow([
      { id: 'main', type: 'menu', prompts: say('主菜单'), next: { '1': 'sub' } },
      { id: 'sub', type: 'menu', prompts: say('子菜单'), next: { '*': 'star', '0': 'zero' } },
      { id: 'star', type: 'queue', queueId: 5 },
      { id: 'zero', type: 'queue', queueId: 6 },
    ]);
    expect(await runFlow(graph, scriptedCall([{ press: '1' }, { press: '*' }]).env)).toEqual({ kind: 'queue', queueId: 5 });
    expect(await runFlow(graph, scriptedCall([{ press: '1' }, { press: '0' }]).env)).toEqual({ kind: 'queue', queueId: 6 });
  });

  it('use the keys the flow settings name, and none where a key is switched off', async () => {
    const settings = { backKey: '9', topKey: null, agentKey: null };
    const call = scriptedCall([{ press: '1' }, { press: '9' }, { press: '#' }, { press: '0' }, { press: '2' }]);
    expect(await runFlow(nestedMenus(3, settings), call.env)).toEqual({ kind: 'queue', queueId: 1 });
    expect(call.channel.heard).toEqual(['第1级菜单', '第2级菜单', '第1级菜单', '您的输入有误，请重新输入。', '第1级菜单', '您的输入有误，请重新输入。', '第1级菜单']);
  });

  it('at the first menu, the back and top keys play the menu again', async () => {
    const call = scriptedCall([{ press: '*' }, { press: '#' }, { press: '2' }]);
    expect(await runFlow(nestedMenus(2), call.env)).toEqual({ kind: 'queue', queueId: 1 });
    expect(call.channel.heard).toEqual(['第1级菜单', '第1级菜单', '第1级菜单']);
  });

  it('repeat after no key or a wrong key, then take the timeout or invalid branch after maxRetries', async () => {
    const graph = flow([
      {
        id: 'm', type: 'menu', prompts: say('请选择'), maxRetries: 2, timeoutPrompts: say('您没有按键'), invalidPrompts: say('按键无效'),
        next: { '1': 'one', timeout: 'slow', invalid: 'wrong' },
      },
      { id: 'one', type: 'queue', queueId: 1 },
      { id: 'slow', type: 'queue', queueId: 2 },
      { id: 'wrong', type: 'queue', queueId: 3 },
    ]);
    const timedOut = scriptedCall([{ silence: true }, { silence: true }, { silence: true }]);
    expect(await runFlow(graph, timedOut.env)).toEqual({ kind: 'queue', queueId: 2 });
    expect(timedOut.channel.heard).toEqual(['请选择', '您没有按键', '请选择', '您没有按键', '请选择']);
    const wrong = scriptedCall([{ press: '7' }, { silence: true }, { press: '8' }]);
    expect(await runFlow(graph, wrong.env)).toEqual({ kind: 'queue', queueId: 3 });
    const third = scriptedCall([{ press: '7' }, { silence: true }, { press: '1' }]);
    expect(await runFlow(graph, third.env)).toEqual({ kind: 'queue', queueId: 1 });
  });

  it('take a key pressed during the menu prompt without waiting, and one pressed during an earlier prompt without replaying', async () => {
    const graph = flow([
      { id: 'welcome', type: 'play', prompts: say('欢迎致电'), next: { next: 'notice' } },
      { id: 'notice', type: 'play', prompts: say('近期停水通知'), next: { next: 'm' } },
      { id: 'm', type: 'menu', prompts: say('请选择'), next: { '1': 'one', '2': 'two' } },
      { id: 'one', type: 'queue', queueId: 1 },
      { id: 'two', type: 'queue', queueId: 2 },
    ]);
    const typeAhead = scriptedCall([{ bargeIn: '2' }]);
    expect(await runFlow(graph, typeAhead.env)).toEqual({ kind: 'queue', queueId: 2 });
    expect(typeAhead.channel.heard).toEqual(['欢迎致电']);
    const duringMenu = scriptedCall([{ listen: true }, { listen: true }, { bargeIn: '1' }]);
    expect(await runFlow(graph, duringMenu.env)).toEqual({ kind: 'queue', queueId: 1 });
    expect(duringMenu.channel.heard).toEqual(['欢迎致电', '近期停水通知', '请选择']);
    expect(duringMenu.channel.collected).toEqual([]);
  });
});
