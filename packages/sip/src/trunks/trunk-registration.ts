/**
 * Registration of one trunk with its carrier (RFC 3261 §10.2): REGISTER, answer the 401/407
 * challenge (§22.2), refresh before the granted expiry, and after a failure retry with
 * exponential backoff — all on the injected clock.
 *
 *   Idle ──start──▶ Registering ──2xx──▶ Registered ──refresh timer──▶ Registering
 *                      │   ▲                                              
 *                 failure  └──retry timer── Failed
 *   any state ──close()──▶ Closed (un-registers first when Registered)
 */
import { DigestClient } from '../auth/digest-client';
import { noopLogger, type Logger } from '../logger';
import { createRequest, newCallId } from '../messages/create-request';
import { newTag } from '../messages/create-response';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { RegisteredTrunk } from '../security/trunk-directory';
import { systemClock, type Clock, type TimerHandle } from '../transactions/clock';
import { InvalidStateError } from '../transactions/transaction';
import { grantedExpires, refreshDelaySeconds } from './registration-timing';

export enum TrunkRegistrationState {
  Idle = 'Idle',
  Registering = 'Registering',
  Registered = 'Registered',
  Failed = 'Failed',
  Closed = 'Closed',
}
const S = TrunkRegistrationState;

const TRANSITIONS: Record<TrunkRegistrationState, readonly TrunkRegistrationState[]> = {
  [S.Idle]: [S.Registering, S.Closed],
  [S.Registering]: [S.Registered, S.Failed, S.Closed],
  [S.Registered]: [S.Registering, S.Closed],
  [S.Failed]: [S.Registering, S.Closed],
  [S.Closed]: [],
};

/** How the registration reaches the carrier: one client transaction per call. */
export interface RegistrationSender {
  /** Sends `request` in a new client transaction; resolves with its final response, rejects on timeout. */
  send(request: SipRequest): Promise<SipResponse>;
}

export interface TrunkRegistrationOptions {
  readonly trunk: RegisteredTrunk;
  readonly sender: RegistrationSender;
  /** Our Contact URI, e.g. "sip:rexian@192.0.2.1:5060". */
  readonly contact: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** First retry delay after a failure, ms (default 5 s); doubles up to maxRetryMs (default 5 min). */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /** How long close() waits for the un-registration to be answered, ms (default 2 s). */
  readonly unregisterWaitMs?: number;
}

export class TrunkRegistration {
  state = S.Idle;
  /** Seconds the carrier granted last time. */
  granted: number | undefined;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly callId = newCallId();
  private readonly fromTag = newTag();
  private cseq = 0;
  private failures = 0;
  private timer: TimerHandle | undefined;
  private expires: number;
  private readonly listeners: ((state: TrunkRegistrationState, detail: string) => void)[] = [];

  constructor(private readonly options: TrunkRegistrationOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? noopLogger;
    this.expires = options.trunk.expires ?? 3600;
  }

  onStateChange(listener: (state: TrunkRegistrationState, detail: string) => void): void {
    this.listeners.push(listener);
  }

  start(): void {
    if (this.state !== S.Idle) throw new InvalidStateError(`cannot start a registration in state ${this.state}`);
    void this.register();
  }

  /** Stops timers and, when registered, un-registers (Expires: 0). Safe to call twice. */
  async close(): Promise<void> {
    if (this.state === S.Closed) return;
    const wasRegistered = this.state === S.Registered;
    this.transitionTo(S.Closed, 'closed');
    if (!wasRegistered) return;
    // RFC 3261 §10.2.2: "A UA requests the immediate removal of a binding by specifying an
    // expiration interval of "0"". Shutting down waits for it at most a moment: a carrier that
    // is gone would otherwise hold close() for the 32 s of timer F.
    await new Promise<void>((resolve) => {
      const timer = this.clock.setTimeout(resolve, this.options.unregisterWaitMs ?? 2000);
      this.exchange(0)
        .catch((error: unknown) => this.logger.debug({ err: error, trunk: this.options.trunk.name }, 'sip.trunk un-register failed'))
        .finally(() => {
          this.clock.clearTimeout(timer);
          resolve();
        });
    });
  }

