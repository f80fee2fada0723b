/**
 * A request handed to a handler: the request, where it came from, its server transaction, and
 * respond() that builds the response (§8.2.6) with one To tag for every response to it, so that
 * a 180 and the 200 that follows belong to the same dialog.
 */
import { createResponse, newTag, type ResponseOptions } from '../messages/create-response';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { ServerTransaction } from '../transactions/transaction-layer';
import type { Destination } from '../transport/transport';

export interface ResponseSink {
  /** Sends a response on the transaction; a 2xx to INVITE is retransmitted until the ACK. */
  sendResponse(incoming: IncomingRequest, response: SipResponse): void;
}

export class IncomingRequest {
  /** Local tag for responses that create a dialog (ours when the request had no To tag). */
  readonly toTag: string;
  private cancelListeners: (() => void)[] = [];
  private ackTimeoutListeners: (() => void)[] = [];
  cancelled = false;

  constructor(
    readonly request: SipRequest,
    readonly source: Destination,
    readonly transaction: ServerTransaction,
    private readonly sink: ResponseSink,
  ) {
    this.toTag = request.to.tag ?? newTag();
  }

  respond(status: number, reason?: string, options: ResponseOptions = {}): SipResponse {
    const response = createResponse(this.request, status, reason, { toTag: this.toTag, ...options });
    this.send(response);
    return response;
  }

  send(response: SipResponse): void {
    this.sink.sendResponse(this, response);
  }

  /** Whether a final response has been sent. */
  get answered(): boolean {
    return this.transaction.finalStatus !== undefined || this.transaction.terminated;
  }

  /** Called when a CANCEL ends this INVITE (the endpoint has already answered 487). */
  onCancel(listener: () => void): void {
    this.cancelListeners.push(listener);
  }

  /** §13.3.1.4: called when a 2xx got no ACK within 64·T1 (the session should end with BYE). */
  onAckTimeout(listener: () => void): void {
    this.ackTimeoutListeners.push(listener);
  }

  notifyAckTimeout(): void {
    for (const listener of this.ackTimeoutListeners) listener();
  }

  notifyCancel(): void {
    this.cancelled = true;
    for (const listener of this.cancelListeners) listener();
  }
}
