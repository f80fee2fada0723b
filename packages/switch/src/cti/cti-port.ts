/**
 * The CTI interface as the server sees the switch: commands in (on behalf of an agent, a user id),
 * events out, and a snapshot to resync a page after it (re)connects.
 */
import type { CtiCommand, CtiEvent, CtiResult, CtiSnapshot } from '@rexian/contracts';

export interface CtiPort {
  execute(agentId: number, command: CtiCommand): Promise<CtiResult>;
  on(listener: (event: CtiEvent) => void): () => void;
  snapshot(): CtiSnapshot;
}
