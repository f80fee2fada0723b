/**
 * Checks a flow graph before it is saved or published (IVR-1): an empty list means publishable.
 * Each problem points at a node (and at the edge's outcome when it is about an edge) and says in
 * Chinese what is wrong, naming the node as the designer shows it.
 *
 * Checked: the schema (each node on its own, so one broken node does not hide the others);
 * duplicate node ids; the start node; edges and goto targets pointing at missing nodes; outcomes a
 * node kind does not have (a terminal node with `next`); required branches (a menu needs a key,
 * collect `ok`, http `ok` and `failure`, condition `true` and `false`); nodes the start cannot
 * reach; silent loops (see silent-loops.ts); queues and sub-flows that do not exist, when the
 * caller passes the known ids.
 */
import { IVR_MENU_KEYS, IVR_NODE_OUTCOMES, IvrGraph, IvrNode, type FlowProblem, type IvrNodeType } from '@rexian/contracts';
import { fieldLabel, issueReason, nodeLabel, outcomeLabel, type SchemaIssue } from './flow-problem-wording';
import { silentLoops } from './silent-loops';

export interface ValidateFlowOptions {
  knownQueueIds?: number[];
  knownFlowIds?: number[];
}

/** What the structural checks need of a node, read loosely so that a node failing the schema still counts. */
interface NodeShape {
  id: string;
  name: string | undefined;
  type: IvrNodeType | undefined;
  next: Record<string, unknown>;
  target: unknown;
}

/** The graph without its nodes: the nodes are checked one by one. */
const GraphShell = IvrGraph.omit({ nodes: true });
const MAX_NODES = 2000;

function problem(nodeId: string | null, outcome: string | null, message: string): FlowProblem {
  return { nodeId, outcome, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function shapeOf(raw: unknown): NodeShape | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id.trim() === '') return undefined;
  const type = typeof raw.type === 'string' && Object.hasOwn(IVR_NODE_OUTCOMES, raw.type) ? (raw.type as IvrNodeType) : undefined;
  return { id: raw.id, name: typeof raw.name === 'string' ? raw.name : undefined, type, next: isRecord(raw.next) ? raw.next : {}, target: raw.target };
}

function schemaProblems(issues: readonly SchemaIssue[], nodeId: string | null, where: string): FlowProblem[] {
  return issues.map((issue) => {
    const field = fieldLabel(issue.path);
    return problem(nodeId, null, `${where}${field === '' ? '' : `的${field}`}：${issueReason(issue)}`);
  });
}

export function validateFlow(graph: unknown, options: ValidateFlowOptions = {}): FlowProblem[] {
  if (!isRecord(graph)) return [problem(null, null, '流程内容不是有效的流程图')];
  const problems: FlowProblem[] = [];
  const shell = GraphShell.safeParse(graph, { reportInput: true });
  if (!shell.success) problems.push(...schemaProblems(shell.error.issues, null, '流程'));
  if (!Array.isArray(graph.nodes)) return [...problems, problem(null, null, '流程缺少节点列表')];
  if (graph.nodes.length === 0) return [...problems, problem(null, null, '流程至少需要一个节点')];
  if (graph.nodes.length > MAX_NODES) return [...problems, problem(null, null, `流程最多 ${MAX_NODES} 个节点`)];

  const shapes: NodeShape[] = [];
  const parsed: IvrNode[] = [];
  graph.nodes.forEach((raw, index) => {
    const shape = shapeOf(raw);
    if (shape !== undefined) shapes.push(shape);
    const result = IvrNode.safeParse(raw, { reportInput: true });
    if (result.success) parsed.push(result.data);
    else problems.push(...schemaProblems(result.error.issues, shape?.id ?? null, shape === undefined ? `第 ${index + 1} 个节点` : `节点${nodeLabel(shape)}`));
  });

  const ids = new Map<string, number>();
  for (const shape of shapes) ids.set(shape.id, (ids.get(shape.id) ?? 0) + 1);
  for (const [id, count] of ids) if (count > 1) problems.push(problem(id, null, `节点 ID「${id}」重复了 ${count} 次，每个节点的 ID 必须唯一`));

  const start = typeof graph.start === 'string' ? graph.start : undefined;
  if (start !== undefined && start !== '' && !ids.has(start)) problems.push(problem(null, null, `起始节点 ${start} 不存在`));

  problems.push(...edgeProblems(shapes, ids), ...branchProblems(parsed));
  if (start !== undefined && ids.has(start)) problems.push(...unreachable(shapes, start));
  problems.push(...loopProblems(shapes), ...referenceProblems(parsed, graph.settings, options));
  return problems;
}

