import type { Socket } from 'node:dgram';
import { decodeAlaw, decodeUlaw, encodeAlaw, encodeUlaw } from '../src/codecs/g711.js';
import { parseRtp, serializeRtp, type RtpPacket } from '../src/rtp/rtp-packet.js';
import { writeTelephoneEvent } from '../src/dtmf/telephone-event.js';
import { bindUdp, UdpPeer } from './udp-peer.js';

/** Samples of a sum of sines (amplitude per component) at 8 kHz, starting at sample `from`. */
export function toneFrame(frequencies: number[], from: number, amplitude = 6000, n = 160): Int16Array {
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (const f of frequencies) v += Math.sin((2 * Math.PI * f * (from + i)) / 8000);
    out[i] = Math.round(v * amplitude);
  }
  return out;
}

/**
 * A test phone: an RTP port (and an RTCP port above it) that can stream tones or DTMF events at
 * a 20 ms pace and decode what it receives.
 */
export class Phone extends UdpPeer {
  private seq = 1000;
  private ts = 50000;
  readonly ssrc = 0x5eed0000 + Math.floor(Math.random() * 0xffff);
  rtcp: Socket | undefined;
  readonly rtcpPackets: Buffer[] = [];

  static async openPhone(withRtcp = false): Promise<Phone> {
    for (let attempt = 0; ; attempt++) {
      const phone = new Phone(await bindUdp());
      if (!withRtcp) return phone;
      try {
        // the RTCP port is the RTP port + 1 (RFC 3550 §11): retry when that one is taken
        phone.rtcp = await bindUdp(phone.port + 1);
        phone.rtcp.on('message', (m) => phone.rtcpPackets.push(m));
        return phone;
      } catch (error) {
        phone.close();
        if (attempt > 20) throw error;
      }
    }
  }

  packet(pt: number, payload: Uint8Array, marker = false, timestamp = this.ts): Buffer {
    const p: RtpPacket = { padding: false, marker, payloadType: pt, sequenceNumber: this.seq, timestamp, ssrc: this.ssrc, csrc: [], payload };
    this.seq = (this.seq + 1) & 0xffff;
    return serializeRtp(p);
  }

  /** Streams frames from `frame(i)` for `count` ticks to `port`, one every 20 ms; `drop(i)` skips sending (loss). */
  async stream(port: number, count: number, frame: (i: number) => Int16Array, options: { pt?: number; drop?: (i: number) => boolean; jitterMs?: (i: number) => number } = {}): Promise<void> {
    const pt = options.pt ?? 0;
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const due = start + i * 20 + (options.jitterMs?.(i) ?? 0);
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const pcm = frame(i);
      const codes = pt === 8 ? encodeAlaw(pcm, new Uint8Array(pcm.length)) : encodeUlaw(pcm, new Uint8Array(pcm.length));
      const data = this.packet(pt, codes, i === 0);
      this.ts = (this.ts + 160) >>> 0;
      if (!options.drop?.(i)) this.send(data, port);
    }
  }

  /** Sends one RFC 4733 event (start, updates, three ends) for `digit` as event code `event`. */
  async sendEvent(port: number, event: number, pt = 101): Promise<void> {
    const eventTs = this.ts;
    for (let k = 0; k < 8; k++) {
      const payload = new Uint8Array(4);
      writeTelephoneEvent(payload, 0, { event, end: k >= 5, volume: 10, duration: Math.min(k + 1, 5) * 160 });
      this.send(this.packet(pt, payload, k === 0, eventTs), port);
      this.ts = (this.ts + 160) >>> 0;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Decoded audio of every received packet with payload type `pt`, in sequence order. */
  received(pt = 0): { packets: RtpPacket[]; pcm: Int16Array } {
    const packets = this.packets
      .map((p) => parseRtp(p.data))
      .filter((p) => p.payloadType === pt)
      .sort((a, b) => ((a.sequenceNumber - b.sequenceNumber + 0x8000) & 0xffff) - 0x8000);
    const pcm = new Int16Array(packets.reduce((n, p) => n + p.payload.length, 0));
    let at = 0;
    for (const p of packets) {
      const out = new Int16Array(p.payload.length);
      (pt === 8 ? decodeAlaw : decodeUlaw)(p.payload, out);
      pcm.set(out, at);
      at += out.length;
    }
    return { packets, pcm };
  }

  override close(): void {
    super.close();
    try {
      this.rtcp?.close();
    } catch {
      // closed already
    }
  }
}
