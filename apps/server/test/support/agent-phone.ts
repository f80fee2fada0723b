/**
 * An agent's desk phone for end-to-end tests: headless baresip 1.0.0 (Debian baresip-core) that
 * registers an extension to our SIP server, rings or answers by itself, speaks a steady tone into
 * the call (aufile module, a WAV made by sox at 8 kHz, since ausine only runs at 48 kHz stereo)
 * and writes what it hears to a WAV (sndfile module: it dumps the decoded far-end audio of each
 * call). Driven at run time through the ctrl_tcp module (baresip-control.ts); its events give the
 * registration and call states.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../../packages/sip/test/support/sipp';
import { BaresipControl, type BaresipEvent } from './baresip-control';

export const hasBaresip = spawnSync('sh', ['-c', 'command -v baresip && command -v sox'], { encoding: 'utf8' }).status === 0;

/** `auto` answers at once; `manual` rings until the test calls answer(); `never` rings until the caller gives up. */
export type AnswerMode = 'auto' | 'manual' | 'never';

export interface AgentPhoneProps {
  extension: string;
  password: string;
  /** Our SIP port on 127.0.0.1; without it the phone does not register (reach it at `phone.sipPort`). */
  sipPort?: number;
  answer?: AnswerMode;
  /** A steady sine as the microphone (amplitude 0–1 of full scale); silence without it. */
  speak?: { toneHz: number; amplitude?: number };
  /** Where the far end's audio of the last finished call is copied (16-bit mono WAV, 8 kHz). */
  record?: string;
}

export type PhoneCallState = 'incoming' | 'outgoing' | 'ringing' | 'established' | 'closed';

export interface PhoneCall {
  /** The SIP Call-ID of this phone's dialog. */
  id: string;
  direction: string;
  peer: string;
  state: PhoneCallState;
  /** Why it closed, as baresip says (e.g. "Connection reset by user", "487 Request Terminated"). */
  reason: string | null;
}

export interface AgentPhone {
  extension: string;
  /** The port baresip listens on (UDP and TCP, 127.0.0.1). */
  sipPort: number;
  /** Everything baresip printed so far. */
  log(): string;
  /** Every registration and call event so far, oldest first. */
  events(): readonly BaresipEvent[];
  calls(): PhoneCall[];
  /** A menu command through ctrl_tcp: '/accept', '/hangup', '/dial sip:8000@127.0.0.1:5060'. */
  command(line: string): Promise<string>;
  /** Answers the ringing call ('manual' phones). */
  answer(): Promise<void>;
  /** Resolves with baresip's output once it matches `pattern`; rejects after `ms`. */
  waitFor(pattern: RegExp, ms: number): Promise<string>;
  /** Resolves with the first call (newest first) in `state`; rejects after `ms`. */
  waitForCall(state: PhoneCallState, ms: number): Promise<PhoneCall>;
  /** Resolves once the server answered REGISTER with 200; rejects on a refusal or after `ms`. */
  waitRegistered(ms: number): Promise<void>;
  /** The far end's audio of the last finished call, copied to `record` (needs `record`). */
  recording(ms: number): Promise<string>;
  /** SIGTERM (baresip un-registers and hangs up), SIGKILL after 3 s; safe to call twice. */
  stop(): Promise<void>;
}

const CALL_STATES: Record<string, PhoneCallState> = {
  CALL_INCOMING: 'incoming', CALL_OUTGOING: 'outgoing', CALL_RINGING: 'ringing', CALL_PROGRESS: 'ringing', CALL_ESTABLISHED: 'established', CALL_CLOSED: 'closed',
};

