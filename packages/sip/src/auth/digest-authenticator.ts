/**
 * The server side of digest authentication (RFC 3261 §22.2, §22.3; RFC 7616; RFC 8760): builds the
 * challenges of a 401/407 and checks the credentials of the next request. It answers a stranger
 * and a known phone with a wrong password the same way, in about the same time, so that probing
 * cannot tell which extensions exist.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { formatDigestChallenge, parseDigestCredentials, type DigestCredentials } from '../messages/auth-headers';
import { digestResponse, toDigestAlgorithm, baseAlgorithm, type DigestBaseAlgorithm } from './digest-algorithm';
import { NonceCountTracker } from './nonce-count-tracker';
import { NonceIssuer, systemAuthClock, type AuthClock } from './nonce-issuer';
import type { PhoneCredentials, PhoneDirectory } from './phone-directory';

export interface DigestAuthenticatorOptions {
  readonly realm: string;
  readonly directory: PhoneDirectory;
  /** Algorithms offered, most preferred first (RFC 8760 §2.3); default SHA-256 then MD5. */
  readonly algorithms?: readonly DigestBaseAlgorithm[];
  readonly nonceLifetimeMs?: number;
  readonly clock?: AuthClock;
  readonly secret?: Buffer;
}

/** What the request carried, independent of the message classes. */
export interface DigestRequest {
  readonly method: string;
  readonly requestUri: string;
  /** Values of the Authorization (or Proxy-Authorization) header fields, in order. */
  readonly credentials: readonly string[];
}

export type DigestVerdict =
  | { readonly ok: true; readonly username: string }
  | {
      readonly ok: false;
      /** True when the request carried credentials that were wrong: rate limits count these. */
      readonly failed: boolean;
      /** True when the credentials were right but the nonce had expired (challenge with stale=true). */
      readonly stale: boolean;
      readonly reason: string;
      readonly username?: string;
    };

const NO_CREDENTIALS: DigestVerdict = { ok: false, failed: false, stale: false, reason: 'no credentials' };

export class DigestAuthenticator {
  readonly realm: string;
  private readonly directory: PhoneDirectory;
  private readonly algorithms: readonly DigestBaseAlgorithm[];
  private readonly clock: AuthClock;
  private readonly nonces: NonceIssuer;
  private readonly counts: NonceCountTracker;
  /** Compared against when the user does not exist, so that a miss costs a hash like a hit. */
  private readonly decoy = {
    ha1Md5: randomBytes(16).toString('hex'),
    ha1Sha256: randomBytes(32).toString('hex'),
  } as const satisfies PhoneCredentials;

  constructor(options: DigestAuthenticatorOptions) {
    this.realm = options.realm;
    this.directory = options.directory;
    this.algorithms = options.algorithms ?? ['SHA-256', 'MD5'];
    if (this.algorithms.length === 0) throw new RangeError('at least one digest algorithm must be offered');
    this.clock = options.clock ?? systemAuthClock;
    this.nonces = new NonceIssuer({ lifetimeMs: options.nonceLifetimeMs, clock: this.clock, secret: options.secret });
    this.counts = new NonceCountTracker(this.nonces.lifetimeMs);
  }

  /**
   * The WWW-Authenticate / Proxy-Authenticate values for a challenge, one per algorithm, most
   * preferred first: RFC 8760 §2.3 lets a server offer several algorithms, one challenge each, in
   * its order of preference.
   */
  challenges(stale = false): string[] {
    const nonce = this.nonces.issue();
    return this.algorithms.map((algorithm) =>
      formatDigestChallenge({ realm: this.realm, nonce, algorithm, qop: ['auth'], stale }),
    );
  }

  async verify(request: DigestRequest): Promise<DigestVerdict> {
    const credentials = this.ourCredentials(request.credentials);
    if (credentials === undefined) return NO_CREDENTIALS;
    if (credentials === 'malformed') return fail('malformed credentials');
    const { username } = credentials;
    const algorithm = toDigestAlgorithm(credentials.algorithm);
    if (algorithm === undefined || algorithm.endsWith('-sess') || !this.algorithms.includes(baseAlgorithm(algorithm))) {
      return fail('algorithm not offered', username);
    }
    // RFC 7616 §3.3: a client answers a challenge that has qop with one of its values; ours
    // always offers qop="auth", and nc/cnonce are what replay protection works with.
    if (credentials.qop !== 'auth' || credentials.nc === undefined || credentials.cnonce === undefined) {
      return fail('qop=auth with nc and cnonce required', username);
    }
    // RFC 7616 §3.4.6: the server checks that the uri names the same resource as the request line.
    if (credentials.uri.toLowerCase() !== request.requestUri.toLowerCase()) return fail('uri mismatch', username);
    const nonce = this.nonces.check(credentials.nonce);
    if (nonce.status === 'invalid') return fail('nonce not ours', username);

    const stored = await this.directory.findCredentials(username, this.realm);
    const field = baseAlgorithm(algorithm) === 'SHA-256' ? 'ha1Sha256' : 'ha1Md5';
    const ha1 = stored?.[field];
    const expected = digestResponse({
      algorithm,
      ha1: ha1 ?? this.decoy[field],
      nonce: credentials.nonce,
      method: request.method,
      uri: credentials.uri,
      qop: 'auth',
      nc: credentials.nc,
      cnonce: credentials.cnonce,
    });
    const matches = constantTimeEqual(expected, credentials.response.toLowerCase());
    if (!matches || ha1 === undefined) return fail('wrong credentials', username);
    // RFC 7616 §3.3 stale: "the previous request ... was rejected because the nonce value was stale"
    // — said only when the digest itself was right.
    if (nonce.status === 'stale') return { ok: false, failed: false, stale: true, reason: 'stale nonce', username };
    const use = this.counts.use(credentials.nonce, nonce.issuedAt, parseInt(credentials.nc, 16), this.clock.now());
    if (use === 'replay') return fail('nonce-count replayed', username);
    if (use === 'forgotten') return { ok: false, failed: false, stale: true, reason: 'nonce forgotten', username };
    return { ok: true, username };
  }

  private ourCredentials(values: readonly string[]): DigestCredentials | 'malformed' | undefined {
    let malformed = false;
    for (const value of values) {
      try {
        const c = parseDigestCredentials(value);
        // RFC 3261 §22.3: the realm parameter tells which credentials are meant for this server.
        if (c.realm === this.realm) return c;
      } catch {
        malformed = true;
      }
    }
    return malformed ? 'malformed' : undefined;
  }
}

function fail(reason: string, username?: string): DigestVerdict {
  return { ok: false, failed: true, stale: false, reason, ...(username === undefined ? {} : { username }) };
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  // timingSafeEqual needs equal lengths; compare x with itself so a length mismatch costs the same.
  return x.length === y.length ? timingSafeEqual(x, y) : (timingSafeEqual(x, x), false);
}
