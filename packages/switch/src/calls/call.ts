/**
 * A call as the switch sees it: the caller's leg at the root, the agent's leg (and a consulted
 * party's leg during a consult transfer) bridged to it, what the caller did in the IVR, where it
 * waited and who answered. The CDR row mirrors it through `cdr`.
 */
import type { CallOutcome, CallSummary, CallerListKind } from '@rexian/contracts';
import type { CallerIdentity } from '@rexian/sip';
import type { CdrWriter } from './cdr-writer';
import type { Leg } from './leg';

export type CallState = 'ivr' | 'queued' | 'ringing' | 'talking' | 'held' | 'ended';

export class Call {
  state: CallState = 'ivr';
  readonly variables: Record<string, string> = {};
  digits = '';
  readonly ivrPath: string[] = [];
  callerList: CallerListKind | null = null;
  queueId: number | null = null;
  queueName: string | null = null;
  queuedAt: number | undefined;
  agentId: number | null = null;
  agentLeg: Leg | undefined;
  /** The party an agent consults (咨询) before transferring or conferencing. */
  consultLeg: Leg | undefined;
  conferenceId: string | undefined;
  /** A team leader's phone listening, whispering or barged in (监听 / 密语 / 强插). */
  supervisorLeg: Leg | undefined;
  /** Legs still ringing for this call (an offer to an agent, a transfer target). */
  readonly ringing = new Set<Leg>();
  outcome: CallOutcome = 'in-progress';
  answeredAt: Date | undefined;
  recordingPath: string | undefined;
  recordingStartedAt: Date | undefined;
  /** Aborted when the caller hangs up: stops the IVR and any waiting. */
  readonly hangup = new AbortController();
  /** Timers of the queue (announcements) to clear when the call leaves the queue. */
  readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly id: string,
    readonly direction: 'inbound' | 'outbound' | 'internal',
    readonly callerNumber: string,
    readonly calledNumber: string,
    readonly trunk: string | null,
    readonly identity: CallerIdentity | undefined,
    readonly callerLeg: Leg,
    readonly cdr: CdrWriter,
  ) {}

  get ended(): boolean {
    return this.state === 'ended';
  }

  summary(): CallSummary {
    return {
      callId: this.id,
      callerNumber: this.callerNumber,
      calledNumber: this.calledNumber,
      queueId: this.queueId,
      queueName: this.queueName,
      variables: publicVariables(this.variables),
      digits: this.digits,
      ivrPath: [...this.ivrPath],
      callerList: this.callerList,
    };
  }

  clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** The variables the IVR collected, without those the switch presets for every flow. */
export function publicVariables(variables: Record<string, string>): Record<string, string> {
  const { callId: _callId, callerNumber: _caller, calledNumber: _called, serverUrl: _url, ...rest } = variables;
  return rest;
}
