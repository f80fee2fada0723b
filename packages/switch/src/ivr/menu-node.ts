/**
 * The `menu` node (IVR-2, IVR-3): one key picks a branch. In every menu the flow's back key returns
 * to the menu one level up, the top key to the first menu, the agent key to an agent — unless the
 * menu has a branch for that key, which wins. Menus entered are kept on the frame's menu stack;
 * entering a menu that is already on it (a "repeat" branch, a goto) cuts the stack back to it, so
 * loops through menus do not grow it.
 */
import type { IvrMenuNode, IvrPrompt } from '@rexian/contracts';
import type { IvrOutcome } from './ivr-channel';
import type { FlowFrame, FlowRun, NodeResult } from './flow-run';

export const DEFAULT_INVALID_PROMPTS: IvrPrompt[] = [{ kind: 'tts', text: '您的输入有误，请重新输入。' }];

export function agentOutcome(frame: FlowFrame): IvrOutcome {
  return frame.agentQueueId === null ? { kind: 'agent' } : { kind: 'queue', queueId: frame.agentQueueId };
}

function enterMenu(frame: FlowFrame, nodeId: string): void {
  const at = frame.menuStack.indexOf(nodeId);
  if (at >= 0) frame.menuStack.length = at + 1;
  else frame.menuStack.push(nodeId);
}

/** What a key means in this menu; undefined for a key the menu does not know. */
function chosen(node: IvrMenuNode, frame: FlowFrame, key: string): NodeResult | undefined {
  if (Object.hasOwn(node.next, key)) return { outcome: key };
  const { backKey, topKey, agentKey } = frame.keys;
  const stack = frame.menuStack;
  if (key === backKey) {
    // At the first menu there is no level up: the menu starts again.
    if (stack.length >= 2) stack.pop();
    return { jump: stack[stack.length - 1] ?? node.id };
  }
  if (key === topKey) return { jump: stack[0] ?? node.id };
  if (key === agentKey) return { end: agentOutcome(frame) };
  return undefined;
}

export async function runMenu(node: IvrMenuNode, frame: FlowFrame, run: FlowRun): Promise<NodeResult> {
  enterMenu(frame, node.id);
  for (let failures = 0; ; ) {
    // A key pressed during an earlier prompt answers the menu without playing it again (type-ahead).
    const key = run.takePendingDigit() ?? (await run.play(node.prompts, true)) ?? (await run.oneKey(node.timeoutMs));
    const result = key === undefined ? undefined : chosen(node, frame, key);
    if (result !== undefined) return result;
    const failure = key === undefined ? 'timeout' : 'invalid';
    failures += 1;
    if (failures > node.maxRetries) return { outcome: failure };
    const apology = failure === 'invalid' ? (node.invalidPrompts ?? DEFAULT_INVALID_PROMPTS) : (node.timeoutPrompts ?? []);
    run.pendingDigit = await run.play(apology, true);
  }
}
