import { readFileSync } from 'node:fs';

/** One UDP datagram from a capture, with its capture time relative to the first packet. */
export interface CapturedDatagram {
  atMs: number;
  payload: Buffer;
}

/**
 * Reads a classic libpcap file (either byte order, µs timestamps) of Ethernet/IPv4/UDP frames and
 * returns the UDP payloads: enough for the RTP captures SIPp ships.
 */
export function readPcapUdp(path: string): CapturedDatagram[] {
  const data = readFileSync(path);
  const magic = data.readUInt32LE(0);
  const little = magic === 0xa1b2c3d4;
  if (!little && magic !== 0xd4c3b2a1) throw new Error(`${path}: not a pcap file`);
  const u32 = (at: number): number => (little ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const linkType = u32(20);
  if (linkType !== 1) throw new Error(`${path}: link type ${linkType}, expected Ethernet`);
  const out: CapturedDatagram[] = [];
  let first: number | undefined;
  for (let at = 24; at + 16 <= data.length; ) {
    const time = u32(at) * 1000 + u32(at + 4) / 1000;
    const length = u32(at + 8);
    const frame = data.subarray(at + 16, at + 16 + length);
    at += 16 + length;
    let ip = 14;
    let etherType = frame.readUInt16BE(12);
    if (etherType === 0x8100) {
      etherType = frame.readUInt16BE(16);
      ip = 18;
    }
    if (etherType !== 0x0800 || frame[ip + 9] !== 17) continue;
    const udp = ip + ((frame[ip] as number) & 0x0f) * 4;
    const udpLength = frame.readUInt16BE(udp + 4);
    first ??= time;
    out.push({ atMs: time - first, payload: Buffer.from(frame.subarray(udp + 8, udp + udpLength)) });
  }
  return out;
}

/** Sends the datagrams at their recorded pace through `send`; resolves after the last. */
export async function replay(datagrams: CapturedDatagram[], send: (payload: Buffer) => void): Promise<void> {
  const start = performance.now();
  for (const d of datagrams) {
    const wait = start + d.atMs - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    send(d.payload);
  }
}
