/**
 * Replay protection for digest credentials with qop: each nonce remembers the highest
 * nonce-count it has been used with. RFC 7616 §3.4: "The nc value is the hexadecimal count of
 * the number of requests (including the current request) that the client has sent with the nonce
 * value in this request ... The purpose of this parameter is to allow the server to detect
 * request replays by maintaining its own copy of this count - if the same nc parameter value is
 * seen twice, then the request is a replay."
 */
export class NonceCountTracker {
  private readonly highest = new Map<string, { nc: number; issuedAt: number }>();
  /** Nonces issued at or before this were forgotten to bound memory: they count as stale. */
  private forgottenUpTo = -Infinity;

  constructor(
    private readonly lifetimeMs: number,
    private readonly maxNonces = 50_000,
  ) {}

  /**
   * Records a use of `nonce` with count `nc`. 'replay' when the count is not above the highest
   * seen; 'forgotten' when the nonce's record was dropped for room (the client should get a
   * fresh nonce, as for a stale one).
   */
  use(nonce: string, issuedAt: number, nc: number, now: number): 'ok' | 'replay' | 'forgotten' {
    this.prune(now);
    const seen = this.highest.get(nonce);
    if (seen === undefined && issuedAt <= this.forgottenUpTo) return 'forgotten';
    if (seen !== undefined && nc <= seen.nc) return 'replay';
    this.highest.delete(nonce);
    this.highest.set(nonce, { nc, issuedAt });
    return 'ok';
  }

  get size(): number {
    return this.highest.size;
  }

  private prune(now: number): void {
    // Map order is insertion order, refreshed on each use; expired nonces are stale anyway.
    for (const [nonce, entry] of this.highest) {
      const expired = now - entry.issuedAt > this.lifetimeMs;
      if (!expired && this.highest.size < this.maxNonces) break;
      this.highest.delete(nonce);
      if (!expired) this.forgottenUpTo = Math.max(this.forgottenUpTo, entry.issuedAt);
    }
  }
}