  private async register(): Promise<void> {
    this.transitionTo(S.Registering, `expires ${this.expires}`);
    let response: SipResponse;
    try {
      response = await this.exchange(this.expires);
      // RFC 3261 §10.2.8: "the UA MAY retry the registration with an expiration interval that is
      // greater than or equal to the expiration interval within the Min-Expires header field".
      const minExpires = Number(response.header('min-expires'));
      if (response.status === 423 && minExpires > this.expires && this.state === S.Registering) {
        this.expires = minExpires;
        response = await this.exchange(this.expires);
      }
    } catch (error) {
      return this.fail(`no answer: ${(error as Error).message}`);
    }
    if (this.state !== S.Registering) return;
    if (response.status < 200 || response.status >= 300) return this.fail(`${response.status} ${response.reason}`);
    this.failures = 0;
    this.granted = grantedExpires(response, this.options.contact, this.expires);
    this.transitionTo(S.Registered, `granted ${this.granted} s`);
    this.timer = this.clock.setTimeout(() => void this.register(), refreshDelaySeconds(this.granted) * 1000);
  }

  private fail(detail: string): void {
    if (this.state !== S.Registering) return;
    this.failures++;
    const maxRetry = this.options.maxRetryMs ?? 300_000;
    const delay = Math.min(maxRetry, (this.options.retryMs ?? 5000) * 2 ** (this.failures - 1));
    this.transitionTo(S.Failed, `${detail}; retry in ${delay} ms`);
    this.timer = this.clock.setTimeout(() => void this.register(), delay);
  }

  /**
   * One REGISTER, answering at most two challenges: a second challenge is normal only when the
   * first answer used a nonce that went stale meanwhile.
   */
  private async exchange(expires: number): Promise<SipResponse> {
    const { trunk } = this.options;
    const digest = new DigestClient({ username: trunk.username, password: trunk.password, ...(trunk.realm ? { realm: trunk.realm } : {}) });
    let credentials: { header: string; value: string } | undefined;
    for (let attempt = 0; ; attempt++) {
      const request = this.build(expires, credentials);
      const response = await this.options.sender.send(request);
      const challenged = response.status === 401 || response.status === 407;
      const stale = /stale\s*=\s*"?true/i.test(response.headers(response.status === 401 ? 'www-authenticate' : 'proxy-authenticate').join(','));
      if (!challenged || attempt >= 2 || (attempt > 0 && !stale)) return response;
      const proxy = response.status === 407;
      const value = digest.authorize(response.headers(proxy ? 'proxy-authenticate' : 'www-authenticate'), { method: 'REGISTER', uri: request.uriText });
      if (value === undefined) return response;
      credentials = { header: proxy ? 'Proxy-Authorization' : 'Authorization', value };
    }
  }

  private build(expires: number, credentials: { header: string; value: string } | undefined): SipRequest {
    const { trunk } = this.options;
    const { host, port, transport } = trunk.registrar;
    const aor = `<sip:${trunk.username}@${trunk.domain ?? host}>`;
    const hostPort = port === undefined ? host : `${host}:${port}`;
    return createRequest({
      method: 'REGISTER',
      uri: `sip:${hostPort}${transport === 'tcp' ? ';transport=tcp' : ''}`,
      from: aor,
      to: aor,
      fromTag: this.fromTag,
      // RFC 3261 §10.2.4: "A UA SHOULD use the same Call-ID for all registrations during a single
      // boot cycle" and increments CSeq by one for each.
      callId: this.callId,
      cseq: ++this.cseq,
      contact: `<${this.options.contact}>`,
      headers: { Expires: String(expires), ...(credentials ? { [credentials.header]: credentials.value } : {}) },
    });
  }

  private transitionTo(next: TrunkRegistrationState, detail: string): void {
    if (!TRANSITIONS[this.state].includes(next)) throw new InvalidStateError(`${this.state} → ${next}`);
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.state = next;
    this.logger.info({ trunk: this.options.trunk.name, state: next, detail }, 'sip.trunk registration');
    for (const listener of this.listeners) {
      try {
        listener(next, detail);
      } catch (error) {
        this.logger.error({ err: error }, 'sip.trunk registration listener threw');
      }
    }
  }
}
