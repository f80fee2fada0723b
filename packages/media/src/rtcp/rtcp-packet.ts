import type { ReceptionReport } from '../rtp/rtp-stream-stats.js';

/**
 * RTCP compound packets (RFC 3550 §6): sender report (SR, PT 200), receiver report (RR, PT 201),
 * SDES with CNAME (PT 202) and BYE (PT 203). Built once every ~5 s per session, so clarity wins
 * over allocation here.
 */
export const RTCP_SR = 200;
export const RTCP_RR = 201;
export const RTCP_SDES = 202;
export const RTCP_BYE = 203;

export interface SenderInfo {
  /** NTP timestamp, as seconds since 1900 (integer part) and fraction (32-bit). */
  ntpSeconds: number;
  ntpFraction: number;
  rtpTimestamp: number;
  packetCount: number;
  octetCount: number;
}

export interface RtcpReport {
  type: typeof RTCP_SR | typeof RTCP_RR;
  ssrc: number;
  sender?: SenderInfo;
  reports: ReceptionReport[];
}

export interface ParsedRtcp {
  reports: RtcpReport[];
  cname?: string;
  bye: number[];
}

/** A datagram that is not a valid RTCP compound packet. */
export class RtcpParseError extends Error {
  override readonly name = 'RtcpParseError';
}

function header(out: Buffer, at: number, count: number, pt: number, lengthWords: number): void {
  out[at] = 0x80 | (count & 0x1f);
  out[at + 1] = pt;
  // RFC 3550 §6.4.1: "length: ... The length of this RTCP packet in 32-bit words minus one"
  out.writeUInt16BE(lengthWords - 1, at + 2);
}

function writeBlock(out: Buffer, at: number, r: ReceptionReport): void {
  out.writeUInt32BE(r.ssrc >>> 0, at);
  out[at + 4] = r.fractionLost & 0xff;
  out.writeIntBE(Math.max(-0x800000, Math.min(0x7fffff, r.cumulativeLost)), at + 5, 3);
  out.writeUInt32BE(r.extendedHighestSequence >>> 0, at + 8);
  out.writeUInt32BE(r.jitter >>> 0, at + 12);
  out.writeUInt32BE(0, at + 16); // LSR: we do not compute round-trip time
  out.writeUInt32BE(0, at + 20); // DLSR
}

/**
 * Builds one compound packet: SR when `sender` is given (we sent data since the last report),
 * RR otherwise, then SDES CNAME, then BYE when `bye` is set.
 * RFC 3550 §6.1: "Each individual RTCP packet in the compound packet ... the first RTCP packet in
 * the compound packet MUST always be a report packet" and "each compound RTCP packet MUST include
 * an SDES CNAME".
 */
export function buildRtcpCompound(ssrc: number, cname: string, reports: ReceptionReport[], sender?: SenderInfo, bye = false): Buffer {
  const blocks = reports.slice(0, 31);
  const reportWords = 2 + (sender ? 5 : 0) + blocks.length * 6;
  const cnameBytes = Buffer.from(cname, 'utf8').subarray(0, 255);
  const sdesWords = Math.ceil((4 + 4 + 2 + cnameBytes.length + 1) / 4);
  const out = Buffer.alloc((reportWords + sdesWords + (bye ? 2 : 0)) * 4);
  header(out, 0, blocks.length, sender ? RTCP_SR : RTCP_RR, reportWords);
  out.writeUInt32BE(ssrc >>> 0, 4);
  let at = 8;
  if (sender) {
    out.writeUInt32BE(sender.ntpSeconds >>> 0, 8);
    out.writeUInt32BE(sender.ntpFraction >>> 0, 12);
    out.writeUInt32BE(sender.rtpTimestamp >>> 0, 16);
    out.writeUInt32BE(sender.packetCount >>> 0, 20);
    out.writeUInt32BE(sender.octetCount >>> 0, 24);
    at = 28;
  }
  for (const block of blocks) {
    writeBlock(out, at, block);
    at += 24;
  }
  header(out, at, 1, RTCP_SDES, sdesWords);
  out.writeUInt32BE(ssrc >>> 0, at + 4);
  out[at + 8] = 1; // CNAME
  out[at + 9] = cnameBytes.length;
  cnameBytes.copy(out, at + 10); // the rest stays zero: the item list ends with a null octet plus padding
  at += sdesWords * 4;
  if (bye) {
    header(out, at, 1, RTCP_BYE, 2);
    out.writeUInt32BE(ssrc >>> 0, at + 4);
  }
  return out;
}

function readBlocks(data: Buffer, at: number, count: number): ReceptionReport[] {
  const out: ReceptionReport[] = [];
  for (let i = 0; i < count; i++, at += 24) {
    out.push({
      ssrc: data.readUInt32BE(at),
      fractionLost: data[at + 4] as number,
      cumulativeLost: data.readIntBE(at + 5, 3),
      extendedHighestSequence: data.readUInt32BE(at + 8),
      jitter: data.readUInt32BE(at + 12),
    });
  }
  return out;
}

/** Parses a compound RTCP packet; unknown packet types are skipped (RFC 3550 §6.1). */
export function parseRtcpCompound(data: Buffer): ParsedRtcp {
  const result: ParsedRtcp = { reports: [], bye: [] };
  let at = 0;
  while (at + 4 <= data.length) {
    const b0 = data[at] as number;
    if (b0 >> 6 !== 2) throw new RtcpParseError(`RTCP version ${b0 >> 6}`);
    const count = b0 & 0x1f;
    const pt = data[at + 1] as number;
    const end = at + (data.readUInt16BE(at + 2) + 1) * 4;
    if (end > data.length) throw new RtcpParseError('RTCP packet length exceeds datagram');
    if (pt === RTCP_SR && end - at >= 28 + count * 24) {
      const sender: SenderInfo = {
        ntpSeconds: data.readUInt32BE(at + 8),
        ntpFraction: data.readUInt32BE(at + 12),
        rtpTimestamp: data.readUInt32BE(at + 16),
        packetCount: data.readUInt32BE(at + 20),
        octetCount: data.readUInt32BE(at + 24),
      };
      result.reports.push({ type: RTCP_SR, ssrc: data.readUInt32BE(at + 4), sender, reports: readBlocks(data, at + 28, count) });
    } else if (pt === RTCP_RR && end - at >= 8 + count * 24) {
      result.reports.push({ type: RTCP_RR, ssrc: data.readUInt32BE(at + 4), reports: readBlocks(data, at + 8, count) });
    } else if (pt === RTCP_SDES && count > 0 && end - at >= 10 && data[at + 8] === 1) {
      const len = data[at + 9] as number;
      result.cname = data.toString('utf8', at + 10, Math.min(end, at + 10 + len));
    } else if (pt === RTCP_BYE) {
      for (let i = 0; i < count && at + 8 + i * 4 <= end; i++) result.bye.push(data.readUInt32BE(at + 4 + i * 4));
    }
    at = end;
  }
  return result;
}

/** Wall-clock time as an NTP timestamp (RFC 3550 §4: seconds since 1 January 1900). */
export function ntpNow(nowMs: number = Date.now()): { ntpSeconds: number; ntpFraction: number } {
  const seconds = Math.floor(nowMs / 1000) + 2208988800;
  const fraction = Math.floor(((nowMs % 1000) / 1000) * 0x100000000);
  return { ntpSeconds: seconds >>> 0, ntpFraction: fraction >>> 0 };
}
