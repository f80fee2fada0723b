/**
 * The transaction layer (RFC 3261 §17): files client and server transactions in maps keyed per
 * §17.1.3/§17.2.3, hands retransmissions and ACKs to the transaction they match, and creates
 * transactions on demand. Counts are public so that tests can assert nothing leaked.
 */
import { noopLogger, type Logger } from '../logger';
import { createResponse, randomHex } from '../messages/create-response';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { BRANCH_MAGIC_COOKIE } from '../messages/via';
import type { Destination } from '../transport/transport';
import type { TransportLayer } from '../transport/transport-layer';
import { systemClock, type Clock } from './clock';
import { InviteClientTransaction } from './invite-client-transaction';
import { InviteServerTransaction } from './invite-server-transaction';
import { NonInviteClientTransaction } from './non-invite-client-transaction';
import { NonInviteServerTransaction } from './non-invite-server-transaction';
import { DEFAULT_TIMERS, timerValues, type TimerSettings, type TimerValues } from './timers';
import { clientTransactionKey, serverTransactionKey } from './transaction-keys';
import type { TransactionSender } from './transaction';

export type ClientTransaction = InviteClientTransaction | NonInviteClientTransaction;
export type ServerTransaction = InviteServerTransaction | NonInviteServerTransaction;

export interface TransactionLayerOptions {
  clock?: Clock;
  timers?: TimerSettings;
  logger?: Logger;
}

export function newBranch(): string {
  return `${BRANCH_MAGIC_COOKIE}${randomHex(8)}`;
}

export class TransactionLayer {
  readonly clock: Clock;
  readonly timerSettings: TimerSettings;
  private readonly logger: Logger;
  readonly clients = new Map<string, ClientTransaction>();
  readonly servers = new Map<string, ServerTransaction>();

  constructor(
    readonly transport: TransportLayer,
    options: TransactionLayerOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.timerSettings = options.timers ?? DEFAULT_TIMERS;
    this.logger = options.logger ?? noopLogger;
    this.timerTables = { reliable: timerValues(this.timerSettings, true), unreliable: timerValues(this.timerSettings, false) };
  }

  private readonly timerTables: { reliable: TimerValues; unreliable: TimerValues };

  /** One shared table of timer durations per kind of transport (not one per transaction). */
  private timerValuesFor(reliable: boolean): TimerValues {
    return reliable ? this.timerTables.reliable : this.timerTables.unreliable;
  }

  get count(): { clients: number; servers: number } {
    return { clients: this.clients.size, servers: this.servers.size };
  }

  /** The server transaction a request belongs to, if any (retransmission, ACK for non-2xx). */
  matchServer(request: SipRequest): ServerTransaction | undefined {
    return this.servers.get(serverTransactionKey(request));
  }

  /** The INVITE server transaction a CANCEL refers to (§9.2). */
  matchCancelled(cancel: SipRequest): InviteServerTransaction | undefined {
    const tx = this.servers.get(serverTransactionKey(cancel, 'INVITE'));
    return tx instanceof InviteServerTransaction ? tx : undefined;
  }

  matchClient(response: SipResponse): ClientTransaction | undefined {
    return this.clients.get(clientTransactionKey(response));
  }

  createServer(request: SipRequest, source: Destination): ServerTransaction {
    const id = serverTransactionKey(request);
    const sender = this.responseSender(request, source);
    const context = { clock: this.clock, timers: this.timerValuesFor(sender.reliable), sender, logger: this.logger };
    const tx =
      request.method === 'INVITE'
        ? new InviteServerTransaction(id, request, context, () => createResponse(request, 100))
        : new NonInviteServerTransaction(id, request, context);
    this.servers.set(id, tx);
    tx.on('terminated', () => {
      if (this.servers.get(id) === tx) this.servers.delete(id);
    });
    return tx;
  }

  /**
   * Starts a client transaction: adds our Via with a new branch (§8.1.1.7) unless the request
   * already has one of ours, then sends.
   */
  createClient(request: SipRequest, destination: Destination, options: { keepVia?: boolean } = {}): ClientTransaction {
    const protocol = destination.transport.toUpperCase();
    // A CANCEL keeps the INVITE's Via (§9.1: same branch), so it is passed with keepVia.
    if (!options.keepVia) request.addHeader('Via', `SIP/2.0/${protocol} ${this.transport.sentBy(destination.transport)};branch=${newBranch()};rport`, { first: true });
    const id = clientTransactionKey(request);
    const reliable = this.transport.transport(destination.transport)?.reliable ?? false;
    const sender: TransactionSender = { reliable, send: (data) => this.transport.transports.find((t) => t.protocol === destination.transport)?.send(data, destination) };
    const context = { clock: this.clock, timers: this.timerValuesFor(reliable), sender, logger: this.logger };
    const tx = request.method === 'INVITE' ? new InviteClientTransaction(id, request, context) : new NonInviteClientTransaction(id, request, context);
    this.clients.set(id, tx);
    tx.on('terminated', () => {
      if (this.clients.get(id) === tx) this.clients.delete(id);
    });
    // Start after the caller has had a chance to attach listeners.
    queueMicrotask(() => {
      if (!tx.terminated) tx.start();
    });
    return tx;
  }

  /** §18.2.2: responses go back on the connection (TCP) or by the top Via (UDP). */
  private responseSender(request: SipRequest, source: Destination): TransactionSender {
    const reliable = source.transport === 'tcp';
    const transport = this.transport.transport(source.transport);
    // The top Via already carries received/rport (stamped on arrival), so for UDP the §18.2.2
    // destination is computed once from it.
    const destination = reliable ? source : { ...this.transport.responseDestination(request), transport: source.transport };
    return { reliable, send: (data) => transport?.send(data, destination) };
  }

  close(): void {
    for (const tx of [...this.clients.values(), ...this.servers.values()]) tx.close();
    this.clients.clear();
    this.servers.clear();
  }
}
