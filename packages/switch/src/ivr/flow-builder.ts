/** Test support: a flow graph from a list of nodes, starting at the first, with defaults filled in. */
import { IvrGraph, type IvrGraphInput } from '@rexian/contracts';

export type NodeInput = IvrGraphInput['nodes'][number];

export const say = (text: string) => [{ kind: 'tts' as const, text }];

export function flow(nodes: NodeInput[], settings: IvrGraphInput['settings'] = {}): IvrGraph {
  return IvrGraph.parse({ version: 1, start: nodes[0]?.id ?? 'none', settings, nodes });
}
