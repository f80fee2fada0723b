import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MediaEngine } from '../src/engine/media-engine.js';
import type { SessionEvent } from '../src/session/session-events.js';
import { readPcapUdp, replay } from './pcap-reader.js';
import { phoneOffer, UdpPeer } from './udp-peer.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let engine: MediaEngine;
const events: { id: string; event: SessionEvent }[] = [];
const peers: UdpPeer[] = [];
const sessions: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  engine = await MediaEngine.start({ workers: 1, portRange: { min: 42000, max: 42999 } });
  engine.on((id, event) => events.push({ id, event }));
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  peers.splice(0).forEach((p) => p.close());
  expect(await engine.counts()).toMatchObject({ sessions: 0, ports: 0 });
});
afterAll(() => engine.close());

describe('SIPp captures replayed to a media session in a worker thread', () => {
  it('the digits detected equal the digits in SIPp’s RFC 2833 pcaps, after G.711 A-law audio from g711a.pcap', async () => {
    const phone = await UdpPeer.open();
    peers.push(phone);
    const session = await engine.createSession({ offer: phoneOffer(phone.port, { codecs: [8] }) });
    sessions.push(session);
    const own: string[] = [];
    const stop = session.on((event) => event.type === 'dtmf' && own.push(event.digit));
    expect(session.sdp).toMatch(/m=audio \d+ RTP\/AVP 8 101/);
    const audio = readPcapUdp(fixture('g711a.pcap')).slice(0, 40);
    await replay(audio, (p) => phone.send(p, session.port));
    const sent = ['1', '5', '9', 'pound', 'star', '0', '1'];
    let rtpSent = audio.length;
    for (const name of sent) {
      const dtmf = readPcapUdp(fixture(`dtmf_2833_${name}.pcap`));
      rtpSent += dtmf.length;
      await replay(dtmf, (p) => phone.send(p, session.port));
      await new Promise((r) => setTimeout(r, 60));
    }
    await phone.until(() => events.filter((e) => e.id === session.id && e.event.type === 'dtmf').length >= 7, 1000);
    const digits = events.filter((e) => e.id === session.id && e.event.type === 'dtmf').map((e) => (e.event as { digit: string }).digit);
    expect(digits.join('')).toBe('159#*01');
    expect(own.join('')).toBe('159#*01');
    stop();
    const stats = await session.stats();
    expect(stats.packetsReceived).toBe(rtpSent);
  });
});
