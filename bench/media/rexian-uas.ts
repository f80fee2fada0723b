/**
 * The system under test for bench/media-concurrent.ts, in its own process so its CPU and memory
 * can be measured alone: the SIP example UAS (packages/sip) answering every INVITE through our
 * media engine (packages/media). Each call plays a looping prompt (espeak-ng text-to-speech, or a
 * tone when espeak-ng is missing), receives the caller's audio and records both directions to a
 * stereo WAV (deleted when the call ends, so a long run does not fill the disk).
 *
 *   node --import tsx bench/media/rexian-uas.ts SIP_PORT RTP_MIN RTP_MAX
 * Prints `ready <port>`; on SIGTERM prints one JSON line of totals and exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { MediaEngine, type PlaylistItem, type SessionStats } from '@rexian/media';
import { ExampleUas } from '@rexian/sip';

const [sipPort, rtpMin, rtpMax] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'rexian-bench-media-'));
const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
const prompt: PlaylistItem[] = hasEspeak
  ? [{ kind: 'tts', text: '您好，欢迎致电客户服务热线。' }, { kind: 'silence', ms: 300 }]
  : [{ kind: 'tone', frequencies: [440, 660], ms: 2000 }, { kind: 'silence', ms: 300 }];

const warmOffer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 9 RTP/AVP 0', 'a=recvonly', ''].join('\r\n');
const engine = await MediaEngine.start({ portRange: { min: rtpMin ?? 46000, max: rtpMax ?? 49999 }, ttsCacheDir: join(dir, 'tts') });
// Warm-up: one session per worker loads (and synthesizes) the prompt, so the first calls of the
// measured load do not wait for espeak-ng or stall a worker while it starts the synthesizer.
const warm = await Promise.all(Array.from({ length: cpus().length }, () => engine.createSession({ offer: warmOffer })));
await Promise.all(warm.map((s) => s.play(prompt)));
await Promise.all(warm.map((s) => s.close()));

const totals = { calls: 0, ended: 0, failed: 0, packetsSent: 0, packetsReceived: 0, packetsLost: 0, jitterMsMax: 0, dtmf: 0 };
engine.on((_id, event) => {
  if (event.type === 'dtmf') totals.dtmf++;
  if (event.type === 'closed') add(event.stats);
});
function add(stats: SessionStats): void {
  totals.packetsSent += stats.packetsSent;
  totals.packetsReceived += stats.packetsReceived;
  totals.packetsLost += stats.packetsLost;
  totals.jitterMsMax = Math.max(totals.jitterMsMax, stats.jitterMs);
}

let n = 0;
const uas = await ExampleUas.listen({
  host: '127.0.0.1',
  port: sipPort ?? 0,
  tcp: false,
  answer: async ({ offerSdp }) => {
    const session = await engine.createSession({ offer: offerSdp });
    totals.calls++;
    const path = join(dir, `call-${++n}.wav`);
    try {
      await session.play(prompt, { loop: true });
      await session.startRecording(path, 'stereo');
    } catch (error) {
      totals.failed++;
      await session.close();
      throw error;
    }
    return {
      sdp: session.sdp,
      onEnd: () => {
        totals.ended++;
        void session
          .stopRecording()
          .catch(() => undefined)
          .then(() => session.close('bye'))
          .then(() => unlink(path).catch(() => undefined));
      },
    };
  },
});
process.stdout.write(`ready ${uas.endpoint.port}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    const counts = await engine.counts();
    await uas.close();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`${JSON.stringify({ ...totals, leftoverSessions: counts.sessions, leftoverPorts: counts.ports, lateTicks: counts.lateTicks, worstLateMs: counts.worstLateMs })}\n`);
    process.exit(0);
  })();
});
