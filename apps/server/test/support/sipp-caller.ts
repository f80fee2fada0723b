/**
 * A carrier's caller for end-to-end tests: SIPp dials a hotline number on our SIP port (through the
 * trusted demo trunk, 127.0.0.1), follows the steps of caller-scenario.ts and hangs up or waits for
 * the switch to. The Call-ID is fixed before the call starts (SIPp's -cid_str), so a test can find
 * the call's CDR; SIPp's message log is kept so a failed call can be read afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SippRun, freePort } from '../../../../packages/sip/test/support/sipp';
import { callerScenario, DIGIT_GAP_MS, type CallEnding, type CallerStep } from './caller-scenario';

export type { CallEnding, CallerStep } from './caller-scenario';

export interface HotlineCallProps {
  /** Our SIP port on 127.0.0.1 (ServerProcess.sipPort). */
  sipPort: number;
  /** The dialled number (Request-URI and To user). */
  number?: string;
  steps: readonly CallerStep[];
  /** Default: the caller hangs up after the steps. */
  ending?: CallEnding;
  /** The From user, as a carrier presents the calling number. */
  callerNumber?: string;
}

export interface HotlineCallResult {
  /** The Call-ID of the caller's INVITE, the id the switch gives the call. */
  callId: string;
  exitCode: number | null;
  /** SIPp's final statistics (-trace_stat columns, e.g. `SuccessfulCall(C)`). */
  stats: Record<string, string>;
  /** SIPp's error log (-trace_err): empty on a clean call. */
  errors: string;
  /** Every SIP message SIPp sent and received, with times (-trace_msg). */
  messages: string;
  /** SIPp exited 0 with one successful call. */
  succeeded: boolean;
}

export interface HotlineCall {
  callId: string;
  done: Promise<HotlineCallResult>;
  /** Kills SIPp at once (safe to call after it ended). */
  stop(): void;
}

/** Longest the steps can take, for SIPp's own -timeout and our kill timer. */
function stepsMs(steps: readonly CallerStep[], ending: CallEnding): number {
  const each = steps.map((s) => ('wait' in s ? s.wait : 'audio' in s ? s.audio : s.digits.length * DIGIT_GAP_MS));
  return each.reduce((a, b) => a + b, 0) + (ending.by === 'far-end' ? ending.timeoutMs : 0);
}

/** Starts the call and returns at once; `done` settles when SIPp has exited. */
export async function startHotlineCall(props: HotlineCallProps): Promise<HotlineCall> {
  const ending = props.ending ?? { by: 'caller' };
  const xml = callerScenario({ steps: props.steps, ending, callerNumber: props.callerNumber ?? '13800138000' });
  const dir = mkdtempSync(join(tmpdir(), 'rexian-caller-'));
  const scenario = join(dir, 'caller.xml');
  const messageFile = join(dir, 'messages.log');
  writeFileSync(scenario, xml);
  const tag = `rexian-test-${randomUUID().slice(0, 8)}`;
  // -m 1: SIPp's call number is 1, so "%u" makes the Call-ID exactly `${tag}-1@127.0.0.1`.
  const callId = `${tag}-1@127.0.0.1`;
  // Generous: call set-up and SIPp's retransmissions come on top of the steps.
  const seconds = Math.ceil(stepsMs(props.steps, ending) / 1000) + 20;
  const run = new SippRun(
    ['-sf', scenario, '-s', props.number ?? '8000', `127.0.0.1:${props.sipPort}`, '-i', '127.0.0.1', '-p', String(await freePort()),
      '-mi', '127.0.0.1', '-mp', String(await freePort()), '-m', '1', '-cid_str', `${tag}-%u@%s`,
      '-timeout', `${seconds}s`, '-timeout_error', '-trace_msg', '-message_file', messageFile],
    (seconds + 5) * 1000,
  );
  const done = run.done.then((result): HotlineCallResult => {
    let messages = '';
    try {
      messages = readFileSync(messageFile, 'latin1');
    } catch {
      // SIPp ended before sending anything: the error log says why.
    }
    rmSync(dir, { recursive: true, force: true });
    const succeeded = result.exitCode === 0 && result.stats['SuccessfulCall(C)'] === '1';
    return { callId, ...result, messages, succeeded };
  });
  return { callId, done, stop: () => run.stop() };
}

/** Places the call and waits until SIPp has exited (bounded by the steps plus 25 s). */
export async function callHotline(props: HotlineCallProps): Promise<HotlineCallResult> {
  const call = await startHotlineCall(props);
  return call.done;
}

/** The SIP status codes SIPp received, in order (e.g. [100, 200, 200] for INVITE and BYE). */
export function receivedStatuses(messages: string): number[] {
  return [...messages.matchAll(/message received[^\n]*\n+SIP\/2\.0 (\d{3})/g)].map((m) => Number(m[1]));
}

/** The requests SIPp sent, in order (e.g. ['INVITE', 'ACK', 'BYE']). */
export function sentRequests(messages: string): string[] {
  return [...messages.matchAll(/message sent[^\n]*\n+([A-Z]+) \S+ SIP\/2\.0/g)].map((m) => m[1] as string);
}
