/**
 * The toll-fraud guard: every request must come from a trunk (trusted by source address) or from
 * a phone that proves its password by digest (RFC 3261 §22). Strangers are challenged; wrong
 * credentials count against the source address and the username tried there. Too many failures
 * for one username silence that username from that address (a misconfigured phone behind an
 * office NAT does not lock out its neighbours); more failures across usernames silence the address.
 * The answers never tell whether an extension exists: an unknown user and a wrong password get
 * the same challenge, with the same headers, after the same work.
 */
import type { DigestAuthenticator } from '../auth/digest-authenticator';
import { noopLogger, type Logger } from '../logger';
import { parseDigestCredentials } from '../messages/auth-headers';
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
  /** Failures per source address and username (default: blocked after 5 in a burst). */
  readonly limiter?: FailureLimiter;
  /** Failures per source address, whatever the username (default: blocked after 20 in a burst). */
  readonly addressLimiter?: FailureLimiter;
  /** What a blocked address gets: nothing at all (default) or a 403. */
  readonly blocked?: 'drop' | 'forbidden';
  /** Told each time an address (or a username from it) becomes blocked: for the audit log. */
  readonly onBlocked?: (event: BlockedSource) => void;
  readonly logger?: Logger;
}

export interface BlockedSource {
  readonly address: string;
  readonly username: string | undefined;
  readonly method: string;
  /** `username`: that username from that address; `address`: everything from it. */
  readonly scope: 'username' | 'address';
}

export class TollFraudGuard {
  private readonly limiter: FailureLimiter;
  private readonly addressLimiter: FailureLimiter;
  private readonly logger: Logger;

  constructor(private readonly options: TollFraudGuardOptions) {
    this.limiter = options.limiter ?? new FailureLimiter();
    this.addressLimiter = options.addressLimiter ?? new FailureLimiter({ maxFailures: 20 });
    this.logger = options.logger ?? noopLogger;
  }

  /** Whether requests from `address` (claiming `username`, when given) are being silenced. */
  isBlocked(address: string, username?: string): boolean {
    return this.addressLimiter.isBlocked(address) || (username !== undefined && this.limiter.isBlocked(userKey(address, username)));
  }

  async check(request: SipRequest, source: Destination): Promise<GuardDecision> {
    const register = request.method === 'REGISTER';
    // Trunks do not register with us: a REGISTER always proves a phone's password, even from a
    // trunk's address (phones and the demo trunk may share 127.0.0.1).
    const trunk = register ? undefined : this.options.trunks.matchSource(source.address, source.port);
    if (trunk !== undefined) return { action: 'accept', identity: { kind: 'trunk', trunk } };
    const credentials = request.headers(register ? 'authorization' : 'proxy-authorization');
    if (this.isBlocked(source.address, claimedUsername(credentials, this.options.authenticator.realm))) return this.blocked(request, 'blocked after failures');
    // RFC 3261 §22.1: servers "MUST NOT attempt to challenge an ACK", and "Although the CANCEL
    // method does take a response, servers MUST NOT attempt to challenge CANCEL requests since
    // these requests cannot be resubmitted." Without a matching transaction they do nothing.
    if (request.method === 'ACK' || request.method === 'CANCEL') {
      return { action: 'accept', identity: { kind: 'unauthenticated' } };
    }
    // RFC 3261 §22.2: a registrar (a UAS) challenges with 401 and WWW-Authenticate; for calls we
    // act as the phone's proxy towards the switch and challenge with 407 and Proxy-Authenticate
    // (§22.3), as most PBXs do.
    const verdict = await this.options.authenticator.verify({
      method: request.method,
      requestUri: request.uriText,
      credentials,
    });
    if (verdict.ok) {
      if (!register && userOf(request) !== verdict.username) {
        return { action: 'respond', response: createResponse(request, 403, 'Forbidden') };
      }
      return { action: 'accept', identity: { kind: 'phone', username: verdict.username } };
    }
    if (verdict.failed) {
      // Both counts move on every failure; the same work for a known and an unknown username.
      const userBlocked = this.limiter.recordFailure(userKey(source.address, verdict.username ?? ''));
      const addressBlocked = this.addressLimiter.recordFailure(source.address);
      if (userBlocked || addressBlocked) {
        const event: BlockedSource = {
          address: source.address, username: verdict.username, method: request.method, scope: addressBlocked ? 'address' : 'username',
        };
        this.logger.warn(event, 'sip.guard authentication failures: blocked');
        try {
          this.options.onBlocked?.(event);
        } catch (error) {
          this.logger.error({ err: error }, 'sip.guard onBlocked listener failed');
        }
        return this.blocked(request, 'blocked after failures');
      }
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

function userKey(address: string, username: string): string {
  return `${address} ${username}`;
}

/** The username the credentials name, read before they are checked, to find its failure count. */
function claimedUsername(values: readonly string[], realm: string): string | undefined {
  for (const value of values) {
    try {
      const credentials = parseDigestCredentials(value);
      if (credentials.realm === realm) return credentials.username;
    } catch {
      // malformed: no username to go by
    }
  }
  return undefined;
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
