/**
 * The IVR interpreter: runs a flow graph (`IvrGraph` of @rexian/contracts) against an
 * `IvrEnvironment` until the flow hands the call on (queue, agent, transfer, voicemail) or ends it.
 * Pure TypeScript without Node modules: the designer's simulator runs it in the browser.
 *
 * - An outcome without an edge ends the call with `hangup` (e.g. an announcement with no `next`).
 * - Every node entered is a step; past `settings.maxSteps` (default 1000) of the flow the call
 *   started in, `onNode('step-limit')` is called and the call ends with `hangup`.
 * - A sub-flow runs in its own frame (own menu stack and keys) to at most 8 levels deep; its
 *   `return` node continues the calling flow at the sub-flow node's `next`, and a sub-flow that
 *   cannot run (unknown, unpublished, too deep) is skipped.
 * - A hang-up (the channel's signal) ends the run with `caller-hung-up`, never with an exception.
 */
import { IvrGraph, type IvrNode, type IvrSubflowNode } from '@rexian/contracts';
import { CallerHungUp, DEFAULT_MAX_STEPS, flowFrame, FlowRun, type FlowFrame, type NodeResult } from './flow-run';
import type { IvrEnvironment, IvrOutcome } from './ivr-channel';
import { runNode } from './run-node';

export const MAX_SUBFLOW_DEPTH = 8;
export const STEP_LIMIT_NODE = 'step-limit';

export interface RunFlowOptions {
  /** The flow's id, reported with each node to `onNode`. */
  flowId?: number;
  /** Variables the call starts with: the switch sets `callId`, `callerNumber`, `calledNumber`, `serverUrl`. */
  variables?: Record<string, string>;
}

/** The graph handed to `runFlow` does not follow the schema (it should have been validated on publish). */
export class InvalidFlowError extends Error {
  override readonly name = 'InvalidFlowError';
}

type FlowEnd = IvrOutcome | { kind: 'return' };

const HANGUP: IvrOutcome = { kind: 'hangup' };

export async function runFlow(graph: IvrGraph, env: IvrEnvironment, options: RunFlowOptions = {}): Promise<IvrOutcome> {
  // Parsing again fills in the defaults of a graph that was built by hand rather than parsed.
  const parsed = IvrGraph.safeParse(graph);
  if (!parsed.success) throw new InvalidFlowError(`IVR flow ${options.flowId ?? ''} does not follow the graph schema: ${parsed.error.message}`);
  const run = new FlowRun(env, parsed.data.settings.maxSteps ?? DEFAULT_MAX_STEPS, options.variables ?? {});
  try {
    const end = await runGraph(flowFrame(parsed.data, options.flowId, 0), run);
    return end.kind === 'return' ? HANGUP : end;
  } catch (error) {
    if (error instanceof CallerHungUp || env.channel.signal.aborted) return { kind: 'caller-hung-up' };
    throw error;
  }
}

async function runGraph(frame: FlowFrame, run: FlowRun): Promise<FlowEnd> {
  let nodeId: string | undefined = frame.graph.start;
  for (;;) {
    run.throwIfHungUp();
    const node: IvrNode | undefined = nodeId === undefined ? undefined : frame.nodes.get(nodeId);
    if (node === undefined) return HANGUP;
    run.steps += 1;
    if (run.steps > run.maxSteps) {
      run.enter(STEP_LIMIT_NODE, frame.flowId);
      return HANGUP;
    }
    run.enter(node.id, frame.flowId);
    const result: NodeResult = node.type === 'subflow' ? await runSubflow(node, frame, run) : await runNode(node, frame, run);
    if ('end' in result) return result.end;
    nodeId = 'jump' in result ? result.jump : Object.hasOwn(node.next, result.outcome) ? node.next[result.outcome] : undefined;
  }
}

async function runSubflow(node: IvrSubflowNode, frame: FlowFrame, run: FlowRun): Promise<NodeResult> {
  if (frame.depth + 1 > MAX_SUBFLOW_DEPTH) return { outcome: 'next' };
  let loaded: unknown;
  try {
    loaded = await run.env.loadFlow(node.flowId);
  } catch {
    loaded = undefined;
  }
  run.throwIfHungUp();
  const parsed = IvrGraph.safeParse(loaded);
  if (loaded === undefined || !parsed.success) return { outcome: 'next' };
  const end = await runGraph(flowFrame(parsed.data, node.flowId, frame.depth + 1), run);
  return end.kind === 'return' ? { outcome: 'next' } : { end };
}
