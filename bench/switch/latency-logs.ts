/**
 * Offer latency from the two SIPp processes' <log> lines (-trace_logs), both stamped with
 * gettimeofday on the same machine: the callers write "lastdigit <caller> <sec> <usec>" once the
 * menu key's RFC 2833 event has been sent, the agents' phones "invite <caller> <sec> <usec>" when an
 * INVITE arrives (the caller's number is the From user the switch puts on the agent leg). The
 * latency of a call is its first agent INVITE after its last digit; a caller no INVITE names is
 * "unmatched" (not offered to an agent in time, or the switch did not present the caller number).
 */
export interface LatencyResult {
  /** Milliseconds from the last digit to the agent's INVITE, one per matched call, ascending. */
  latencies: number[];
  callers: number;
  unmatched: number;
}

/** `kind <caller> <sec> <usec>` lines → first time (ms) of each caller; SIPp prints its doubles as "123.000000". */
function stamps(log: string, kind: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const match of log.matchAll(new RegExp(`^${kind} (\\S+) (\\d+)(?:\\.\\d+)? (\\d+)(?:\\.\\d+)?$`, 'gm'))) {
    const at = Number(match[2]) * 1000 + Number(match[3]) / 1000;
    const list = out.get(match[1] as string) ?? [];
    list.push(at);
    out.set(match[1] as string, list);
  }
  return out;
}

export function offerLatencies(callersLog: string, agentsLog: string): LatencyResult {
  const digits = stamps(callersLog, 'lastdigit');
  const invites = stamps(agentsLog, 'invite');
  const latencies: number[] = [];
  for (const [caller, [pressed]] of digits) {
    const first = (invites.get(caller) ?? []).filter((at) => at >= (pressed as number)).sort((a, b) => a - b)[0];
    if (first !== undefined) latencies.push(first - (pressed as number));
  }
  latencies.sort((a, b) => a - b);
  return { latencies, callers: digits.size, unmatched: digits.size - latencies.length };
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
