/**
 * Endpoint: the user-agent core (RFC 3261 §8) over the transaction and transport layers.
 *
 * API (S2 and the switch build on it):
 * - `Endpoint.listen({ host, port, udp, tcp, clock, timers, logger, supported, accept })`.
 * - `addRequestFilter((request, source) => SipResponse | undefined | null | Promise<…>)`: run in
 *   order for every new request except ACK and CANCEL; a response answers with it and stops
 *   (guard, digest challenge, registrar); null drops the request without an answer (the server
 *   transaction is forgotten, so a retransmission runs the filters again).
 * - `onRequest(method, (incoming: IncomingRequest) => void)`: per-method handlers; methods
 *   without one get 405/501 with Allow; OPTIONS gets 200 with Allow/Accept/Supported.
 * - `onAck(handler)`: ACKs for 2xx (after the 2xx retransmission stopped); `onStrayResponse`
 *   for responses no client transaction matches (2xx retransmissions → re-ACK).
 * - `request(request, destination)`: starts a client transaction (adds Via/branch), returns it
 *   (`.on('response' | 'timeout', …)`). `resendWithCredentials(request, destination, edit)`:
 *   copy with a new branch and CSeq + 1, `edit` adds Authorization.
 * - `counts()`: open transactions and 2xx awaiting ACK; `close()`.
 */
import { noopLogger, type Logger } from '../logger';
import { createResponse } from '../messages/create-response';
import { parseMessage } from '../messages/parse-message';
import { requestForInvite } from '../messages/request-for-invite';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { BRANCH_MAGIC_COOKIE } from '../messages/via';
import type { Clock } from '../transactions/clock';
import { InvalidStateError } from '../transactions/transaction';
import { InviteServerTransaction } from '../transactions/invite-server-transaction';
import type { TimerSettings } from '../transactions/timers';
import { TransactionLayer, newBranch, type ClientTransaction } from '../transactions/transaction-layer';
import type { Destination } from '../transport/transport';
import { TransportLayer, type TransportLayerOptions } from '../transport/transport-layer';
import { IncomingRequest } from './incoming-request';
import { OkRetransmitter } from './ok-retransmitter';
import { checkRequest, type UasPolicy } from './uas-checks';

/** A response answers and stops; undefined goes on; null drops the request silently (no answer). */
export type FilterResult = SipResponse | undefined | null;
export type RequestFilter = (request: SipRequest, source: Destination) => FilterResult | Promise<FilterResult>;
export type RequestHandler = (incoming: IncomingRequest) => void;

export interface EndpointOptions extends TransportLayerOptions {
  clock?: Clock;
  timers?: TimerSettings;
  supported?: string[];
  accept?: string[];
  /** RFC 4475 §3.3.11: an endpoint processes Max-Forwards 0 normally; 'reject' answers 483. */
  maxForwardsZero?: 'process' | 'reject';
}

export class Endpoint {
  readonly transactions: TransactionLayer;
  private readonly filters: RequestFilter[] = [];
  private readonly handlers = new Map<string, RequestHandler>();
  private ackHandler: (ack: SipRequest, source: Destination) => void = () => {};
  private strayHandler: (response: SipResponse) => void = () => {};
  private readonly okRetransmitter: OkRetransmitter;
  private readonly logger: Logger;
  /** §8.2.2.2 merged requests: From tag + Call-ID + CSeq of open out-of-dialog transactions. */
  private readonly merged = new Map<string, string>();
  private closed = false;

  constructor(
    readonly transport: TransportLayer,
    private readonly options: EndpointOptions = {},
  ) {
    this.logger = options.logger ?? noopLogger;
    this.transactions = new TransactionLayer(transport, { clock: options.clock, timers: options.timers, logger: this.logger });
    this.okRetransmitter = new OkRetransmitter(this.transactions.clock, this.transactions.timerSettings);
    transport.onRequest((request, source) => this.receiveRequest(request, source));
    transport.onResponse((response) => this.receiveResponse(response));
  }

  static async listen(options: EndpointOptions = {}): Promise<Endpoint> {
    return new Endpoint(await TransportLayer.listen(options), options);
  }

  get port(): number {
    return this.transport.port;
  }

