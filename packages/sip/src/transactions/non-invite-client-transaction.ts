/**
 * Non-INVITE client transaction (RFC 3261 §17.1.2, Figure 6).
 *
 *                 |Request sent, Timer E (UDP), Timer F
 *                 v
 *   Timer F   +--------+ 1xx -> TU   +------------+ Timer E: send request
 *   ----------| Trying |------------>| Proceeding |------+
 *   |         +--------+             +------------+<-----+
 *   |   200-699 |  -> TU                 | 200-699 -> TU
 *   |           v                        v
 *   |       +-----------+ <--------------+
 *   |       | Completed |  Timer K
 *   |       +-----------+--------+
 *   v                            v
 *  +----------------------------------+
 *  |            Terminated            |  (also on Timer F in Trying/Proceeding)
 *  +----------------------------------+
 */
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import { Transaction, type TransactionContext } from './transaction';

export enum NonInviteClientState {
  Trying = 'Trying',
  Proceeding = 'Proceeding',
  Completed = 'Completed',
  Terminated = 'Terminated',
}

const S = NonInviteClientState;

export class NonInviteClientTransaction extends Transaction<NonInviteClientState> {
  protected readonly transitions = {
    [S.Trying]: [S.Proceeding, S.Completed, S.Terminated],
    [S.Proceeding]: [S.Completed, S.Terminated],
    [S.Completed]: [S.Terminated],
    [S.Terminated]: [],
  };
  readonly terminatedState = S.Terminated;
  private readonly wire: Buffer;

  constructor(id: string, request: SipRequest, context: TransactionContext) {
    super(id, request, S.Trying, context);
    this.wire = request.serialize();
  }

  start(): void {
    this.context.sender.send(this.wire);
    // §17.1.2.2: "If an unreliable transport is in use, the client transaction MUST set timer E
    // to fire in T1 seconds"; timer F fires in 64*T1 for any transport.
    if (!this.reliable) this.scheduleE(this.timers.E);
    this.startTimer('F', this.timers.F, () => {
      // "If Timer F fires while the client transaction is still in the 'Trying' [or
      // 'Proceeding'] state, the client transaction SHOULD inform the TU about the timeout".
      if (this.state === S.Trying || this.state === S.Proceeding) {
        this.transitionTo(S.Terminated);
        this.emit('timeout');
      }
    });
  }

  private scheduleE(interval: number): void {
    this.startTimer('E', interval, () => {
      if (this.state !== S.Trying && this.state !== S.Proceeding) return;
      this.context.sender.send(this.wire);
      // Trying: "reset with a value of MIN(2*T1, T2)"; Proceeding: "reset with a value of T2".
      this.scheduleE(this.state === S.Proceeding ? this.timers.T2 : Math.min(interval * 2, this.timers.T2));
    });
  }

  receiveResponse(response: SipResponse): void {
    if (this.state !== S.Trying && this.state !== S.Proceeding) return; // retransmissions are absorbed
    if (response.status < 200) {
      this.transitionTo(S.Proceeding);
      this.emit('response', response);
      return;
    }
    this.stopTimer('E');
    this.stopTimer('F');
    this.transitionTo(S.Completed);
    this.emit('response', response);
    // "Once the client transaction enters the 'Completed' state, it MUST set Timer K to fire in
    // T4 seconds for unreliable transports, and zero seconds for reliable transports."
    if (this.timers.K === 0) this.transitionTo(S.Terminated);
    else this.startTimer('K', this.timers.K, () => this.transitionTo(S.Terminated));
  }
}
