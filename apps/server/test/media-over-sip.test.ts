/**
 * Media over a real SIP call: SIPp calls the hotline through the SIP server, our media engine
 * answers, hears SIPp's G.711 and RFC 2833 captures, and plays a prompt to a receiver the test owns
 * (the m= port of SIPp's offer), which times every packet in a child process of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaEngine, type MediaSessionHandle, type SessionEvent } from '@rexian/media';
import { createSipServer, staticPhoneDirectory, type SipServer } from '@rexian/sip';
import { SippRun, freePort, type SippResult } from '../../../packages/sip/test/support/sipp';

const SCENARIO = fileURLToPath(new URL('./scenarios/uac-pcap-to-receiver.xml', import.meta.url));
/** The digits of the captures the scenario plays, in order (dtmf_2833_{1,5,9,pound}.pcap). */
const PCAP_DIGITS = '159#';
/** The prompt: a 1.0 s tone, which the 20 ms pacer sends as exactly 50 packets of 160 samples. */
const PROMPT_MS = 1000;
const PROMPT_PACKETS = PROMPT_MS / 20;

interface Arrival {
  atMs: number;
  seq: number;
  ts: number;
  pt: number;
  ssrc: number;
}

/** A UDP receiver in a child process (nothing else runs there) that times and parses each RTP packet. */
const RECEIVER = `
const s = require('node:dgram').createSocket('udp4');
const a = [];
s.on('message', (m) => {
  const atMs = Number(process.hrtime.bigint()) / 1e6;
  if (m.length >= 12 && m[0] >> 6 === 2) a.push({ atMs, seq: m.readUInt16BE(2), ts: m.readUInt32BE(4), pt: m[1] & 0x7f, ssrc: m.readUInt32BE(8) });
});
s.bind(0, '127.0.0.1', () => console.log(JSON.stringify({ port: s.address().port })));
process.stdin.on('data', () => { console.log(JSON.stringify({ arrivals: a })); s.close(); process.exit(0); });
setTimeout(() => process.exit(2), 60000).unref();
`;

