/**
 * Silent loops: cycles of nodes in which the caller hears nothing and is asked nothing, such as
 * set → condition → goto → set or an HTTP lookup retried forever. The caller would sit in silence
 * until the step limit hangs up. A node "does something for the caller" when it plays, reads keys,
 * records, transfers or ends the call: play, say, menu, collect, survey, record, voicemail,
 * transfer, queue, hangup; a sub-flow counts too (its own flow is checked on its own). The silent
 * kinds are set, condition, http, goto and return. A cycle through at least one node of the first
 * kind is fine (a menu that repeats itself); a cycle made only of silent nodes is reported.
 */

export const SILENT_NODE_TYPES: ReadonlySet<string> = new Set(['set', 'condition', 'http', 'goto', 'return']);

export interface LoopNode {
  id: string;
  type: string | undefined;
  /** Ids of the nodes this one can lead to. */
  successors: string[];
}

/**
 * The groups of silent nodes that lie on a cycle among themselves (strongly connected components
 * of the silent nodes, after Tarjan), each listed in graph order.
 */
export function silentLoops(nodes: readonly LoopNode[]): string[][] {
  const silent = new Map(nodes.filter((n) => n.type !== undefined && SILENT_NODE_TYPES.has(n.type)).map((n) => [n.id, n]));
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  let counter = 0;

  const visit = (id: string): void => {
    index.set(id, counter);
    lowLink.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of silent.get(id)?.successors ?? []) {
      if (!silent.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        lowLink.set(id, Math.min(lowLink.get(id) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(id, Math.min(lowLink.get(id) ?? 0, index.get(next) ?? 0));
      }
    }
    if (lowLink.get(id) !== index.get(id)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === id) break;
    }
    const selfLoop = component.length === 1 && (silent.get(id)?.successors.includes(id) ?? false);
    if (component.length > 1 || selfLoop) loops.push(component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
  };

  for (const id of silent.keys()) if (!index.has(id)) visit(id);
  return loops.sort((a, b) => (order.get(a[0] ?? '') ?? 0) - (order.get(b[0] ?? '') ?? 0));
}
