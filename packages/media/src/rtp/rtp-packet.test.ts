import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRtp, payloadEnd, payloadStart, RtpParseError, serializeRtp, type RtpPacket } from './rtp-packet.js';

describe('RTP packet (RFC 3550 §5.1)', () => {
  it('serialises and parses back every header field, CSRC list and extension', () => {
    fc.assert(
      fc.property(
        fc.record({
          marker: fc.boolean(),
          payloadType: fc.integer({ min: 0, max: 127 }),
          sequenceNumber: fc.integer({ min: 0, max: 0xffff }),
          timestamp: fc.integer({ min: 0, max: 0xffffffff }),
          ssrc: fc.integer({ min: 0, max: 0xffffffff }),
          csrc: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 15 }),
          ext: fc.option(fc.uint8Array({ minLength: 4, maxLength: 4 })),
          payload: fc.uint8Array({ maxLength: 200 }),
        }),
        (p) => {
          const packet: RtpPacket = { padding: false, marker: p.marker, payloadType: p.payloadType, sequenceNumber: p.sequenceNumber, timestamp: p.timestamp, ssrc: p.ssrc, csrc: p.csrc, payload: p.payload, ...(p.ext ? { extension: { profile: 0xbede, data: p.ext } } : {}) };
          const parsed = parseRtp(serializeRtp(packet));
          expect({ ...parsed, payload: [...parsed.payload], extension: parsed.extension && [...parsed.extension.data] }).toEqual({ ...packet, payload: [...packet.payload], extension: packet.extension && [...packet.extension.data] });
        },
      ),
    );
  });

  it('removes padding counted by the last octet', () => {
    const bytes = Buffer.from([0xa0, 0x00, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 9, 9, 0, 0, 3]);
    const p = parseRtp(bytes);
    expect(p.padding).toBe(true);
    expect([...p.payload]).toEqual([9, 9]);
  });

  it('payloadStart/payloadEnd find the payload behind CSRCs and an extension, before padding', () => {
    const packet = serializeRtp({ padding: false, marker: false, payloadType: 0, sequenceNumber: 1, timestamp: 2, ssrc: 3, csrc: [7, 8], extension: { profile: 0xbede, data: new Uint8Array(8) }, payload: Uint8Array.of(1, 2, 3) });
    expect([...packet.subarray(payloadStart(packet), payloadEnd(packet))]).toEqual([1, 2, 3]);
    const padded = Buffer.from([0xa0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 5, 6, 0, 2]);
    expect([payloadStart(padded), payloadEnd(padded)]).toEqual([12, 14]);
  });

  it('rejects short datagrams and versions other than 2', () => {
    expect(() => parseRtp(new Uint8Array(8))).toThrow(RtpParseError);
    expect(() => parseRtp(new Uint8Array(12))).toThrow(/version 0/);
  });
});
