/**
 * Writes a libpcap file of 20 ms PCMU RTP packets (Ethernet/IPv4/UDP, 127.0.0.1:40000 →
 * 127.0.0.1:40002) for SIPp's play_pcap_audio, which rewrites the addresses and replays the
 * timing. The audio is a speech-like harmonic mixture with a syllable rhythm, so the engine's
 * receive path (jitter buffer, decoding, recording) does real work.
 */
import { writeFileSync } from 'node:fs';
import { encodeUlaw } from '@rexian/media';

function ipChecksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

export function writePcmuPcap(path: string, seconds: number): void {
  const chunks: Buffer[] = [];
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65535, 16);
  global.writeUInt32LE(1, 20);
  chunks.push(global);
  const packets = Math.round(seconds * 50);
  const pcm = new Int16Array(160);
  const codes = new Uint8Array(160);
  for (let k = 0; k < packets; k++) {
    for (let i = 0; i < 160; i++) {
      const t = (k * 160 + i) / 8000;
      const pitch = 140 + 40 * Math.sin(2 * Math.PI * 0.5 * t);
      const envelope = 0.3 + 0.7 * Math.abs(Math.sin(2 * Math.PI * 3 * t));
      let v = 0;
      for (let h = 1; h <= 12; h++) v += Math.sin(2 * Math.PI * pitch * h * t) / h;
      pcm[i] = Math.round(4000 * envelope * v);
    }
    encodeUlaw(pcm, codes);
    const frame = Buffer.alloc(14 + 20 + 8 + 12 + 160);
    frame.writeUInt16BE(0x0800, 12);
    const ip = frame.subarray(14, 34);
    ip[0] = 0x45;
    ip.writeUInt16BE(20 + 8 + 172, 2);
    ip[8] = 64;
    ip[9] = 17;
    ip.set([127, 0, 0, 1], 12);
    ip.set([127, 0, 0, 1], 16);
    ip.writeUInt16BE(ipChecksum(ip), 10);
    frame.writeUInt16BE(40000, 34);
    frame.writeUInt16BE(40002, 36);
    frame.writeUInt16BE(8 + 172, 38);
    frame[42] = 0x80;
    frame[43] = k === 0 ? 0x80 : 0;
    frame.writeUInt16BE((1000 + k) & 0xffff, 44);
    frame.writeUInt32BE((160000 + k * 160) >>> 0, 46);
    frame.writeUInt32BE(0x5ec0ffee, 50);
    frame.set(codes, 54);
    const record = Buffer.alloc(16);
    const us = k * 20000;
    record.writeUInt32LE(Math.floor(us / 1e6), 0);
    record.writeUInt32LE(us % 1e6, 4);
    record.writeUInt32LE(frame.length, 8);
    record.writeUInt32LE(frame.length, 12);
    chunks.push(record, frame);
  }
  writeFileSync(path, Buffer.concat(chunks));
}
