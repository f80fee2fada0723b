/** A UDP socket on 127.0.0.1 that sends raw bytes and collects what comes back, for tests. */
import { createSocket, type Socket } from 'node:dgram';
import { parseMessage } from '../../src/messages/parse-message';
import { SipResponse } from '../../src/messages/sip-response';
import type { SipRequest } from '../../src/messages/sip-request';

export class UdpProbe {
  readonly received: (SipRequest | SipResponse)[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('message', (data) => {
      this.received.push(parseOrStatusLine(data));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(): Promise<UdpProbe> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new UdpProbe(socket);
  }

  get port(): number {
    return this.socket.address().port;
  }

  send(data: Buffer | string, port: number): void {
    this.socket.send(typeof data === 'string' ? Buffer.from(data) : data, port, '127.0.0.1');
  }

  /** Waits until `count` messages have arrived in total, or `ms` passed; returns them. */
  async waitFor(count: number, ms = 1000): Promise<(SipRequest | SipResponse)[]> {
    const deadline = Date.now() + ms;
    while (this.received.length < count && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.received;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/**
 * An answer to a malformed request echoes its malformed headers (§8.2.6.2 copies them), so it
 * may not parse itself: then keep at least its status line.
 */
function parseOrStatusLine(data: Buffer): SipRequest | SipResponse {
  try {
    return parseMessage(data);
  } catch {
    const [, status = '0', reason = ''] = /^SIP\/2\.0 (\d{3}) ([^\r]*)/.exec(data.toString('utf8')) ?? [];
    return new SipResponse(Number(status), reason);
  }
}

/** Adds ";rport" to the first Via line so that the answer comes back to the sending socket (RFC 3581). */
export function withRport(data: Buffer): Buffer {
  const text = data.toString('latin1');
  return Buffer.from(text.replace(/(\r\n(?:Via|v)[ \t]*:[^\r\n]*)/i, '$1;rport'), 'latin1');
}

export function sipRequest(method: string, port: number, extra = '', body = ''): string {
  return (
    `${method} sip:uas@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK${Math.random().toString(36).slice(2)};rport\r\n` +
    `Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:uas@127.0.0.1>\r\nCall-ID: ${Math.random().toString(36).slice(2)}\r\n` +
    `CSeq: 1 ${method}\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}
