/**
 * INVITE client transaction (RFC 3261 §17.1.1, Figure 5).
 *
 *                 |INVITE sent, Timer A (UDP), Timer B
 *                 v
 *   Timer B   +---------+ 1xx -> TU
 *   ----------| Calling |------------+
 *   |         +---------+            v
 *   |  2xx -> TU |  300-699    +------------+ 1xx -> TU
 *   |            |  ACK, ->TU  | Proceeding |---+
 *   |            |             +------------+<--+
 *   |            |     300-699 ACK ->TU |  | 2xx -> TU
 *   |            v                      v  |
 *   |       +-----------+ <-------------+  |
 *   |       | Completed | 300-699: ACK     |
 *   |       +-----------+                  |
 *   |            | Timer D                 |
 *   v            v                         v
 *  +------------------------------------------+
 *  |                Terminated                |
 *  +------------------------------------------+
 */
import { requestForInvite } from '../messages/request-for-invite';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { Transaction, type TransactionContext } from './transaction';

export enum InviteClientState {
  Calling = 'Calling',
  Proceeding = 'Proceeding',
  Completed = 'Completed',
  Terminated = 'Terminated',
}

const S = InviteClientState;

export class InviteClientTransaction extends Transaction<InviteClientState> {
  protected readonly transitions = {
    [S.Calling]: [S.Proceeding, S.Completed, S.Terminated],
    [S.Proceeding]: [S.Completed, S.Terminated],
    [S.Completed]: [S.Terminated],
    [S.Terminated]: [],
  };
  readonly terminatedState = S.Terminated;
  private readonly wire: Buffer;
  private ackWire: Buffer | undefined;

  constructor(id: string, request: SipRequest, context: TransactionContext) {
    super(id, request, S.Calling, context);
    this.wire = request.serialize();
  }

  /** Sends the INVITE and starts timers A and B. */
  start(): void {
    this.context.sender.send(this.wire);
    // §17.1.1.2: "If an unreliable transport is being used, the client transaction MUST start
    // timer A with a value of T1 … For any transport, the client transaction MUST start timer B".
    if (!this.reliable) this.scheduleA(this.timers.A);
    this.startTimer('B', this.timers.B, () => {
      // "If the client transaction is still in the Calling state when timer B fires, the client
      // transaction SHOULD inform the TU that a timeout has occurred."
      if (this.state !== S.Calling) return;
      this.transitionTo(S.Terminated);
      this.emit('timeout');
    });
  }

  private scheduleA(interval: number): void {
    this.startTimer('A', interval, () => {
      if (this.state !== S.Calling) return;
      // "When timer A fires, the client transaction MUST retransmit the request … and reset
      // the timer with a value of 2*T1."
      this.context.sender.send(this.wire);
      this.scheduleA(interval * 2);
    });
  }

  receiveResponse(response: SipResponse): void {
    const status = response.status;
    if (this.state === S.Calling || this.state === S.Proceeding) {
      this.stopTimer('A');
      if (status < 200) {
        this.transitionTo(S.Proceeding);
        this.emit('response', response);
      } else if (status < 300) {
        // "a 2xx response … MUST cause the client transaction to enter the Terminated state";
        // the ACK for a 2xx is the TU's (dialog's) business.
        this.transitionTo(S.Terminated);
        this.emit('response', response);
      } else {
        this.transitionTo(S.Completed);
        this.sendAck(response);
        this.emit('response', response);
        // "The client transaction SHOULD start timer D … 32 s for unreliable, 0 for reliable."
        if (this.timers.D === 0) this.transitionTo(S.Terminated);
        else this.startTimer('D', this.timers.D, () => this.transitionTo(S.Terminated));
      }
    } else if (this.state === S.Completed && status >= 300) {
      // "Any retransmissions of the final response … MUST cause the ACK to be re-passed to the
      // transport layer for retransmission, but the newly received response MUST NOT be passed up".
      if (this.ackWire) this.context.sender.send(this.ackWire);
    }
  }

  /** §17.1.1.3: the ACK for a non-2xx final response, built from the INVITE and the response. */
  private sendAck(response: SipResponse): void {
    const ack = requestForInvite(this.request, 'ACK', response.header('to') ?? '');
    this.ackWire = ack.serialize();
    this.context.sender.send(this.ackWire);
  }
}
