import { afterEach, describe, expect, it } from 'vitest';
import { parseRtp } from '../src/rtp/rtp-packet.js';
import { MediaWorkerHost } from '../src/worker/media-worker-host.js';
import type { SessionEvent } from '../src/session/session-events.js';
import type { CreateResult } from '../src/worker/worker-protocol.js';
import { phoneOffer, UdpPeer } from './udp-peer.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function host(): { host: MediaWorkerHost; events: { id: string; event: SessionEvent }[] } {
  const events: { id: string; event: SessionEvent }[] = [];
  const h = new MediaWorkerHost({ address: '127.0.0.1', portRange: { min: 41000, max: 41999 } }, (id, event) => events.push({ id, event }));
  cleanup.push(async () => {
    h.closeAll('test end');
    // nothing leaked: every port pair is back, every session gone
    expect(await h.handle({ op: 'counts' })).toMatchObject({ sessions: 0, ports: 0 });
  });
  return { host: h, events };
}

async function peer(): Promise<UdpPeer> {
  const p = await UdpPeer.open();
  cleanup.push(() => p.close());
  return p;
}

describe('media session over real UDP', () => {
  it('plays a 1 s prompt as 50 packets, 20 ms apart, with one SSRC, consecutive seq, +160 timestamps, marker on the first', async () => {
    const { host: h, events } = host();
    const phone = await peer();
    await h.handle({ op: 'create', sessionId: 's1', offer: phoneOffer(phone.port) });
    await h.handle({ op: 'play', sessionId: 's1', items: [{ kind: 'tone', frequencies: [440], ms: 1000 }] });
    expect(await phone.until(() => events.some((e) => e.event.type === 'playback-finished'), 3000)).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    const rtp = phone.packets.map((p) => ({ ...parseRtp(p.data), at: p.at }));
    expect(rtp.length).toBe(50);
    expect(new Set(rtp.map((p) => p.ssrc)).size).toBe(1);
    rtp.forEach((p, i) => {
      expect(p.payloadType).toBe(0);
      expect(p.marker).toBe(i === 0);
      if (i > 0) {
        expect(p.sequenceNumber).toBe(((rtp[i - 1]?.sequenceNumber ?? 0) + 1) & 0xffff);
        expect((p.timestamp - (rtp[i - 1]?.timestamp ?? 0)) >>> 0).toBe(160);
      }
    });
    const span = (rtp[49]?.at ?? 0) - (rtp[0]?.at ?? 0);
    expect(span).toBeGreaterThan(49 * 20 - 30);
    expect(span).toBeLessThan(49 * 20 + 30);
  });

  it('after a stall the pacer catches up with consecutive packets: no sequence gap, no duplicate', async () => {
    const { host: h } = host();
    const phone = await peer();
    await h.handle({ op: 'create', sessionId: 's1', offer: phoneOffer(phone.port) });
    await h.handle({ op: 'play', sessionId: 's1', items: [{ kind: 'tone', frequencies: [440], ms: 1000 }] });
    await new Promise((r) => setTimeout(r, 100));
    const end = performance.now() + 130;
    while (performance.now() < end) {
      // this thread (which runs the host here) is stuck for 130 ms: six ticks are due at once
    }
    await new Promise((r) => setTimeout(r, 200));
    const seqs = phone.packets.map((p) => parseRtp(p.data).sequenceNumber);
    expect(seqs.length).toBeGreaterThan(10);
    seqs.forEach((seq, i) => i > 0 && expect(seq).toBe(((seqs[i - 1] as number) + 1) & 0xffff));
  });

  it('two sessions exchange audio both ways; receive statistics count what arrived', async () => {
    const { host: h } = host();
    const a = (await h.handle({ op: 'create', sessionId: 'a' })) as CreateResult;
    const b = (await h.handle({ op: 'create', sessionId: 'b', offer: a.sdp })) as CreateResult;
    await h.handle({ op: 'set-remote', sessionId: 'a', answer: b.sdp });
    await h.handle({ op: 'play', sessionId: 'a', items: [{ kind: 'tone', frequencies: [400], ms: 400 }] });
    await h.handle({ op: 'play', sessionId: 'b', items: [{ kind: 'tone', frequencies: [800], ms: 400 }] });
    await new Promise((r) => setTimeout(r, 600));
    const sa = (await h.handle({ op: 'stats', sessionId: 'a' })) as { packetsReceived: number; packetsSent: number; packetsLost: number };
    const sb = (await h.handle({ op: 'stats', sessionId: 'b' })) as { packetsReceived: number; packetsSent: number; packetsLost: number };
    expect(sa.packetsSent).toBe(20);
    expect(sb.packetsReceived).toBe(20);
    expect(sa.packetsReceived).toBe(20);
    expect(sa.packetsLost + sb.packetsLost).toBe(0);
  });

  it('a session whose audio source throws is closed with reason error; the other sessions keep sending', async () => {
    const { host: h, events } = host();
    const phone = await peer();
    await h.handle({ op: 'create', sessionId: 'bad', offer: phoneOffer(phone.port) });
    await h.handle({ op: 'create', sessionId: 'good', offer: phoneOffer(phone.port) });
    h.sessions.get('bad')?.play({ nextFrame: () => { throw new Error('broken source'); }, close: () => undefined });
    await h.handle({ op: 'play', sessionId: 'good', items: [{ kind: 'tone', frequencies: [440], ms: 300 }] });
    await new Promise((r) => setTimeout(r, 400));
    expect(events.find((e) => e.id === 'bad' && e.event.type === 'closed')?.event).toMatchObject({ reason: 'error' });
    expect(phone.packets.length).toBe(15);
    expect(await h.handle({ op: 'counts' })).toMatchObject({ sessions: 1, ports: 1 });
  });

  it('closing releases every port pair, also for a session closed twice or never answered', async () => {
    const { host: h, events } = host();
    const phone = await peer();
    await h.handle({ op: 'create', sessionId: 'x', offer: phoneOffer(phone.port) });
    await h.handle({ op: 'create', sessionId: 'y' });
    await expect(h.handle({ op: 'create', sessionId: 'z', offer: phoneOffer(phone.port, { codecs: [18] }) })).rejects.toThrow(/codec/);
    expect(await h.handle({ op: 'counts' })).toMatchObject({ sessions: 2, ports: 2 });
    await h.handle({ op: 'close', sessionId: 'x' });
    await h.handle({ op: 'close', sessionId: 'x' });
    h.closeAll('end');
    expect(await h.handle({ op: 'counts' })).toMatchObject({ sessions: 0, ports: 0 });
    expect(events.filter((e) => e.event.type === 'closed').map((e) => e.id)).toEqual(['z', 'x', 'y']);
  });
});
