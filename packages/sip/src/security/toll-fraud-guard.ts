/**
 * The toll-fraud guard: every request must come from a trunk (trusted by source address) or from
 * a phone that proves its password by digest (RFC 3261 §22). Strangers are challenged; wrong
 * credentials count against their address, and an address with too many failures is silenced.
 * The answers never tell whether an extension exists: an unknown user and a wrong password get
 * the same challenge, with the same headers, after the same work.
 */
import type { DigestAuthenticator } from '../auth/digest-authenticator';
import { noopLogger, type Logger } from '../logger';
import { createResponse } from '../messages/create-response';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { Destination } from '../transport/transport';
import { FailureLimiter } from './failure-limiter';
import type { Trunk, TrunkDirectory } from './trunk-directory';

export type CallerIdentity =
  | { readonly kind: 'trunk'; readonly trunk: Trunk }
  | { readonly kind: 'phone'; readonly username: string }
  /** ACK and CANCEL, which cannot be challenged; they only reach existing transactions. */
  | { readonly kind: 'unauthenticated' };

export type GuardDecision =
  | { readonly action: 'accept'; readonly identity: CallerIdentity }
  | { readonly action: 'respond'; readonly response: SipResponse }
  | { readonly action: 'drop'; readonly reason: string };

export interface TollFraudGuardOptions {
  readonly trunks: TrunkDirectory;
  readonly authenticator: DigestAuthenticator;
  readonly limiter?: FailureLimiter;
  /** What a blocked address gets: nothing at all (default) or a 403. */
  readonly blocked?: 'drop' | 'forbidden';
  readonly logger?: Logger;
}

export class TollFraudGuard {
  readonly limiter: FailureLimiter;
  private readonly logger: Logger;

  constructor(private readonly options: TollFraudGuardOptions) {
    this.limiter = options.limiter ?? new FailureLimiter();
    this.logger = options.logger ?? noopLogger;
  }

  async check(request: SipRequest, source: Destination): Promise<GuardDecision> {
    const register = request.method === 'REGISTER';
    // Trunks do not register with us: a REGISTER always proves a phone's password, even from a
    // trunk's address (phones and the demo trunk may share 127.0.0.1).
    const trunk = register ? undefined : this.options.trunks.matchSource(source.address, source.port);
    if (trunk !== undefined) return { action: 'accept', identity: { kind: 'trunk', trunk } };
    if (this.limiter.isBlocked(source.address)) return this.blocked(request, 'address blocked');
    // RFC 3261 §22.1: "CANCEL and ACK requests cannot be challenged ... since they cannot be
    // resubmitted"; without a matching transaction they do nothing.
    if (request.method === 'ACK' || request.method === 'CANCEL') {
      return { action: 'accept', identity: { kind: 'unauthenticated' } };
    }
    // RFC 3261 §22.2: a registrar (a UAS) challenges with 401 and WWW-Authenticate; for calls we
    // act as the phone's proxy towards the switch and challenge with 407 and Proxy-Authenticate
    // (§22.3), as most PBXs do.
    const verdict = await this.options.authenticator.verify({
      method: request.method,
      requestUri: request.uriText,
      credentials: request.headers(register ? 'authorization' : 'proxy-authorization'),
    });
    if (verdict.ok) {
      if (!register && userOf(request) !== verdict.username) {
        return { action: 'respond', response: createResponse(request, 403, 'Forbidden') };
      }
      return { action: 'accept', identity: { kind: 'phone', username: verdict.username } };
    }
    if (verdict.failed && this.limiter.recordFailure(source.address)) {
      this.logger.warn({ address: source.address, method: request.method }, 'authentication failures: address blocked');
      return this.blocked(request, 'address blocked');
    }
    const header = register ? 'WWW-Authenticate' : 'Proxy-Authenticate';
    const response = createResponse(request, register ? 401 : 407, undefined, {
      headers: { [header]: this.options.authenticator.challenges(verdict.stale) },
    });
    return { action: 'respond', response };
  }

  private blocked(request: SipRequest, reason: string): GuardDecision {
    if (this.options.blocked === 'forbidden') return { action: 'respond', response: createResponse(request, 403, 'Forbidden') };
    return { action: 'drop', reason };
  }
}

/** The user part of the From URI: who the authenticated phone claims to be. */
function userOf(request: SipRequest): string | undefined {
  try {
    const uri = request.from.uri;
    return uri.kind === 'sip' ? uri.user : undefined;
  } catch {
    return undefined;
  }
}
