/**
 * Non-INVITE server transaction (RFC 3261 §17.2.2, Figure 8).
 *
 *                   |Request received: pass to TU
 *                   v
 *             +-----------+ 1xx from TU: send   +------------+ Request: resend 1xx
 *             |  Trying   |-------------------->| Proceeding |-----+
 *             +-----------+                     +------------+<----+
 *      200-699 from TU |            200-699 from TU: send |
 *                      v                                  v
 *             +-----------+ Request: resend final <-------+
 *             | Completed |
 *             +-----------+
 *                   | Timer J (64*T1 UDP, 0 reliable)
 *                   v
 *             +-----------+
 *             | Terminated|
 *             +-----------+
 */
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { Transaction, type TransactionContext } from './transaction';

export enum NonInviteServerState {
  Trying = 'Trying',
  Proceeding = 'Proceeding',
  Completed = 'Completed',
  Terminated = 'Terminated',
}

const S = NonInviteServerState;

export class NonInviteServerTransaction extends Transaction<NonInviteServerState> {
  protected readonly transitions = {
    [S.Trying]: [S.Proceeding, S.Completed, S.Terminated],
    [S.Proceeding]: [S.Completed, S.Terminated],
    [S.Completed]: [S.Terminated],
    [S.Terminated]: [],
  };
  readonly terminatedState = S.Terminated;
  private lastResponse: Buffer | undefined;
  /** Status of the final response, once sent. */
  finalStatus: number | undefined;

  constructor(id: string, request: SipRequest, context: TransactionContext) {
    super(id, request, S.Trying, context);
  }

  receiveRequest(_request: SipRequest): void {
    // §17.2.2: in Trying "any further request retransmissions are discarded"; in Proceeding and
    // Completed the last response "MUST be passed to the transport layer for retransmission".
    if (this.state !== S.Trying && this.lastResponse) this.context.sender.send(this.lastResponse);
  }

  respond(response: SipResponse): void {
    if (this.state !== S.Trying && this.state !== S.Proceeding) return;
    const wire = response.serialize();
    this.lastResponse = wire;
    this.context.sender.send(wire);
    if (response.status < 200) {
      this.transitionTo(S.Proceeding);
      return;
    }
    this.finalStatus = response.status;
    this.transitionTo(S.Completed);
    this.releaseRequest();
    // "When the server transaction enters the 'Completed' state, it MUST set Timer J to fire in
    // 64*T1 seconds for unreliable transports, and zero seconds for reliable transports."
    if (this.timers.J === 0) this.transitionTo(S.Terminated);
    else this.startTimer('J', this.timers.J, () => this.transitionTo(S.Terminated));
  }
}
