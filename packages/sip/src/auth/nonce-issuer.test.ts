import { describe, expect, it } from 'vitest';
import { NonceCountTracker } from './nonce-count-tracker';
import { NonceIssuer } from './nonce-issuer';

describe('NonceIssuer', () => {
  it('issues 43-character nonces it accepts until their lifetime ends, then calls them stale', () => {
    const clock = { t: 5_000, now: () => clock.t };
    const issuer = new NonceIssuer({ clock, lifetimeMs: 1000 });
    const nonce = issuer.issue();
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issuer.check(nonce)).toEqual({ status: 'valid', issuedAt: 5_000 });
    clock.t += 1001;
    expect(issuer.check(nonce)).toEqual({ status: 'stale', issuedAt: 5_000 });
  });

  it('refuses a nonce with any character changed, one from another secret, and garbage', () => {
    const issuer = new NonceIssuer();
    const nonce = issuer.issue();
    for (let i = 0; i < nonce.length; i++) {
      const flipped = nonce.slice(0, i) + (nonce[i] === 'A' ? 'B' : 'A') + nonce.slice(i + 1);
      expect(issuer.check(flipped).status, `position ${i}`).toBe('invalid');
    }
    expect(new NonceIssuer().check(nonce).status).toBe('invalid');
    expect(issuer.check('').status).toBe('invalid');
    expect(issuer.check('not a nonce at all').status).toBe('invalid');
  });
});

describe('NonceCountTracker', () => {
  it('accepts rising counts, refuses a repeat or a lower one', () => {
    const tracker = new NonceCountTracker(60_000);
    expect(tracker.use('n', 0, 1, 0)).toBe('ok');
    expect(tracker.use('n', 0, 3, 0)).toBe('ok');
    expect(tracker.use('n', 0, 3, 0)).toBe('replay');
    expect(tracker.use('n', 0, 2, 0)).toBe('replay');
    expect(tracker.use('other', 0, 1, 0)).toBe('ok');
  });

  it('forgets expired nonces and, when full, treats forgotten ones as stale rather than fresh', () => {
    const tracker = new NonceCountTracker(60_000, 2);
    tracker.use('a', 0, 1, 0);
    tracker.use('b', 1, 1, 1);
    tracker.use('c', 2, 1, 2);
    expect(tracker.size).toBe(2);
    expect(tracker.use('a', 0, 2, 3)).toBe('forgotten');
    tracker.use('d', 100_000, 1, 100_000);
    expect(tracker.size).toBe(1);
  });
});