class RtpReceiver {
  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: AsyncIterator<string>,
    readonly port: number,
  ) {}

  static async start(): Promise<RtpReceiver> {
    const child = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    const first = await lines.next();
    return new RtpReceiver(child, lines, (JSON.parse(String(first.value)) as { port: number }).port);
  }

  async finish(): Promise<Arrival[]> {
    this.child.stdin?.write('x');
    const line = await this.lines.next();
    return (JSON.parse(String(line.value)) as { arrivals: Arrival[] }).arrivals;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Every engine event, and the sessions whose `closed` event has come. */
const events: { id: string; event: SessionEvent }[] = [];
const closedIds = new Set<string>();

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

interface CallOutcome {
  sipp: SippResult;
  digits: string;
  playback: SessionEvent | undefined;
  /** RTP packets the session received from SIPp, from its `closed` event. */
  received: number | undefined;
  arrivals: Arrival[];
  leftover: { sessions: number; ports: number };
}

/** One call from SIPp through the SIP server to a media session that plays the prompt. */
async function callOnce(engine: MediaEngine, sip: SipServer, answered: MediaSessionHandle[]): Promise<CallOutcome> {
  const receiver = await RtpReceiver.start();
  cleanup.push(() => receiver.kill());
  const address = sip.address as { port: number };
  const sipp = new SippRun(
    ['-sf', SCENARIO, '-s', '8000', `127.0.0.1:${address.port}`, '-i', '127.0.0.1', '-p', String(await freePort()), '-mi', '127.0.0.1', '-mp', String(await freePort()),
      '-key', 'receiver_port', String(receiver.port), '-m', '1', '-timeout', '20s', '-timeout_error'],
    25_000,
  );
  cleanup.push(() => sipp.stop());
  const before = answered.length;
  const result = await sipp.done;
  const session = answered[before];
  // The BYE closes the session; its last events (and its closing) reach the main thread shortly after.
  const settled = (): boolean => session === undefined || closedIds.has(session.id);
  for (let waited = 0; !settled() && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  const mine = events.filter((e) => e.id === session?.id).map((e) => e.event);
  const counts = await engine.counts();
  return {
    sipp: result,
    digits: mine.flatMap((e) => (e.type === 'dtmf' ? [e.digit] : [])).join(''),
    playback: mine.find((e) => e.type === 'playback-finished'),
    received: mine.flatMap((e) => (e.type === 'closed' ? [e.stats.packetsReceived] : []))[0],
    arrivals: await receiver.finish(),
    leftover: { sessions: counts.sessions, ports: counts.ports },
  };
}

describe('media over SIP, with SIPp as the caller', () => {
  it('detects the RFC 2833 digits of SIPp’s pcaps, and its prompt reaches the caller’s RTP address whole and on time (20 ms ± 5 ms at p99)', async () => {
    const engine = await MediaEngine.start({ workers: 1, portRange: { min: 47000, max: 47099 }, address: '127.0.0.1' });
    cleanup.push(() => engine.close());
    engine.on((id, event) => {
      events.push({ id, event });
      if (event.type === 'closed') closedIds.add(id);
    });
    const answered: MediaSessionHandle[] = [];
    const sip = createSipServer({
      host: '127.0.0.1',
      port: 0,
      transports: ['udp'],
      realm: 'rexian.test',
      phones: staticPhoneDirectory('rexian.test', []),
      trunks: [{ kind: 'peer', name: 'sipp', addresses: ['127.0.0.1'] }],
      hotlineNumbers: ['8000'],
      answer: async ({ request, offerSdp }) => {
        const session = await engine.createSession({ offer: offerSdp, group: request.callId });
        answered.push(session);
        await session.play([{ kind: 'tone', frequencies: [440], ms: PROMPT_MS }], { bargeIn: false });
        return { sdp: session.sdp, onEnd: () => void session.close('bye') };
      },
    });
    cleanup.push(() => sip.close());
    await sip.start();

    // The 2 cores may be shared with other test files: a run whose timing misses is tried once
    // more and the better run kept (both are printed). Everything but the timing must hold in each.
    const jitters: number[] = [];
    for (let attempt = 1; attempt <= 2 && (jitters.at(-1) ?? Infinity) >= 5; attempt++) {
      const call = await callOnce(engine, sip, answered);
      expect({ exitCode: call.sipp.exitCode, successful: call.sipp.stats['SuccessfulCall(C)'], failed: call.sipp.stats['FailedCall(C)'], errors: call.sipp.errors }).toEqual({ exitCode: 0, successful: '1', failed: '0', errors: '' });
      expect(answered).toHaveLength(attempt);
      expect(call.digits).toBe(PCAP_DIGITS);
      expect(call.playback).toMatchObject({ type: 'playback-finished', reason: 'completed' });
      // 4 digits × 10 event packets, after 1.5 s of g711a.pcap (30 ms packets, so about 50 of them).
      expect(call.received).toBeGreaterThanOrEqual(40 + 40);

      // Only our session sends to the receiver, and only the prompt: no silence before or after it.
      const { arrivals } = call;
      expect(arrivals).toHaveLength(PROMPT_PACKETS);
      const first = arrivals[0] as Arrival;
      expect(first.pt).toBe(8); // PCMA, the first codec SIPp offers
      for (const [i, p] of arrivals.entries()) {
        expect({ pt: p.pt, ssrc: p.ssrc, seq: p.seq, ts: p.ts }).toEqual({ pt: first.pt, ssrc: first.ssrc, seq: (first.seq + i) % 65536, ts: (first.ts + 160 * i) % 2 ** 32 });
      }
      const deviation = arrivals.slice(1).map((p, i) => Math.abs(p.atMs - (arrivals[i] as Arrival).atMs - 20));
      const p99 = percentile(deviation, 99);
      console.log(`call ${attempt}: ${arrivals.length} packets, digits ${call.digits}, interval deviation from 20 ms p99 ${p99.toFixed(2)} ms, max ${Math.max(...deviation).toFixed(2)} ms at interval ${deviation.indexOf(Math.max(...deviation)) + 1}, received ${call.received}`);
      jitters.push(p99);
      expect(call.leftover).toEqual({ sessions: 0, ports: 0 });
    }
    expect(Math.min(...jitters)).toBeLessThan(5);
  }, 60_000);
});
