/** UDP transport (RFC 3261 §18): one datagram per message. */
import { createSocket, type Socket } from 'node:dgram';
import { noopLogger, type Logger } from '../logger';
import { TransportError, type Destination, type ReceiveHandler, type Transport } from './transport';

export interface UdpTransportOptions {
  host?: string;
  port?: number;
  logger?: Logger;
}

export class UdpTransport implements Transport {
  readonly protocol = 'udp';
  readonly reliable = false;
  private handler: ReceiveHandler = () => {};
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    readonly host: string,
    readonly port: number,
    private readonly logger: Logger,
  ) {
    socket.on('message', (data, rinfo) => {
      this.handler(data, { transport: 'udp', address: rinfo.address, port: rinfo.port });
    });
    socket.on('error', (error) => logger.warn({ err: error }, 'sip.transport udp socket error'));
  }

  static listen(options: UdpTransportOptions = {}): Promise<UdpTransport> {
    const host = options.host ?? '0.0.0.0';
    const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', recvBufferSize: 4 << 20, sendBufferSize: 4 << 20 });
    return new Promise((resolve, reject) => {
      socket.once('error', (error) => reject(new TransportError(`UDP bind ${host}:${options.port ?? 5060}: ${error.message}`)));
      socket.bind(options.port ?? 5060, host, () => {
        socket.removeAllListeners('error');
        resolve(new UdpTransport(socket, host, socket.address().port, options.logger ?? noopLogger));
      });
    });
  }

  onReceive(handler: ReceiveHandler): void {
    this.handler = handler;
  }

  send(data: Buffer, destination: Destination): void {
    if (this.closed) return;
    // No per-send callback (it costs a completion wrapper per datagram): send errors arrive as
    // the socket's 'error' event, which is logged.
    this.socket.send(data, destination.port, destination.address);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
