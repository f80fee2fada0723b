/**
 * What the layers above need from a transport (RFC 3261 §18): send bytes to a destination, and
 * hand up what arrives with its source. UdpTransport and TcpTransport implement it; tests may
 * use a fake.
 */
export type TransportProtocol = 'udp' | 'tcp';

/** Where a message goes or came from. */
export interface Destination {
  transport: TransportProtocol;
  address: string;
  port: number;
}

export type ReceiveHandler = (data: Buffer, source: Destination) => void;

export interface Transport {
  readonly protocol: TransportProtocol;
  /** Stream transports are reliable: no retransmissions (§17.1.1.2). */
  readonly reliable: boolean;
  /** Bound address and port. */
  readonly host: string;
  readonly port: number;
  send(data: Buffer, destination: Destination): void;
  onReceive(handler: ReceiveHandler): void;
  close(): Promise<void>;
}

/** A named failure to send or bind. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
}
