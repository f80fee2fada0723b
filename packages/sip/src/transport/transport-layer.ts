/**
 * The transport layer seen from above (RFC 3261 §18): owns the UDP and TCP transports, parses
 * what arrives, answers malformed requests (400/505/513 … when a response can be built, else
 * drops them), stamps received/rport on incoming requests (§18.2.1, RFC 3581 §4) and routes
 * responses by the top Via (§18.2.2). No exception from the network reaches the process.
 */
import { noopLogger, type Logger } from '../logger';
import { createResponse } from '../messages/create-response';
import { parseMessage } from '../messages/parse-message';
import { SipParseError } from '../messages/sip-parse-error';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { SipMessage } from '../messages/sip-message';
import { TcpTransport } from './tcp-transport';
import { UdpTransport } from './udp-transport';
import type { Destination, Transport, TransportProtocol } from './transport';

export interface TransportLayerOptions {
  /** Bind address (default 0.0.0.0). */
  host?: string;
  /** Port for both UDP and TCP (default 5060; 0 picks a free one, the same for both). */
  port?: number;
  udp?: boolean;
  tcp?: boolean;
  /** Host written in our Via and Contact (default: host, or 127.0.0.1 when host is 0.0.0.0). */
  advertisedHost?: string;
  idleMs?: number;
  maxConnections?: number;
  logger?: Logger;
}

export type RequestHandler = (request: SipRequest, source: Destination) => void;
export type ResponseHandler = (response: SipResponse, source: Destination) => void;

export class TransportLayer {
  private requestHandler: RequestHandler = () => {};
  private responseHandler: ResponseHandler = () => {};
  readonly stats = { received: 0, parseErrors: 0, sent: 0 };
  readonly advertisedHost: string;

  constructor(
    readonly transports: readonly Transport[],
    options: { advertisedHost?: string; logger?: Logger } = {},
    private readonly logger: Logger = options.logger ?? noopLogger,
  ) {
    const first = transports[0];
    this.advertisedHost = options.advertisedHost ?? (first === undefined || first.host === '0.0.0.0' ? '127.0.0.1' : first.host);
    for (const transport of transports) transport.onReceive((data, source) => this.receive(data, source));
  }

  static async listen(options: TransportLayerOptions = {}): Promise<TransportLayer> {
    const logger = options.logger ?? noopLogger;
    const wantUdp = options.udp ?? true;
    const wantTcp = options.tcp ?? true;
    for (let attempt = 0; ; attempt++) {
      const transports: Transport[] = [];
      let port = options.port ?? 5060;
      try {
        if (wantUdp) {
          const udp = await UdpTransport.listen({ host: options.host, port, logger });
          transports.push(udp);
          port = udp.port;
        }
        if (wantTcp) {
          const layerRef: { layer?: TransportLayer } = {};
          transports.push(
            await TcpTransport.listen({
              host: options.host, port, idleMs: options.idleMs, maxConnections: options.maxConnections, logger,
              onFramingError: (data, error, source) => layerRef.layer?.reject(data, error, source),
            }),
          );
          const layer = new TransportLayer(transports, { advertisedHost: options.advertisedHost, logger });
          layerRef.layer = layer;
          return layer;
        }
        return new TransportLayer(transports, { advertisedHost: options.advertisedHost, logger });
      } catch (error) {
        await Promise.all(transports.map((t) => t.close()));
        // With port 0 the UDP port may be taken on TCP: try another free one.
        if (options.port !== 0 || attempt >= 5) throw error;
      }
    }
  }

  onRequest(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  onResponse(handler: ResponseHandler): void {
    this.responseHandler = handler;
  }

  transport(protocol: TransportProtocol): Transport | undefined {
    return this.transports.find((t) => t.protocol === protocol);
  }

  /** "host:port" to write as sent-by in our Via for this transport. */
  sentBy(protocol: TransportProtocol): string {
    return `${this.advertisedHost}:${this.transport(protocol)?.port ?? 5060}`;
  }

  get port(): number {
    return this.transports[0]?.port ?? 0;
  }

  private receive(data: Buffer, source: Destination): void {
    this.stats.received++;
    let message: SipRequest | SipResponse;
    try {
      message = parseMessage(data, { datagram: source.transport === 'udp' });
    } catch (error) {
      this.reject(data, error, source);
      return;
    }
    try {
      if (message.kind === 'request') {
        this.stampReceived(message, source);
        this.requestHandler(message, source);
      } else this.responseHandler(message, source);
    } catch (error) {
      // A broken invariant above us ends that message, never the process.
      this.logger.error({ err: error, source }, 'sip.transport handler failed');
    }
  }

  /** Answers a request that failed to parse when a response can be built; drops anything else. */
  reject(data: Buffer, error: unknown, source: Destination): void {
    this.stats.parseErrors++;
    if (!(error instanceof SipParseError)) {
      this.logger.error({ err: error, source }, 'sip.transport parser failed unexpectedly');
      return;
    }
    const partial = error.partial;
    // §16.3 / RFC 4475 §3.1.2.19: malformed responses are dropped, never answered.
    if (partial === undefined || partial.kind !== 'request' || partial.headers('via').length === 0) {
      this.logger.debug({ reason: error.reason, source, bytes: data.length }, 'sip.transport dropped malformed message');
      return;
    }
    if ((partial as SipRequest).method === 'ACK') return; // never answer an ACK
    const response = createResponse(partial, error.status, error.reason);
    this.sendBytes(response.serialize(), source);
  }

  /**
   * §18.2.1: "the server transport MUST add a received parameter" when the sent-by host differs
   * from the packet's source address; RFC 3581 §4: with an empty rport it MUST set rport to the
   * source port and add received even if the addresses are equal.
   */
  private stampReceived(request: SipRequest, source: Destination): void {
    const via = request.topVia;
    const wantsRport = via.params.has('rport') && via.params.get('rport') === null;
    if (!wantsRport && via.host === source.address) return;
    via.params.set('received', source.address);
    if (wantsRport) via.params.set('rport', String(source.port));
    request.replaceTopVia(via);
  }

  sendRequest(request: SipRequest, destination: Destination): void {
    this.sendBytes(request.serialize(), destination);
  }

  /** Sends a response where §18.2.2 says, or to `source` when given (e.g. an open TCP connection). */
  sendResponse(response: SipMessage, source?: Destination): void {
    this.sendBytes(response.serialize(), source ?? this.responseDestination(response));
  }

  /** §18.2.2 response routing by the top Via: maddr, then received (+rport), then sent-by. */
  responseDestination(response: SipMessage): Destination {
    const via = response.topVia;
    const transport: TransportProtocol = via.transport === 'TCP' ? 'tcp' : 'udp';
    const defaultPort = via.port ?? 5060;
    if (via.maddr !== undefined) return { transport, address: via.maddr, port: defaultPort };
    const rport = via.rport;
    if (via.received !== undefined) return { transport, address: via.received, port: typeof rport === 'number' ? rport : defaultPort };
    return { transport, address: via.host.replace(/^\[|\]$/g, ''), port: defaultPort };
  }

  private sendBytes(data: Buffer, destination: Destination): void {
    const transport = this.transport(destination.transport) ?? this.transports[0];
    if (transport === undefined) return;
    this.stats.sent++;
    transport.send(data, destination);
  }

  async close(): Promise<void> {
    await Promise.all(this.transports.map((t) => t.close()));
  }
}
