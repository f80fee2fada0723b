import { describe, expect, it } from 'vitest';
import { say } from './flow-builder';
import { validateFlow } from './flow-validator';

const graph = (nodes: object[], extra: object = {}) => ({ version: 1, start: 'start', settings: {}, nodes, ...extra });
const menu = { id: 'start', type: 'menu', name: '主菜单', prompts: say('请选择'), next: { '1': 'lookup' } };
const lookup = { id: 'lookup', type: 'http', name: '查询余额', url: '${serverUrl}/b/${account}', next: { ok: 'q', failure: 'q' } };
const queue = { id: 'q', type: 'queue', name: '账务队列', queueId: 3 };

describe('validateFlow', () => {
  it('finds nothing wrong in a sound flow', () => {
    expect(validateFlow(graph([menu, lookup, queue]), { knownQueueIds: [3], knownFlowIds: [] })).toEqual([]);
  });

  it('names the node and the branch of an edge to a missing node', () => {
    const broken = { ...lookup, next: { ok: 'q', failure: 'n9' } };
    expect(validateFlow(graph([menu, broken, queue]))).toEqual([
      { nodeId: 'lookup', outcome: 'failure', message: '节点「查询余额」的“失败”分支指向不存在的节点 n9' },
    ]);
  });

  it('reports a goto to a missing node, a missing start node and duplicate ids', () => {
    const problems = validateFlow(graph([{ id: 'a', type: 'goto', target: 'nowhere' }, queue, queue], { start: 'x' }));
    expect(problems.map((p) => p.message)).toEqual([
      '节点 ID「q」重复了 2 次，每个节点的 ID 必须唯一',
      '起始节点 x 不存在',
      '节点「a」的跳转目标指向不存在的节点 nowhere',
    ]);
    expect(problems[2]).toMatchObject({ nodeId: 'a', outcome: 'target' });
  });

  it('reports schema errors in Chinese at the node they are in, and still checks the other nodes', () => {
    const problems = validateFlow(
      graph([
        { ...menu, timeoutMs: 'soon', next: { '1': 'lookup', '2': 'gone' } },
        { id: 'lookup', type: 'collect', name: '输入户号', variable: '1st', prompts: [{ kind: 'tts' }], maxDigits: 4, pattern: '(', next: { ok: 'q' } },
        { id: 'odd', type: 'teleport' },
        { type: 'play' },
        queue,
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { nodeId: 'start', outcome: null, message: '节点「主菜单」的超时时间：应为数字' },
        { nodeId: 'lookup', outcome: null, message: expect.stringMatching(/^节点「输入户号」的变量名：变量名由字母/) },
        { nodeId: 'lookup', outcome: null, message: '节点「输入户号」的提示音第 1 项的文字：不能为空' },
        { nodeId: 'lookup', outcome: null, message: '节点「输入户号」的校验规则：不是有效的正则表达式' },
        { nodeId: 'odd', outcome: null, message: '节点「odd」的节点类型：未知的类型「teleport」' },
        { nodeId: null, outcome: null, message: '第 4 个节点的节点 ID：不能为空' },
        { nodeId: null, outcome: null, message: '第 4 个节点的提示音：不能为空' },
        { nodeId: 'start', outcome: '2', message: '节点「主菜单」的“按键 2”分支指向不存在的节点 gone' },
        { nodeId: 'odd', outcome: null, message: '节点「odd」从起始节点无法到达' },
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('reports problems of the graph itself', () => {
    expect(validateFlow('not a graph')).toEqual([{ nodeId: null, outcome: null, message: '流程内容不是有效的流程图' }]);
    expect(validateFlow({ version: 2, start: 'a', settings: { backKey: '**', timeZone: 'Mars/Base' }, nodes: [] }).map((p) => p.message)).toEqual([
      '流程的格式版本：取值应为 1',
      '流程的流程设置的返回上级键：应为一个按键：0–9、* 或 #',
      '流程的流程设置的时区：未知的时区',
      '流程至少需要一个节点',
    ]);
  });

  it('reports unreachable nodes', () => {
    const problems = validateFlow(graph([menu, lookup, queue, { id: 'lonely', type: 'play', name: '孤立提示', prompts: say('无人听到') }]));
    expect(problems).toEqual([{ nodeId: 'lonely', outcome: null, message: '节点「孤立提示」从起始节点无法到达' }]);
  });

  it('requires the branches each kind needs', () => {
    const problems = validateFlow(
      graph([
        { id: 'start', type: 'menu', name: '空菜单', prompts: say('请选择'), next: { timeout: 'c' } },
        { id: 'c', type: 'condition', name: '工作时间', test: { kind: 'business-hours' }, next: { true: 'col' } },
        { id: 'col', type: 'collect', name: '输入户号', variable: 'account', prompts: [], maxDigits: 8, next: { invalid: 'h' } },
        { id: 'h', type: 'http', name: '查询', url: 'http://x', next: {} },
      ]),
    );
    expect(problems.map((p) => [p.nodeId, p.outcome, p.message])).toEqual([
      ['start', null, '菜单「空菜单」至少需要一个按键分支'],
      ['c', 'false', '节点「工作时间」缺少“否”分支'],
      ['col', 'ok', '节点「输入户号」缺少“成功”分支'],
      ['h', 'ok', '节点「查询」缺少“成功”分支'],
      ['h', 'failure', '节点「查询」缺少“失败”分支'],
    ]);
  });

  it('reports outcomes a node does not have, including any branch of a terminal node', () => {
    const problems = validateFlow(graph([{ ...menu, next: { '1': 'q', ok: 'q' } }, { ...queue, next: { next: 'start' } }]));
    expect(problems).toEqual([
      { nodeId: 'start', outcome: 'ok', message: '节点「主菜单」没有“成功”这种分支' },
      { nodeId: 'q', outcome: 'next', message: '节点「账务队列」是结束节点，不能有后续分支“下一步”' },
    ]);
  });

  it('reports a silent loop (no prompt, no key) but not a loop through a menu', () => {
    const silent = validateFlow(
      graph([
        { id: 'start', type: 'set', name: '计数', variable: 'n', value: '${n}1', next: { next: 'check' } },
        { id: 'check', type: 'condition', name: '判断次数', test: { kind: 'variable', variable: 'n', op: 'eq', value: '111' }, next: { true: 'q', false: 'again' } },
        { id: 'again', type: 'goto', name: '重来', target: 'start' },
        queue,
      ]),
    );
    expect(silent).toEqual([
      {
        nodeId: 'start',
        outcome: null,
        message: '静默循环：「计数」→「判断次数」→「重来」→「计数」 之间循环时既不放音也不等待按键，来电者会一直听不到声音，请在循环中加入放音、菜单或结束节点',
      },
    ]);
    const retry = validateFlow(graph([menu, { ...lookup, next: { ok: 'q', failure: 'start' } }, queue]));
    expect(retry).toEqual([]);
    const selfLoop = validateFlow(graph([{ id: 'start', type: 'http', url: 'http://x', next: { ok: 'start', failure: 'start' } }]));
    expect(selfLoop.map((p) => p.message)).toEqual([expect.stringContaining('静默循环：「start」→「start」')]);
  });

  it('reports queues and sub-flows that do not exist when the known ids are given', () => {
    const flowWithRefs = graph(
      [
        { ...menu, next: { '1': 'sub', '2': 'q' } },
        { id: 'sub', type: 'subflow', name: '身份验证', flowId: 12, next: { next: 'q' } },
        queue,
      ],
      { settings: { agentQueueId: 8 } },
    );
    expect(validateFlow(flowWithRefs).length).toBe(0);
    expect(validateFlow(flowWithRefs, { knownQueueIds: [1], knownFlowIds: [5] }).map((p) => p.message)).toEqual([
      '流程设置的转人工队列 8 不存在',
      '节点「账务队列」的队列 3 不存在',
      '节点「身份验证」的子流程 12 不存在',
    ]);
  });
});
