/**
 * INVITE server transaction (RFC 3261 §17.2.1, Figure 7).
 *
 * With the RFC 6026 §7.1 Accepted state: after a 2xx the transaction stays for timer L (64·T1)
 * and absorbs retransmitted INVITEs, which would otherwise reach the TU as new calls.
 *
 *                    |INVITE: pass to TU (100 Trying after 200 ms if the TU is silent)
 *                    v
 *   INVITE      +------------+ 1xx from TU: send
 *   resend 1xx  | Proceeding |-------------+
 *         +---->|            |<------------+
 *         +-----+------------+ 2xx from TU: send --------------+
 *                    | 300-699 from TU: send, Timer G (UDP), H |
 *                    v                                         |
 *   INVITE      +-----------+ Timer G: resend response         |
 *   resend resp | Completed |--------+                         |
 *         +---->|           |<-------+  Timer H: -> TU timeout |
 *         +-----+-----------+--------------------------------+ |
 *                    | ACK: Timer I                          | |
 *                    v                                       | |
 *               +-----------+ ACK: absorb                    | |
 *               | Confirmed |                                | |
 *               +-----------+                                | |
 *                    | Timer I                               v v
 *                    +--------------------------------> Terminated
 */
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { Transaction, type TransactionContext } from './transaction';

export enum InviteServerState {
  Proceeding = 'Proceeding',
  Accepted = 'Accepted',
  Completed = 'Completed',
  Confirmed = 'Confirmed',
  Terminated = 'Terminated',
}

const S = InviteServerState;
const TRYING_DELAY_MS = 200;

export class InviteServerTransaction extends Transaction<InviteServerState> {
  protected readonly transitions = {
    [S.Proceeding]: [S.Accepted, S.Completed, S.Terminated],
    [S.Accepted]: [S.Terminated],
    [S.Completed]: [S.Confirmed, S.Terminated],
    [S.Confirmed]: [S.Terminated],
    [S.Terminated]: [],
  };
  readonly terminatedState = S.Terminated;
  private lastResponse: Buffer | undefined;
  /** Status of the final response, once sent (CANCEL handling checks it). */
  finalStatus: number | undefined;

  constructor(id: string, request: SipRequest, context: TransactionContext, makeTrying: () => SipResponse) {
    super(id, request, S.Proceeding, context);
    // §17.2.1: "the server transaction MUST generate a 100 (Trying) response unless it knows
    // that the TU will generate a provisional or final response within 200 ms".
    this.startTimer('trying', TRYING_DELAY_MS, () => {
      if (this.lastResponse === undefined) this.respond(makeTrying());
    });
  }

  /** A retransmitted INVITE or an ACK matching this transaction (§17.2.3). */
  receiveRequest(request: SipRequest): void {
    if (request.method === 'ACK') {
      if (this.state !== S.Completed) return; // Confirmed absorbs ACKs
      // "If an ACK is received while the server transaction is in the 'Completed' state, the
      // server transaction MUST transition to the 'Confirmed' state."
      this.stopTimer('G');
      this.stopTimer('H');
      this.transitionTo(S.Confirmed);
      this.emit('ack', request);
      if (this.timers.I === 0) this.transitionTo(S.Terminated);
      else this.startTimer('I', this.timers.I, () => this.transitionTo(S.Terminated));
      return;
    }
    // RFC 6026 §8.6: "any retransmissions of the INVITE received while in the 'Accepted' state
    // MUST be absorbed by the server transaction" (the core's 2xx retransmissions answer them).
    if (this.state === S.Accepted) return;
    // "If a request retransmission is received while in the 'Proceeding' state, the most recent
    // provisional response … MUST be passed to the transport layer"; likewise the final in Completed.
    if ((this.state === S.Proceeding || this.state === S.Completed) && this.lastResponse) {
      this.context.sender.send(this.lastResponse);
    }
  }

  /** The TU's response. */
  respond(response: SipResponse): void {
    if (this.state !== S.Proceeding) return; // too late: a final response was already sent
    this.stopTimer('trying');
    const wire = response.serialize();
    this.lastResponse = wire;
    this.context.sender.send(wire);
    if (response.status < 200) return;
    this.finalStatus = response.status;
    if (response.status < 300) {
      // RFC 6026 §8.5 (updating §17.2.1): "If, while in the 'Proceeding' state, the TU passes a
      // 2xx response to the server transaction, the server transaction MUST pass this response
      // to the transport layer … and transition to the 'Accepted' state" where it stays for
      // timer L (64*T1). 2xx retransmission stays the UAS core's job (§13.3.1.4).
      this.transitionTo(S.Accepted);
      this.releaseRequest();
      this.startTimer('L', this.timers.L, () => this.transitionTo(S.Terminated));
      return;
    }
    this.transitionTo(S.Completed);
    this.releaseRequest();
    // "For unreliable transports, timer G is set to fire in T1 seconds … timer H MUST be set to
    // fire in 64*T1 seconds for all transports."
    if (!this.reliable) this.scheduleG(this.timers.G, wire);
    this.startTimer('H', this.timers.H, () => {
      this.transitionTo(S.Terminated);
      this.emit('timeout');
    });
  }

  private scheduleG(interval: number, wire: Buffer): void {
    this.startTimer('G', interval, () => {
      if (this.state !== S.Completed) return;
      this.context.sender.send(wire);
      this.scheduleG(Math.min(interval * 2, this.timers.T2), wire);
    });
  }
}
