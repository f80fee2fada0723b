/**
 * Server nonces that need no state to check: each carries the time it was issued, some random
 * bytes and an HMAC over both under a per-process secret (RFC 7616 §3.3 suggests a nonce built from
 * a time-stamp and a private key: "time-stamp H(time-stamp ":" ETag ":" secret-data)"). A forged or
 * altered nonce fails the HMAC; an old one is stale.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface AuthClock {
  /** Milliseconds on any monotonic-enough time line (tests step it). */
  now(): number;
}

export const systemAuthClock: AuthClock = { now: () => Date.now() };

export type NonceCheck =
  | { readonly status: 'valid'; readonly issuedAt: number }
  | { readonly status: 'stale'; readonly issuedAt: number }
  | { readonly status: 'invalid' };

const TIME_BYTES = 8;
const RANDOM_BYTES = 8;
const MAC_BYTES = 16;
const NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;

export interface NonceIssuerOptions {
  /** How long a nonce may be used, in ms (default 5 minutes). */
  readonly lifetimeMs?: number;
  readonly clock?: AuthClock;
  /** HMAC key; random per process by default (nonces do not survive a restart, which is fine). */
  readonly secret?: Buffer;
}

export class NonceIssuer {
  readonly lifetimeMs: number;
  private readonly clock: AuthClock;
  private readonly secret: Buffer;

  constructor(options: NonceIssuerOptions = {}) {
    this.lifetimeMs = options.lifetimeMs ?? 300_000;
    this.clock = options.clock ?? systemAuthClock;
    this.secret = options.secret ?? randomBytes(32);
  }

  /** A fresh nonce: 43 base64url characters, the same shape for every user. */
  issue(): string {
    const body = Buffer.alloc(TIME_BYTES + RANDOM_BYTES);
    body.writeBigUInt64BE(BigInt(Math.max(0, Math.floor(this.clock.now()))));
    randomBytes(RANDOM_BYTES).copy(body, TIME_BYTES);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  check(nonce: string): NonceCheck {
    const raw = Buffer.from(nonce, 'base64url');
    if (raw.length !== NONCE_BYTES || raw.toString('base64url') !== nonce) return { status: 'invalid' };
    const body = raw.subarray(0, TIME_BYTES + RANDOM_BYTES);
    if (!timingSafeEqual(raw.subarray(TIME_BYTES + RANDOM_BYTES), this.mac(body))) return { status: 'invalid' };
    const issuedAt = Number(raw.readBigUInt64BE(0));
    const age = this.clock.now() - issuedAt;
    // A nonce from the future was not issued by this clock's run: treat it as forged.
    if (age < 0) return { status: 'invalid' };
    return { status: age > this.lifetimeMs ? 'stale' : 'valid', issuedAt };
  }

  private mac(body: Buffer): Buffer {
    return createHmac('sha256', this.secret).update(body).digest().subarray(0, MAC_BYTES);
  }
}