async function until<T>(find: () => T | undefined, ms: number, what: string, log: () => string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms; baresip said:\n${log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A 16-bit 8 kHz mono WAV: the tone, or silence. Two minutes: aufile stops at the end of the file. */
function microphoneWav(dir: string, speak: AgentPhoneProps['speak']): string {
  const file = join(dir, 'microphone.wav');
  const synth = speak ? ['synth', '120', 'sine', String(speak.toneHz), 'vol', String(speak.amplitude ?? 0.3)] : ['trim', '0', '120'];
  const made = spawnSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', file, ...synth], { encoding: 'utf8', timeout: 10_000 });
  if (made.status !== 0) throw new Error(`sox could not make the phone's microphone: ${made.stderr}`);
  return file;
}

export async function startAgentPhone(props: AgentPhoneProps): Promise<AgentPhone> {
  if (!/^\d{2,10}$/.test(props.extension)) throw new Error(`extension must be 2–10 digits: "${props.extension}"`);
  const mode = props.answer ?? 'auto';
  const dir = mkdtempSync(join(tmpdir(), `rexian-agent-${props.extension}-`));
  const recordings = join(dir, 'heard');
  const [sipPort, controlPort] = [await freePort(), await freePort()];
  writeFileSync(join(dir, 'config'), [
    'poll_method\tepoll',
    'net_interface\t127.0.0.1',
    `sip_listen\t127.0.0.1:${sipPort}`,
    // The ear goes nowhere (a bridge without its other end); the mouth is the WAV.
    'audio_player\taubridge,ear',
    `audio_source\taufile,${microphoneWav(dir, props.speak)}`,
    'module_path\t/usr/lib/baresip/modules',
    'module\tg711.so',
    'module\taubridge.so',
    'module\taufile.so',
    ...(props.record ? ['module\tsndfile.so', `snd_path\t${recordings}`] : []),
    'module_tmp\taccount.so',
    'module_app\tmenu.so',
    'module_app\tctrl_tcp.so',
    `ctrl_tcp_listen\t127.0.0.1:${controlPort}`,
    '',
  ].join('\n'));
  if (props.record) mkdirSync(recordings);
  const registrar = props.sipPort === undefined ? 'regint=0' : `auth_pass=${props.password};regint=600`;
  const host = props.sipPort === undefined ? '127.0.0.1' : `127.0.0.1:${props.sipPort}`;
  // baresip 1.0 knows answermode manual|early|auto; 'never' is 'manual' that nobody answers.
  const answermode = mode === 'auto' ? 'auto' : 'manual';
  writeFileSync(join(dir, 'accounts'), `<sip:${props.extension}@${host}>;${registrar};answermode=${answermode};audio_codecs=pcma,pcmu\n`);
  writeFileSync(join(dir, 'contacts'), '');

  let output = '';
  const events: BaresipEvent[] = [];
  const calls = new Map<string, PhoneCall>();
  const child = spawn('baresip', ['-f', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onEvent = (event: BaresipEvent) => {
    events.push(event);
    const state = CALL_STATES[event.type];
    if (state === undefined || event.id === undefined) return;
    const known = calls.get(event.id);
    calls.set(event.id, {
      id: event.id, direction: event.direction ?? known?.direction ?? '', peer: event.peeruri ?? known?.peer ?? '', state,
      reason: state === 'closed' ? (event.param ?? null) : null,
    });
  };
  let control: BaresipControl | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    control?.close();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(late);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    control = await BaresipControl.connect(controlPort, onEvent);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  const log = () => output;
  const connected = control;

  return {
    extension: props.extension,
    sipPort,
    log,
    events: () => events,
    calls: () => [...calls.values()],
    command: (line) => connected.command(line),
    async answer() {
      if (mode === 'never') throw new Error(`phone ${props.extension} is set never to answer`);
      await connected.command('/accept');
    },
    waitFor: (pattern, ms) => until(() => pattern.exec(output)?.[0], ms, `baresip did not print ${pattern}`, log),
    waitForCall: (state, ms) => until(() => [...calls.values()].reverse().find((c) => c.state === state), ms, `no call reached "${state}"`, log),
    async waitRegistered(ms) {
      if (props.sipPort === undefined) throw new Error('this phone does not register (no sipPort)');
      // The first REGISTER may finish before ctrl_tcp is connected, so the printed status line
      // ("1001@127.0.0.1: {0/UDP/v4} 200 OK () [1 binding]") counts as much as the event.
      const outcome = await until(() => {
        const event = events.find((e) => e.type === 'REGISTER_OK' || e.type === 'REGISTER_FAIL');
        if (event) return event.type === 'REGISTER_OK' ? 'ok' : `refused: ${event.param ?? ''}`;
        const status = /\{\d+\/\w+\/v[46]\} (\d{3}) /.exec(output)?.[1];
        return status === undefined ? undefined : status === '200' ? 'ok' : `refused: ${status}`;
      }, ms, 'registration', log).catch(() => 'not registered (a wrong password gets no answer once the server blocks it)');
      if (outcome !== 'ok') throw new Error(`phone ${props.extension} is ${outcome}:\n${output.slice(-2000)}`);
    },
    async recording(ms) {
      const target = props.record;
      if (target === undefined) throw new Error('this phone records nothing (no record path)');
      // sndfile names each call's file by the second it started and completes the WAV header when
      // the call's audio closes: wait for a header whose sizes match the file.
      const heard = await until(() => {
        const files = readdirSync(recordings).filter((f) => f.endsWith('-dec.wav')).sort();
        const last = files.at(-1);
        if (last === undefined) return undefined;
        const file = join(recordings, last);
        const header = readFileSync(file).subarray(0, 8);
        return header.length === 8 && header.readUInt32LE(4) === statSync(file).size - 8 ? file : undefined;
      }, ms, 'no finished recording', log);
      copyFileSync(heard, target);
      return target;
    },
    stop,
  };
}
