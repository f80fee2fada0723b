/**
 * A UDP relay between our stack and a SIPp peer that loses chosen datagrams (e.g. the first
 * INVITE), so that a test can watch the stack recover by retransmission.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

export class LossyUdpRelay {
  dropped: string[] = [];
  forwardedAt: { at: number; firstLine: string }[] = [];
  private client: RemoteInfo | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly peerPort: number,
    private readonly drop: (firstLine: string, count: number) => boolean,
  ) {
    let seen = 0;
    socket.on('message', (data, rinfo) => {
      const firstLine = data.toString('latin1', 0, Math.max(0, data.indexOf('\r\n')));
      if (rinfo.port === peerPort) {
        if (this.client !== undefined) socket.send(data, this.client.port, this.client.address);
        return;
      }
      this.client = rinfo;
      if (this.drop(firstLine, seen++)) {
        this.dropped.push(firstLine);
        return;
      }
      this.forwardedAt.push({ at: Date.now(), firstLine });
      socket.send(data, peerPort, '127.0.0.1');
    });
  }

  static async open(peerPort: number, drop: (firstLine: string, count: number) => boolean): Promise<LossyUdpRelay> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new LossyUdpRelay(socket, peerPort, drop);
  }

  get port(): number {
    return this.socket.address().port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
