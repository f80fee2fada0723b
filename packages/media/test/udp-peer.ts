import { createSocket, type Socket } from 'node:dgram';
import { performance } from 'node:perf_hooks';

/** A UDP socket bound to a free port of 127.0.0.1. */
export async function bindUdp(port = 0): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve());
  });
  return socket;
}

/** A plain UDP socket on 127.0.0.1 that records what arrives (a stand-in for a phone's RTP port). */
export class UdpPeer {
  readonly packets: { data: Buffer; at: number }[] = [];
  protected constructor(readonly socket: Socket) {
    socket.on('message', (data) => this.packets.push({ data, at: performance.now() }));
  }

  static async open(): Promise<UdpPeer> {
    return new UdpPeer(await bindUdp());
  }

  get port(): number {
    return this.socket.address().port;
  }

  send(data: Uint8Array, port: number): void {
    this.socket.send(data, port, '127.0.0.1');
  }

  /** Waits until `predicate` holds or `ms` pass. */
  async until(predicate: () => boolean, ms = 3000): Promise<boolean> {
    const end = Date.now() + ms;
    while (!predicate() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    return predicate();
  }

  close(): void {
    try {
      this.socket.close();
    } catch {
      // closed already
    }
  }
}

/** An SDP offer as a phone would send it, pointing at `port`. */
export function phoneOffer(port: number, options: { codecs?: number[]; telephoneEvent?: number | null; direction?: string } = {}): string {
  const codecs = options.codecs ?? [0];
  const te = options.telephoneEvent === undefined ? 101 : options.telephoneEvent;
  const formats = [...codecs, ...(te === null ? [] : [te])];
  const lines = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port} RTP/AVP ${formats.join(' ')}`];
  for (const c of codecs) lines.push(`a=rtpmap:${c} ${c === 0 ? 'PCMU' : c === 8 ? 'PCMA' : 'G729'}/8000`);
  if (te !== null) lines.push(`a=rtpmap:${te} telephone-event/8000`, `a=fmtp:${te} 0-16`);
  lines.push('a=ptime:20', `a=${options.direction ?? 'sendrecv'}`);
  return `${lines.join('\r\n')}\r\n`;
}
