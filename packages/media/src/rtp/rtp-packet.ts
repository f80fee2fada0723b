/**
 * RTP fixed header (RFC 3550 §5.1):
 *
 *     0                   1                   2                   3
 *    |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 *    |                           timestamp                           |
 *    |           synchronization source (SSRC) identifier            |
 *    |            contributing source (CSRC) identifiers ...         |
 */
export interface RtpHeader {
  padding: boolean;
  marker: boolean;
  payloadType: number;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  csrc: number[];
  /** Header extension (RFC 3550 §5.3.1): profile-defined id and its data (32-bit words). */
  extension?: { profile: number; data: Uint8Array };
}

export interface RtpPacket extends RtpHeader {
  payload: Uint8Array;
}

/** A datagram that is not a valid RTP packet. */
export class RtpParseError extends Error {
  override readonly name = 'RtpParseError';
}

export const RTP_HEADER_SIZE = 12;

/** Parses one RTP datagram. The payload is a view into `data` (no copy). */
export function parseRtp(data: Uint8Array): RtpPacket {
  if (data.length < RTP_HEADER_SIZE) throw new RtpParseError(`datagram too short (${data.length} bytes)`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const b0 = data[0] as number;
  const b1 = data[1] as number;
  // RFC 3550 §5.1: "version (V): 2 bits ... The version defined by this specification is two (2)."
  if (b0 >> 6 !== 2) throw new RtpParseError(`RTP version ${b0 >> 6}`);
  const cc = b0 & 0x0f;
  let offset = RTP_HEADER_SIZE + cc * 4;
  if (data.length < offset) throw new RtpParseError('CSRC list truncated');
  const csrc: number[] = [];
  for (let i = 0; i < cc; i++) csrc.push(view.getUint32(RTP_HEADER_SIZE + i * 4));
  let extension: RtpHeader['extension'];
  if (b0 & 0x10) {
    if (data.length < offset + 4) throw new RtpParseError('extension header truncated');
    const words = view.getUint16(offset + 2);
    const end = offset + 4 + words * 4;
    if (data.length < end) throw new RtpParseError('extension truncated');
    extension = { profile: view.getUint16(offset), data: data.subarray(offset + 4, end) };
    offset = end;
  }
  let end = data.length;
  // RFC 3550 §5.1: "The last octet of the padding contains a count of how many padding octets
  // should be ignored, including itself."
  const padding = (b0 & 0x20) !== 0;
  if (padding) {
    const count = data[data.length - 1] as number;
    if (count === 0 || end - count < offset) throw new RtpParseError('bad padding count');
    end -= count;
  }
  return {
    padding,
    marker: (b1 & 0x80) !== 0,
    payloadType: b1 & 0x7f,
    sequenceNumber: view.getUint16(2),
    timestamp: view.getUint32(4),
    ssrc: view.getUint32(8),
    csrc,
    ...(extension ? { extension } : {}),
    payload: data.subarray(offset, end),
  };
}

/** Serialises a packet into a new Buffer (not used on the per-packet hot path: see RtpSender). */
export function serializeRtp(packet: RtpPacket): Buffer {
  const ext = packet.extension;
  const extLength = ext ? 4 + Math.ceil(ext.data.length / 4) * 4 : 0;
  const headerLength = RTP_HEADER_SIZE + packet.csrc.length * 4 + extLength;
  const out = Buffer.alloc(headerLength + packet.payload.length);
  writeRtpHeader(out, packet.payloadType, packet.marker, packet.sequenceNumber, packet.timestamp, packet.ssrc);
  out[0] = 0x80 | (ext ? 0x10 : 0) | (packet.csrc.length & 0x0f);
  packet.csrc.forEach((c, i) => out.writeUInt32BE(c >>> 0, RTP_HEADER_SIZE + i * 4));
  if (ext) {
    const at = RTP_HEADER_SIZE + packet.csrc.length * 4;
    out.writeUInt16BE(ext.profile, at);
    out.writeUInt16BE(Math.ceil(ext.data.length / 4), at + 2);
    out.set(ext.data, at + 4);
  }
  out.set(packet.payload, headerLength);
  return out;
}

/** Writes a 12-byte header (V=2, no padding/extension/CSRC) in place. */
export function writeRtpHeader(out: Uint8Array, pt: number, marker: boolean, seq: number, ts: number, ssrc: number): void {
  out[0] = 0x80;
  out[1] = (marker ? 0x80 : 0) | (pt & 0x7f);
  out[2] = (seq >> 8) & 0xff;
  out[3] = seq & 0xff;
  out[4] = (ts >>> 24) & 0xff;
  out[5] = (ts >>> 16) & 0xff;
  out[6] = (ts >>> 8) & 0xff;
  out[7] = ts & 0xff;
  out[8] = (ssrc >>> 24) & 0xff;
  out[9] = (ssrc >>> 16) & 0xff;
  out[10] = (ssrc >>> 8) & 0xff;
  out[11] = ssrc & 0xff;
}

/**
 * Where the payload of an RTP datagram starts (after CSRCs and header extension) and ends (before
 * padding), as plain numbers: the per-packet receive path uses these instead of `parseRtp` so it
 * allocates nothing. A malformed datagram gives `payloadEnd < payloadStart`.
 */
export function payloadStart(data: Uint8Array): number {
  const b0 = data[0] as number;
  const start = RTP_HEADER_SIZE + (b0 & 0x0f) * 4;
  if ((b0 & 0x10) === 0 || data.length < start + 4) return start;
  return start + 4 + (((data[start + 2] as number) << 8) | (data[start + 3] as number)) * 4;
}

export function payloadEnd(data: Uint8Array): number {
  return (data[0] as number) & 0x20 ? data.length - (data[data.length - 1] as number) : data.length;
}

/** True when the first byte says RTCP rather than RTP (RFC 5761 §4: PT 64–95 after the marker bit). */
export function looksLikeRtcp(data: Uint8Array): boolean {
  const pt = (data[1] ?? 0) & 0x7f;
  return pt >= 64 && pt <= 95;
}