  addRequestFilter(filter: RequestFilter): void {
    this.filters.push(filter);
  }

  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method.toUpperCase(), handler);
    this.cachedPolicy = undefined;
  }

  onAck(handler: (ack: SipRequest, source: Destination) => void): void {
    this.ackHandler = handler;
  }

  onStrayResponse(handler: (response: SipResponse) => void): void {
    this.strayHandler = handler;
  }

  private cachedPolicy: UasPolicy | undefined;

  /** What we allow, support and accept (Allow/Supported/Accept); recomputed when handlers change. */
  get policy(): UasPolicy {
    if (this.cachedPolicy === undefined) {
      const allow = new Set(['ACK', 'CANCEL', 'OPTIONS', ...this.handlers.keys()]);
      this.cachedPolicy = { allow: [...allow], supported: this.options.supported ?? [], accept: this.options.accept ?? ['application/sdp', 'message/sipfrag', 'application/dtmf-relay', 'text/plain'] };
    }
    return this.cachedPolicy;
  }

  counts(): { clientTransactions: number; serverTransactions: number; awaitingAck: number } {
    const { clients, servers } = this.transactions.count;
    return { clientTransactions: clients, serverTransactions: servers, awaitingAck: this.okRetransmitter.count };
  }

  private receiveRequest(request: SipRequest, source: Destination): void {
    if (this.closed) return;
    if (request.method === 'ACK') {
      const tx = this.transactions.matchServer(request);
      if (tx !== undefined) tx.receiveRequest(request);
      else {
        this.okRetransmitter.stop(OkRetransmitter.key(request.callId, request.cseq.seq, request.from.tag));
        this.ackHandler(request, source);
      }
      return;
    }
    // RFC 4475 §3.2.1: a branch that is only the magic cookie carries no transaction id.
    if (request.topVia.branch === BRANCH_MAGIC_COOKIE) {
      this.transport.sendResponse(createResponse(request, 400, 'Bad Request - Malformed branch'), source);
      return;
    }
    const existing = this.transactions.matchServer(request);
    if (existing !== undefined) {
      existing.receiveRequest(request);
      return;
    }
    const tx = this.transactions.createServer(request, source);
    const incoming = new IncomingRequest(request, source, tx, this);
    if (request.method === 'CANCEL') return this.receiveCancel(incoming);
    if (request.method === 'INVITE') {
      // Until its final response, a CANCEL may end this INVITE: keep it findable (§9.2).
      this.pendingInvites.set(tx.id, incoming);
      tx.on('terminated', () => this.pendingInvites.delete(tx.id));
    }
    if (request.to.tag === undefined) {
      // §8.2.2.2: "If the From tag, Call-ID, and CSeq exactly match those associated with an
      // ongoing transaction, but the request does not match that transaction … the UAS core
      // SHOULD generate a 482 (Loop Detected) response".
      const mergeKey = `${request.from.tag ?? ''}|${request.callId}|${request.cseq.seq} ${request.method}`;
      if (this.merged.has(mergeKey)) return void incoming.respond(482);
      this.merged.set(mergeKey, tx.id);
      tx.on('terminated', () => this.merged.delete(mergeKey));
    }
    if (request.maxForwards === 0 && this.options.maxForwardsZero === 'reject') return void incoming.respond(483);
    // §8.2: "starting with authentication, then inspecting the method, the header fields" — the
    // filters (guard, digest, registrar) come first, so nothing is revealed before them.
    this.runFilters(incoming, 0);
  }

  private runFilters(incoming: IncomingRequest, from: number): void {
    for (let i = from; i < this.filters.length; i++) {
      const filter = this.filters[i] as RequestFilter;
      let result: ReturnType<RequestFilter>;
      try {
        result = filter(incoming.request, incoming.source);
      } catch (error) {
        this.logger.error({ err: error }, 'sip.endpoint request filter failed');
        return void incoming.respond(500);
      }
      if (result instanceof Promise) {
        result.then(
          (response) => (response !== undefined ? this.filtered(incoming, response) : this.runFilters(incoming, i + 1)),
          (error: unknown) => {
            this.logger.error({ err: error }, 'sip.endpoint request filter failed');
            incoming.respond(500);
          },
        );
        return;
      }
      if (result !== undefined) return this.filtered(incoming, result);
    }
    this.dispatch(incoming);
  }

  private filtered(incoming: IncomingRequest, result: SipResponse | null): void {
    if (result === null) incoming.transaction.close();
    else this.sendResponse(incoming, result);
  }

  private dispatch(incoming: IncomingRequest): void {
    const refusal = checkRequest(incoming.request, this.policy);
    if (refusal !== undefined) return void this.sendResponse(incoming, refusal);
    const method = incoming.request.method;
    const handler = this.handlers.get(method);
    if (handler === undefined) {
      // §11.2: OPTIONS is answered as an INVITE would be, listing what we allow and accept.
      const policy = this.policy;
      const headers = { Allow: policy.allow.join(', '), Accept: policy.accept.join(', '), Supported: policy.supported.join(', ') };
      return void incoming.respond(method === 'OPTIONS' ? 200 : 405, undefined, { headers });
    }
    try {
      handler(incoming);
    } catch (error) {
      this.logger.error({ err: error, method }, 'sip.endpoint handler failed');
      if (!incoming.answered) incoming.respond(500);
    }
  }

  /** §9.2: CANCEL gets 200 when it matches an INVITE in progress (which gets 487), else 481. */
  private receiveCancel(incoming: IncomingRequest): void {
    const invite = this.transactions.matchCancelled(incoming.request);
    if (invite === undefined) return void incoming.respond(481);
    incoming.respond(200);
    if (invite.finalStatus === undefined && !invite.terminated) {
      // "the UAS … SHOULD immediately respond to the INVITE with a 487 (Request Terminated)."
      const pending = this.pendingInvites.get(invite.id);
      if (pending !== undefined) {
        pending.respond(487);
        pending.notifyCancel();
      } else invite.respond(createResponse(invite.request, 487));
    }
  }

  private readonly pendingInvites = new Map<string, IncomingRequest>();

  /** ResponseSink: every response to an incoming request goes through here. */
  sendResponse(incoming: IncomingRequest, response: SipResponse): void {
    const tx = incoming.transaction;
    const request = incoming.request;
    if (tx instanceof InviteServerTransaction) {
      if (response.status >= 200) this.pendingInvites.delete(tx.id);
      if (response.status >= 200 && response.status < 300 && tx.state === 'Proceeding') {
        const wire = response.serialize();
        const destination = incoming.source.transport === 'tcp' ? incoming.source : { ...this.transport.responseDestination(request), transport: incoming.source.transport };
        this.okRetransmitter.start(
          OkRetransmitter.key(request.callId, request.cseq.seq, request.from.tag),
          () => this.transport.transport(destination.transport)?.send(wire, destination),
          () => {
            this.logger.warn({ callId: request.callId }, 'sip.endpoint no ACK for 2xx after 64*T1');
            incoming.notifyAckTimeout();
          },
        );
      }
    }
    tx.respond(response);
  }

  private receiveResponse(response: SipResponse): void {
    if (this.closed) return;
    const tx = this.transactions.matchClient(response);
    if (tx !== undefined) tx.receiveResponse(response);
    else this.strayHandler(response);
  }

  /**
   * Sends a request outside any transaction (the ACK for a 2xx, §13.2.2.4: "The ACK … is not
   * passed to the client transaction"), with a new Via branch. Returns the bytes for resending.
   */
  sendStateless(request: SipRequest, destination: Destination): Buffer {
    request.addHeader('Via', `SIP/2.0/${destination.transport.toUpperCase()} ${this.transport.sentBy(destination.transport)};branch=${newBranch()};rport`, { first: true });
    const wire = request.serialize();
    this.sendBytes(wire, destination);
    return wire;
  }

  sendBytes(wire: Buffer, destination: Destination): void {
    this.transport.transport(destination.transport)?.send(wire, destination);
  }

  /** Starts a client transaction for `request` towards `destination`. */
  request(request: SipRequest, destination: Destination): ClientTransaction {
    if (this.closed) throw new InvalidStateError('endpoint is closed');
    return this.transactions.createClient(request, destination);
  }

  /**
   * §9.1: CANCEL for a pending INVITE — "The Request-URI, Call-ID, To, the numeric part of CSeq,
   * and From header fields in the CANCEL request MUST be identical to those in the request being
   * cancelled, including tags … [and] a single Via header field value matching the top Via value
   * in the request being cancelled". Route headers are copied too.
   */
  cancel(invite: ClientTransaction, destination: Destination): ClientTransaction {
    const cancel = requestForInvite(invite.request, 'CANCEL', invite.request.header('to') ?? '');
    return this.transactions.createClient(cancel, destination, { keepVia: true });
  }

  /**
   * A copy of `request` for a new transaction (§8.1.3.5 / §22.2: "the same Call-ID, To, From …
   * CSeq incremented"), with our Via removed so that request() adds one with a new branch.
   */
  static nextAttempt(request: SipRequest, edit: (copy: SipRequest) => void = () => {}): SipRequest {
    const copy = parseMessage(request.serialize()) as SipRequest;
    const vias = copy.headerValues('via').slice(1);
    if (vias.length > 0) copy.setHeader('Via', vias);
    else copy.removeHeader('Via');
    copy.setHeader('CSeq', `${request.cseq.seq + 1} ${request.method}`);
    edit(copy);
    return copy;
  }

  resendWithCredentials(request: SipRequest, destination: Destination, edit: (copy: SipRequest) => void): ClientTransaction {
    return this.request(Endpoint.nextAttempt(request, edit), destination);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.okRetransmitter.close();
    this.transactions.close();
    await this.transport.close();
  }
}
