/**
 * The client side of digest authentication (RFC 3261 §22.2, §22.3; RFC 8760 §2.4): answers the
 * challenges of a 401/407 with an Authorization / Proxy-Authorization value, keeping the
 * nonce-count of each nonce so that a re-sent or refreshed request counts up.
 */
import { randomBytes } from 'node:crypto';
import { formatDigestCredentials, parseDigestChallenges, type DigestChallenge } from '../messages/auth-headers';
import { baseAlgorithm, digestHa1, digestResponse, toDigestAlgorithm, type DigestAlgorithm } from './digest-algorithm';

export interface DigestClientCredentials {
  readonly username: string;
  readonly password: string;
  /** Answer only challenges of this realm (RFC 3261 §22.1: credentials belong to a realm). */
  readonly realm?: string;
}

export interface DigestClientRequest {
  readonly method: string;
  readonly uri: string;
  readonly body?: string;
}

interface Chosen {
  readonly challenge: DigestChallenge;
  readonly algorithm: DigestAlgorithm;
  readonly qop: string | undefined;
}

export class DigestClient {
  private readonly counts = new Map<string, number>();
  private last: Chosen | undefined;

  constructor(
    private readonly credentials: DigestClientCredentials,
    private readonly newCnonce: () => string = () => randomBytes(12).toString('hex'),
  ) {}

  /**
   * The credentials value answering `challengeValues` (the WWW-Authenticate or Proxy-Authenticate
   * values of one response), or undefined when none is usable.
   */
  authorize(challengeValues: readonly string[], request: DigestClientRequest): string | undefined {
    let challenges: DigestChallenge[];
    try {
      challenges = parseDigestChallenges(...challengeValues);
    } catch {
      return undefined;
    }
    // RFC 8760 §2.4: of several challenges, the client uses the topmost one whose algorithm it
    // supports (the server listed them in its order of preference).
    for (const challenge of challenges) {
      const chosen = this.choose(challenge);
      if (chosen === undefined) continue;
      this.last = chosen;
      return this.answer(chosen, request);
    }
    return undefined;
  }

  /** Credentials for a new request under the last challenge answered (next nonce-count). */
  reauthorize(request: DigestClientRequest): string | undefined {
    return this.last === undefined ? undefined : this.answer(this.last, request);
  }

  private choose(challenge: DigestChallenge): Chosen | undefined {
    if (this.credentials.realm !== undefined && challenge.realm !== this.credentials.realm) return undefined;
    const algorithm = toDigestAlgorithm(challenge.algorithm);
    if (algorithm === undefined) return undefined;
    // RFC 7616 §3.3 qop: the client picks one of the offered values; prefer auth over auth-int.
    if (challenge.qop.length === 0) return { challenge, algorithm, qop: undefined };
    const qop = ['auth', 'auth-int'].find((q) => challenge.qop.includes(q));
    return qop === undefined ? undefined : { challenge, algorithm, qop };
  }

  private answer({ challenge, algorithm, qop }: Chosen, request: DigestClientRequest): string {
    const { username, password } = this.credentials;
    const count = (this.counts.get(challenge.nonce) ?? 0) + 1;
    this.counts.set(challenge.nonce, count);
    const nc = count.toString(16).padStart(8, '0');
    const needsCnonce = qop !== undefined || algorithm.endsWith('-sess');
    const cnonce = needsCnonce ? this.newCnonce() : undefined;
    const response = digestResponse({
      algorithm,
      ha1: digestHa1(username, challenge.realm, password, baseAlgorithm(algorithm)),
      nonce: challenge.nonce,
      method: request.method,
      uri: request.uri,
      ...(qop === undefined ? {} : { qop, nc }),
      ...(cnonce === undefined ? {} : { cnonce }),
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return formatDigestCredentials({
      username,
      realm: challenge.realm,
      nonce: challenge.nonce,
      uri: request.uri,
      response,
      algorithm,
      ...(cnonce === undefined ? {} : { cnonce }),
      ...(challenge.opaque === undefined ? {} : { opaque: challenge.opaque }),
      ...(qop === undefined ? {} : { qop, nc }),
    });
  }
}
