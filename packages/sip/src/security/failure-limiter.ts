/**
 * Rate limit for failed authentication per source address: a token bucket of `maxFailures`
 * tokens that refills over `windowMs`; a failure takes a token, and an address whose bucket is
 * empty is blocked for `blockMs`. Guessing passwords (SIPVicious svcrack) then gets a handful
 * of tries before the address goes quiet for minutes.
 */
import { systemAuthClock, type AuthClock } from '../auth/nonce-issuer';

export interface FailureLimiterOptions {
  /** Failures allowed in a burst before the address is blocked (default 5). */
  readonly maxFailures?: number;
  /** Time for a drained bucket to refill completely, ms (default 60 s). */
  readonly windowMs?: number;
  /** How long a blocked address stays blocked, ms (default 5 min). */
  readonly blockMs?: number;
  /** Most addresses tracked; the least recently seen is forgotten first (default 10 000). */
  readonly maxTracked?: number;
  readonly clock?: AuthClock;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  blockedUntil: number;
}

export class FailureLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly blockMs: number;
  private readonly maxTracked: number;
  private readonly clock: AuthClock;

  constructor(options: FailureLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
    this.blockMs = options.blockMs ?? 300_000;
    this.maxTracked = options.maxTracked ?? 10_000;
    this.clock = options.clock ?? systemAuthClock;
  }

  isBlocked(address: string): boolean {
    const bucket = this.buckets.get(address);
    return bucket !== undefined && bucket.blockedUntil > this.clock.now();
  }

  /** Counts one failure; true when the address is (now) blocked. */
  recordFailure(address: string): boolean {
    const now = this.clock.now();
    const bucket = this.refilled(address, now);
    bucket.tokens -= 1;
    if (bucket.tokens < 1) {
      bucket.blockedUntil = now + this.blockMs;
      // After the block the address starts over with a full bucket.
      bucket.tokens = this.maxFailures;
      bucket.updatedAt = bucket.blockedUntil;
    }
    return bucket.blockedUntil > now;
  }

  /** Addresses tracked now (for tests and metrics). */
  get tracked(): number {
    return this.buckets.size;
  }

  private refilled(address: string, now: number): Bucket {
    let bucket = this.buckets.get(address);
    if (bucket === undefined) {
      bucket = { tokens: this.maxFailures, updatedAt: now, blockedUntil: 0 };
      if (this.buckets.size >= this.maxTracked) this.evictOne(now);
    } else {
      this.buckets.delete(address);
      if (now > bucket.updatedAt) {
        const refill = ((now - bucket.updatedAt) / this.windowMs) * this.maxFailures;
        bucket.tokens = Math.min(this.maxFailures, bucket.tokens + refill);
        bucket.updatedAt = now;
      }
    }
    // Re-inserted so that Map order is least recently seen first.
    this.buckets.set(address, bucket);
    return bucket;
  }

  private evictOne(now: number): void {
    // Prefer forgetting an address that is not blocked, so a flood of sources cannot unblock one.
    for (const [address, bucket] of this.buckets) {
      if (bucket.blockedUntil <= now) {
        this.buckets.delete(address);
        return;
      }
    }
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}
