import { createSocket, type Socket, type SocketOptions } from 'node:dgram';
import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';

/** A bound RTP/RTCP socket pair on consecutive ports (RTP even, RTCP = RTP + 1). */
export interface PortPair {
  readonly port: number;
  readonly rtp: Socket;
  readonly rtcp: Socket;
  /** Closes both sockets and returns the pair to its allocator; safe to call twice. */
  release(): void;
}

/** Every port pair of the range is in use or refused by the system. */
export class PortsExhaustedError extends Error {
  override readonly name = 'PortsExhaustedError';
}

export interface PortRange {
  min: number;
  max: number;
}

/**
 * `send()` resolves its address through `dns.lookup`, which answers even an IP literal on the
 * next tick: one closure and one deferred call per packet, and the buffer is read after `send()`
 * returned. Remote media addresses are IP literals (SDP c=), so answer those at once; a host
 * name still goes through the resolver.
 */
const immediateLookup: NonNullable<SocketOptions['lookup']> = (hostname, options, callback) => {
  const family = isIP(hostname);
  if (family !== 0) callback(null, hostname, family);
  else dnsLookup(hostname, options, callback);
};

function bind(socket: Socket, port: number, address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const onError = (): void => resolve(false);
    socket.once('error', onError);
    socket.bind(port, address, () => {
      socket.off('error', onError);
      resolve(true);
    });
  });
}

/**
 * Hands out even/odd port pairs from a range, binding both sockets before it answers, so a pair
 * it returns is really ours. RFC 3550 §11: "For UDP and similar protocols, RTP SHOULD use an even
 * destination port number and the corresponding RTCP stream SHOULD use the next higher (odd)
 * destination port number." A port taken by another program is skipped.
 */
export class PortAllocator {
  private readonly used = new Set<number>();
  private next: number;
  private readonly first: number;
  private readonly last: number;

  constructor(
    range: PortRange,
    private readonly address = '127.0.0.1',
  ) {
    this.first = range.min + (range.min % 2);
    this.last = range.max - ((range.max - this.first) % 2 === 0 ? 0 : 1);
    this.next = this.first;
    if (this.last <= this.first) throw new RangeError(`port range ${range.min}-${range.max} holds no even/odd pair`);
  }

  /** Number of pairs currently handed out (tests assert it returns to 0). */
  get inUse(): number {
    return this.used.size;
  }

  async allocate(): Promise<PortPair> {
    const pairs = (this.last - this.first) / 2 + 1;
    for (let tries = 0; tries < pairs; tries++) {
      const port = this.next;
      this.next = port + 2 > this.last ? this.first : port + 2;
      if (this.used.has(port)) continue;
      this.used.add(port);
      const rtp = createSocket({ type: 'udp4', lookup: immediateLookup });
      const rtcp = createSocket({ type: 'udp4', lookup: immediateLookup });
      if ((await bind(rtp, port, this.address)) && (await bind(rtcp, port + 1, this.address))) {
        return this.pair(port, rtp, rtcp);
      }
      rtp.close();
      rtcp.close();
      this.used.delete(port);
    }
    throw new PortsExhaustedError(`no free RTP port pair in ${this.first}-${this.last + 1}`);
  }

  private pair(port: number, rtp: Socket, rtcp: Socket): PortPair {
    let released = false;
    return {
      port,
      rtp,
      rtcp,
      release: () => {
        if (released) return;
        released = true;
        this.used.delete(port);
        for (const s of [rtp, rtcp]) {
          try {
            s.close();
          } catch {
            // already closed by its owner: the port is free either way
          }
        }
      },
    };
  }
}
