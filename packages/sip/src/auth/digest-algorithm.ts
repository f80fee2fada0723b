/**
 * The digest computation of RFC 3261 §22.4 (which points to RFC 2617) with the algorithms of
 * RFC 7616 §3.4.2 that RFC 8760 brings to SIP: MD5 and SHA-256, each with a -sess variant.
 */
import { createHash } from 'node:crypto';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';
export type DigestBaseAlgorithm = 'MD5' | 'SHA-256';

const ALGORITHMS: ReadonlyMap<string, DigestAlgorithm> = new Map(
  (['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess'] as const).map((a) => [a.toLowerCase(), a]),
);

/**
 * The algorithm named in a challenge or credentials, or undefined for one we do not know.
 * RFC 7616 §3.3: without an algorithm parameter the algorithm is MD5; names are matched
 * case-insensitively.
 */
export function toDigestAlgorithm(name: string | undefined): DigestAlgorithm | undefined {
  return name === undefined ? 'MD5' : ALGORITHMS.get(name.toLowerCase());
}

/** The hash under an algorithm: SHA-256-sess hashes with SHA-256. */
export function baseAlgorithm(algorithm: DigestAlgorithm): DigestBaseAlgorithm {
  return algorithm.startsWith('SHA-256') ? 'SHA-256' : 'MD5';
}

function hash(algorithm: DigestAlgorithm, data: string): string {
  return createHash(baseAlgorithm(algorithm) === 'SHA-256' ? 'sha256' : 'md5')
    .update(data, 'utf8')
    .digest('hex');
}

/**
 * H(A1) for a user, as a directory stores it instead of the password.
 * RFC 7616 §3.4.2: A1 = unq(username) ":" unq(realm) ":" passwd. The -sess variants build on this
 * same value, so a directory keeps one HA1 per base algorithm.
 */
export function digestHa1(username: string, realm: string, password: string, algorithm: DigestBaseAlgorithm): string {
  return hash(algorithm, `${username}:${realm}:${password}`);
}

export interface DigestResponseInput {
  readonly algorithm: DigestAlgorithm;
  /** H(username:realm:password) under the base algorithm (see digestHa1). */
  readonly ha1: string;
  readonly nonce: string;
  readonly method: string;
  readonly uri: string;
  /** 'auth', 'auth-int', or undefined for the RFC 2069 form without qop. */
  readonly qop?: string;
  readonly nc?: string;
  readonly cnonce?: string;
  /** The message body, needed only for qop=auth-int. */
  readonly body?: string;
}

/** The request-digest (the `response` auth-param) for the given input. */
export function digestResponse(input: DigestResponseInput): string {
  const { algorithm, nonce, qop, nc = '', cnonce = '' } = input;
  // RFC 7616 §3.4.2: for -sess, A1 = H(unq(username):unq(realm):passwd) ":" unq(nonce-prime) ":" unq(cnonce-prime)
  const ha1 = algorithm.endsWith('-sess') ? hash(algorithm, `${input.ha1}:${nonce}:${cnonce}`) : input.ha1;
  // RFC 7616 §3.4.3: A2 = Method ":" request-uri, or with qop=auth-int also ":" H(entity-body)
  const a2 =
    qop === 'auth-int'
      ? `${input.method}:${input.uri}:${hash(algorithm, input.body ?? '')}`
      : `${input.method}:${input.uri}`;
  const ha2 = hash(algorithm, a2);
  // RFC 2617 §3.2.2.1: without qop, request-digest = KD(H(A1), unq(nonce-value) ":" H(A2))
  if (qop === undefined) return hash(algorithm, `${ha1}:${nonce}:${ha2}`);
  // RFC 7616 §3.4.1: response = KD(H(A1), unq(nonce):nc:unq(cnonce):unq(qop):H(A2))
  return hash(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
}
