import { describe, expect, it } from 'vitest';
import { buildRtcpCompound, ntpNow, parseRtcpCompound, RTCP_RR, RTCP_SR } from './rtcp-packet.js';

const block = { ssrc: 0xabcdef01, fractionLost: 25, cumulativeLost: 10, extendedHighestSequence: 70000, jitter: 42 };

describe('RTCP compound packets (RFC 3550 §6)', () => {
  it('an SR carries sender info, report blocks and the CNAME, in 32-bit words', () => {
    const sender = { ...ntpNow(0), rtpTimestamp: 1234, packetCount: 50, octetCount: 8000 };
    const bytes = buildRtcpCompound(0x11223344, 'rexian@127.0.0.1', [block], sender);
    expect(bytes.length % 4).toBe(0);
    expect(bytes[1]).toBe(RTCP_SR);
    const parsed = parseRtcpCompound(bytes);
    expect(parsed.cname).toBe('rexian@127.0.0.1');
    expect(parsed.reports).toEqual([{ type: RTCP_SR, ssrc: 0x11223344, sender: { ...sender, ntpSeconds: 2208988800 }, reports: [block] }]);
  });

  it('an RR without sender info, plus BYE', () => {
    const parsed = parseRtcpCompound(buildRtcpCompound(7, 'x', [{ ...block, cumulativeLost: -2 }], undefined, true));
    expect(parsed.reports[0]?.type).toBe(RTCP_RR);
    expect(parsed.reports[0]?.reports[0]?.cumulativeLost).toBe(-2);
    expect(parsed.bye).toEqual([7]);
  });

  it('rejects a packet whose length runs past the datagram', () => {
    const bytes = buildRtcpCompound(7, 'x', []);
    expect(() => parseRtcpCompound(bytes.subarray(0, 6))).toThrow(/length/);
  });
});
