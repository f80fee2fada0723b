/**
 * TCP transport (RFC 3261 §18): stream framing by Content-Length, one connection per remote
 * address reused in both directions (§18.2.2: responses go back on the connection the request
 * came on), idle connections closed, buffered bytes bounded.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { noopLogger, type Logger } from '../logger';
import { SipParseError } from '../messages/sip-parse-error';
import { StreamFramer } from './stream-framer';
import { TransportError, type Destination, type ReceiveHandler, type Transport } from './transport';

export interface TcpTransportOptions {
  host?: string;
  port?: number;
  /** Close a connection after this long without traffic (default 5 minutes). */
  idleMs?: number;
  /** Refuse incoming connections beyond this many open ones (default 4096). */
  maxConnections?: number;
  logger?: Logger;
  /** Answer a framing error (e.g. a bad Content-Length) before the connection closes. */
  onFramingError?: (data: Buffer, error: SipParseError, source: Destination) => void;
}

const key = (address: string, port: number): string => `${address}:${port}`;

export class TcpTransport implements Transport {
  readonly protocol = 'tcp';
  readonly reliable = true;
  private handler: ReceiveHandler = () => {};
  private readonly connections = new Map<string, Socket>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    readonly host: string,
    readonly port: number,
    private readonly options: TcpTransportOptions,
    private readonly logger: Logger,
  ) {
    server.on('connection', (socket) => {
      if (this.connections.size >= (options.maxConnections ?? 4096)) {
        socket.destroy();
        return;
      }
      this.adopt(socket);
    });
    // After listen, accept errors (EMFILE …) are logged: a transport never ends the process.
    server.on('error', (error) => logger.warn({ err: error }, 'sip.transport tcp server error'));
  }

  static listen(options: TcpTransportOptions = {}): Promise<TcpTransport> {
    const host = options.host ?? '0.0.0.0';
    const server = createServer({ noDelay: true });
    return new Promise((resolve, reject) => {
      server.once('error', (error) => reject(new TransportError(`TCP listen ${host}:${options.port ?? 5060}: ${error.message}`)));
      server.listen(options.port ?? 5060, host, () => {
        server.removeAllListeners('error');
        const address = server.address();
        const port = typeof address === 'object' && address !== null ? address.port : 0;
        resolve(new TcpTransport(server, host, port, options, options.logger ?? noopLogger));
      });
    });
  }

  /** Open connections, for tests that check nothing leaked. */
  get connectionCount(): number {
    return this.connections.size;
  }

  onReceive(handler: ReceiveHandler): void {
    this.handler = handler;
  }

  private adopt(socket: Socket, remote?: Destination): void {
    const source: Destination = remote ?? { transport: 'tcp', address: socket.remoteAddress ?? '', port: socket.remotePort ?? 0 };
    const id = key(source.address, source.port);
    this.connections.set(id, socket);
    const framer = new StreamFramer();
    socket.setNoDelay(true);
    socket.setTimeout(this.options.idleMs ?? 300_000, () => socket.destroy());
    socket.on('data', (chunk) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch (error) {
        // RFC 4475 §3.1.2.3: on a stream, a framing error closes the connection.
        if (error instanceof SipParseError) this.options.onFramingError?.(chunk, error, source);
        socket.end();
        return;
      }
      for (const message of messages) this.handler(message, source);
    });
    socket.on('error', (error) => this.logger.debug({ err: error, source }, 'sip.transport tcp connection error'));
    socket.on('close', () => {
      if (this.connections.get(id) === socket) this.connections.delete(id);
    });
  }

  send(data: Buffer, destination: Destination): void {
    if (this.closed) return;
    const id = key(destination.address, destination.port);
    let socket = this.connections.get(id);
    if (socket === undefined || socket.destroyed) {
      socket = createConnection({ host: destination.address, port: destination.port, noDelay: true });
      this.adopt(socket, { ...destination, transport: 'tcp' });
    }
    socket.write(data);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const socket of this.connections.values()) socket.destroy();
    this.connections.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
