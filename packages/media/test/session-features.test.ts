import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeWavChannels } from '../src/wav/wav-reader.js';
import { toneLevel } from '../src/tones/level-meter.js';
import { parseRtcpCompound } from '../src/rtcp/rtcp-packet.js';
import { parseRtp } from '../src/rtp/rtp-packet.js';
import { toneFrame } from './phone.js';
import { SessionHarness, sleep } from './session-harness.js';
import { phoneOffer } from './udp-peer.js';

let harness: SessionHarness;
const dir = mkdtempSync(join(tmpdir(), 'rexian-media-'));
afterEach(async () => {
  expect(await harness.close()).toEqual({ sessions: 0, ports: 0 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DTMF: Record<string, [number, number]> = { '1': [697, 1209], '5': [770, 1336], '9': [852, 1477], '#': [941, 1477] };

describe('media session features', () => {
  it('records the caller (left) and what we play (right) each in its own channel, at the expected level', async () => {
    harness = new SessionHarness();
    const leg = await harness.call();
    const path = join(dir, 'call.wav');
    await harness.host.handle({ op: 'record', sessionId: leg.id, action: 'start', path, mode: 'stereo' });
    await harness.host.handle({ op: 'play', sessionId: leg.id, items: [{ kind: 'tone', frequencies: [1000], ms: 1000, amplitude: 4000 }] });
    await leg.phone.stream(leg.port, 50, (i) => toneFrame([300], i * 160, 6000));
    await sleep(100);
    const result = (await harness.host.handle({ op: 'record', sessionId: leg.id, action: 'stop' })) as { durationMs: number };
    expect(result.durationMs).toBeGreaterThan(900);
    const [left, right] = decodeWavChannels(readFileSync(path));
    const mid = (c: Int16Array | undefined): Int16Array => (c ?? new Int16Array()).subarray(2400, 6400);
    expect(toneLevel(mid(left), 300)).toBeGreaterThan(5000);
    expect(toneLevel(mid(left), 1000)).toBeLessThan(200);
    expect(toneLevel(mid(right), 1000)).toBeGreaterThan(3500);
    expect(toneLevel(mid(right), 1000)).toBeLessThan(4500);
    expect(toneLevel(mid(right), 300)).toBeLessThan(200);
    expect(harness.eventsOf(leg.id, 'recording-closed')).toHaveLength(1);
  });

  it('detects in-band DTMF tones sent by a phone without telephone-event', async () => {
    harness = new SessionHarness();
    const leg = await harness.call({ telephoneEvent: null });
    const keys = '159#';
    // each key: 100 ms tone then 100 ms silence
    await leg.phone.stream(leg.port, keys.length * 10 + 5, (i) => {
      const key = keys[Math.floor(i / 10)];
      return key && i % 10 < 5 ? toneFrame(DTMF[key] as number[], i * 160, 5000) : new Int16Array(160);
    });
    await sleep(100);
    expect(harness.eventsOf(leg.id, 'dtmf')).toEqual([...keys].map((digit) => ({ type: 'dtmf', digit, source: 'inband' })));
  });

  it('a SIP INFO digit handed up by signalling is reported like any other digit and barges in', async () => {
    harness = new SessionHarness();
    const leg = await harness.call();
    await harness.host.handle({ op: 'play', sessionId: leg.id, items: [{ kind: 'tone', frequencies: [440], ms: 5000 }], bargeIn: true });
    await sleep(200);
    await harness.host.handle({ op: 'info-digit', sessionId: leg.id, digit: '7' });
    const sent = leg.phone.packets.length;
    await sleep(100);
    expect(leg.phone.packets.length - sent).toBeLessThanOrEqual(1);
    expect(harness.eventsOf(leg.id, 'dtmf')).toEqual([{ type: 'dtmf', digit: '7', source: 'info' }]);
    expect(harness.eventsOf(leg.id, 'playback-finished')).toEqual([{ type: 'playback-finished', reason: 'barged-in', digit: '7' }]);
  });

  it('RTCP receiver reports give the loss and jitter of a sender that drops every 10th packet', async () => {
    harness = new SessionHarness({ rtcpIntervalMs: 400 });
    const leg = await harness.call({ rtcp: true });
    await leg.phone.stream(leg.port, 60, (i) => toneFrame([300], i * 160), { drop: (i) => i % 10 === 5, jitterMs: (i) => (i % 2 ? 6 : 0) });
    await sleep(50);
    const reportsBefore = leg.phone.rtcpPackets.length;
    await harness.until(() => leg.phone.rtcpPackets.length > reportsBefore, 2000);
    const stats = (await harness.host.handle({ op: 'stats', sessionId: leg.id })) as { packetsLost: number; packetsReceived: number; jitterMs: number };
    expect(stats.packetsReceived).toBe(54);
    expect(stats.packetsLost).toBe(6);
    expect(stats.jitterMs).toBeGreaterThan(2);
    const last = parseRtcpCompound(leg.phone.rtcpPackets.at(-1) as Buffer);
    const block = last.reports[0]?.reports.find((r) => r.ssrc === leg.phone.ssrc);
    expect(block?.cumulativeLost).toBe(6);
    expect(block?.jitter).toBeGreaterThan(16);
    expect(last.cname).toMatch(/^rexian-/);
  });

  it('hold: a re-INVITE with sendonly is answered recvonly and our sending stops; sendrecv resumes it', async () => {
    harness = new SessionHarness();
    const leg = await harness.call();
    await harness.host.handle({ op: 'play', sessionId: leg.id, items: [{ kind: 'tone', frequencies: [440], ms: 3000 }] });
    await sleep(200);
    const hold = (await harness.host.handle({ op: 'answer', sessionId: leg.id, offer: phoneOffer(leg.phone.port, { direction: 'sendonly' }) })) as { sdp: string };
    expect(hold.sdp).toContain('a=recvonly');
    await sleep(40);
    const during = leg.phone.packets.length;
    await sleep(200);
    expect(leg.phone.packets.length).toBe(during);
    await harness.host.handle({ op: 'answer', sessionId: leg.id, offer: phoneOffer(leg.phone.port) });
    await sleep(200);
    expect(leg.phone.packets.length).toBeGreaterThan(during + 5);
    const ts = leg.phone.packets.map((p) => parseRtp(p.data));
    const resumed = ts.find((p, i) => i > 0 && p.marker);
    expect(resumed).toBeDefined();
  });

  it.each([
    [true, 'reaches'],
    [false, 'does not reach'],
  ])('symmetric RTP (latch %s): audio %s a phone behind NAT whose SDP names another address', async (latch, _verb) => {
    harness = new SessionHarness();
    const leg = await harness.call({ latch, sdpPort: 9 }); // the SDP's port is not where the phone is
    await harness.host.handle({ op: 'play', sessionId: leg.id, items: [{ kind: 'tone', frequencies: [440], ms: 400 }] });
    await leg.phone.stream(leg.port, 5, (i) => toneFrame([300], i * 160));
    await sleep(400);
    if (latch) expect(leg.phone.received(0).packets.length).toBeGreaterThan(5);
    else expect(leg.phone.packets.length).toBe(0);
  });

  it('sends digits as RFC 4733 events the phone can read', async () => {
    harness = new SessionHarness();
    const leg = await harness.call();
    await harness.host.handle({ op: 'send-digits', sessionId: leg.id, digits: '42' });
    await sleep(500);
    const events = leg.phone.received(101).packets;
    expect(events.length).toBe(14);
    expect(events.filter((e) => e.marker).length).toBe(2);
    expect(new Set(events.map((e) => e.timestamp)).size).toBe(2);
  });
});
