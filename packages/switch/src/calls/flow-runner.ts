/** Where the switch gets the IVR interpreter from: a published graph is checked against the schema first. */
import { IvrGraph } from '@rexian/contracts';
import type { IvrEnvironment, IvrOutcome } from '../ivr/ivr-channel';
import { runFlow as interpret } from '../ivr/run-flow';

export async function runFlow(graph: unknown, env: IvrEnvironment, options?: { flowId?: number; variables?: Record<string, string> }): Promise<IvrOutcome> {
  const parsed = IvrGraph.safeParse(graph);
  if (!parsed.success) throw new Error(`flow ${options?.flowId ?? '?'} is not a valid graph: ${parsed.error.message.slice(0, 200)}`);
  return interpret(parsed.data, env, options);
}
