/** Where the switch gets the IVR interpreter from (one import to change if it moves). */
import type { IvrEnvironment, IvrOutcome } from '../ivr/ivr-channel';

export async function runFlow(_graph: unknown, _env: IvrEnvironment, _options?: { flowId?: number; variables?: Record<string, string> }): Promise<IvrOutcome> {
  return { kind: 'hangup' };
}