function successorsOf(shape: NodeShape): string[] {
  const targets = Object.values(shape.next).filter((t): t is string => typeof t === 'string');
  if (shape.type === 'goto' && typeof shape.target === 'string') targets.push(shape.target);
  return targets;
}

function edgeProblems(shapes: readonly NodeShape[], ids: ReadonlyMap<string, number>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const shape of shapes) {
    const label = nodeLabel(shape);
    const allowed = shape.type === undefined ? undefined : IVR_NODE_OUTCOMES[shape.type];
    for (const [outcome, target] of Object.entries(shape.next)) {
      if (allowed !== undefined && !allowed.includes(outcome)) {
        problems.push(problem(shape.id, outcome, allowed.length === 0 ? `节点${label}是结束节点，不能有后续分支${outcomeLabel(outcome)}` : `节点${label}没有${outcomeLabel(outcome)}这种分支`));
      } else if (typeof target !== 'string' || !ids.has(target)) {
        problems.push(problem(shape.id, outcome, `节点${label}的${outcomeLabel(outcome)}分支指向不存在的节点 ${String(target)}`));
      }
    }
    if (shape.type === 'goto' && typeof shape.target === 'string' && shape.target !== '' && !ids.has(shape.target)) {
      problems.push(problem(shape.id, 'target', `节点${label}的跳转目标指向不存在的节点 ${shape.target}`));
    }
  }
  return problems;
}

const REQUIRED_BRANCHES: Partial<Record<IvrNodeType, string[]>> = {
  collect: ['ok'],
  http: ['ok', 'failure'],
  condition: ['true', 'false'],
};

function branchProblems(nodes: readonly IvrNode[]): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const node of nodes) {
    const label = nodeLabel(node);
    if (node.type === 'menu' && !IVR_MENU_KEYS.some((key) => Object.hasOwn(node.next, key))) {
      problems.push(problem(node.id, null, `菜单${label}至少需要一个按键分支`));
    }
    for (const outcome of REQUIRED_BRANCHES[node.type] ?? []) {
      if (!Object.hasOwn(node.next, outcome)) problems.push(problem(node.id, outcome, `节点${label}缺少${outcomeLabel(outcome)}分支`));
    }
  }
  return problems;
}

function unreachable(shapes: readonly NodeShape[], start: string): FlowProblem[] {
  const byId = new Map(shapes.map((shape) => [shape.id, shape]));
  const reached = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of successorsOf(byId.get(id) ?? { id, name: undefined, type: undefined, next: {}, target: undefined })) {
      if (byId.has(next) && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return shapes.filter((shape) => !reached.has(shape.id)).map((shape) => problem(shape.id, null, `节点${nodeLabel(shape)}从起始节点无法到达`));
}

function loopProblems(shapes: readonly NodeShape[]): FlowProblem[] {
  const byId = new Map(shapes.map((shape) => [shape.id, shape]));
  return silentLoops(shapes.map((shape) => ({ id: shape.id, type: shape.type, successors: successorsOf(shape) }))).map((loop) => {
    const names = loop.slice(0, 6).map((id) => nodeLabel(byId.get(id) ?? { id }));
    const path = names.join('→') + (loop.length > 6 ? '→…' : '') + `→${names[0] ?? ''}`;
    return problem(loop[0] ?? null, null, `静默循环：${path} 之间循环时既不放音也不等待按键，来电者会一直听不到声音，请在循环中加入放音、菜单或结束节点`);
  });
}

function referenceProblems(nodes: readonly IvrNode[], settings: unknown, options: ValidateFlowOptions): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const { knownQueueIds, knownFlowIds } = options;
  if (knownQueueIds !== undefined) {
    const agentQueueId = isRecord(settings) ? settings.agentQueueId : undefined;
    if (typeof agentQueueId === 'number' && !knownQueueIds.includes(agentQueueId)) {
      problems.push(problem(null, null, `流程设置的转人工队列 ${agentQueueId} 不存在`));
    }
    for (const node of nodes) {
      if (node.type === 'queue' && !knownQueueIds.includes(node.queueId)) problems.push(problem(node.id, null, `节点${nodeLabel(node)}的队列 ${node.queueId} 不存在`));
    }
  }
  if (knownFlowIds !== undefined) {
    for (const node of nodes) {
      if (node.type === 'subflow' && !knownFlowIds.includes(node.flowId)) problems.push(problem(node.id, null, `节点${nodeLabel(node)}的子流程 ${node.flowId} 不存在`));
    }
  }
  return problems;
}
