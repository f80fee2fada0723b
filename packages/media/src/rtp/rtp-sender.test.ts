import { describe, expect, it } from 'vitest';
import { parseRtp } from './rtp-packet.js';
import { RtpSender } from './rtp-sender.js';

describe('RTP sender', () => {
  it('starts at random sequence number, timestamp and SSRC', () => {
    const a = new RtpSender();
    const b = new RtpSender();
    expect([a.ssrc, a.timestamp, a.nextSequence]).not.toEqual([b.ssrc, b.timestamp, b.nextSequence]);
  });

  it('marks the first packet of each talkspurt; timestamps advance 160 per 20 ms also in silence', () => {
    const sender = new RtpSender((bits) => (bits === 16 ? 0xfffe : 1000));
    const buf = new Uint8Array(12);
    const seen: { m: boolean; seq: number; ts: number }[] = [];
    const send = (): void => {
      sender.writeMedia(buf, 0, 160, 160);
      const p = parseRtp(buf);
      seen.push({ m: p.marker, seq: p.sequenceNumber, ts: p.timestamp });
    };
    send();
    send();
    send();
    sender.skip(160);
    sender.skip(160);
    send();
    expect(seen).toEqual([
      { m: true, seq: 0xfffe, ts: 1000 },
      { m: false, seq: 0xffff, ts: 1160 },
      { m: false, seq: 0, ts: 1320 },
      { m: true, seq: 1, ts: 1800 },
    ]);
    expect(sender.packetCount).toBe(4);
  });
});
