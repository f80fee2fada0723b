import { describe, expect, it } from 'vitest';
import { parseDigestChallenges, parseDigestCredentials } from '../messages/auth-headers';
import { DigestAuthenticator } from './digest-authenticator';
import { DigestClient } from './digest-client';
import { staticPhoneDirectory } from './phone-directory';

const realm = 'rexian.test';
const uri = 'sip:rexian.test';
const directory = staticPhoneDirectory(realm, [{ username: '1001', password: 'secret-1001' }]);

function setup(options: { algorithms?: ('MD5' | 'SHA-256')[]; lifetimeMs?: number } = {}) {
  const clock = { t: 1_000_000, now: () => clock.t };
  const server = new DigestAuthenticator({
    realm,
    directory,
    clock,
    ...(options.algorithms ? { algorithms: options.algorithms } : {}),
    ...(options.lifetimeMs ? { nonceLifetimeMs: options.lifetimeMs } : {}),
  });
  const answer = (username: string, password: string, challenges = server.challenges()) =>
    new DigestClient({ username, password }).authorize(challenges, { method: 'REGISTER', uri }) ?? '';
  const verify = (credentials: string, method = 'REGISTER') =>
    server.verify({ method, requestUri: uri, credentials: [credentials] });
  return { clock, server, answer, verify };
}

describe('DigestAuthenticator', () => {
  it('challenges with SHA-256 first and MD5 second, one nonce, qop=auth (RFC 8760 §2.3)', () => {
    const { server } = setup();
    const challenges = parseDigestChallenges(...server.challenges());
    expect(challenges.map((c) => c.algorithm)).toEqual(['SHA-256', 'MD5']);
    expect(new Set(challenges.map((c) => c.nonce)).size).toBe(1);
    expect(challenges.every((c) => c.realm === realm && c.qop.join() === 'auth' && !c.stale)).toBe(true);
  });

  it('accepts the right password answered with SHA-256 (topmost) or with MD5', async () => {
    const { server, answer, verify } = setup();
    const sha = answer('1001', 'secret-1001');
    expect(parseDigestCredentials(sha).algorithm).toBe('SHA-256');
    expect(await verify(sha)).toEqual({ ok: true, username: '1001' });
    const md5Only = server.challenges().filter((c) => c.includes('algorithm=MD5'));
    const md5 = answer('1001', 'secret-1001', md5Only);
    expect(parseDigestCredentials(md5).algorithm).toBe('MD5');
    expect(await verify(md5)).toEqual({ ok: true, username: '1001' });
  });

  it('refuses a wrong password and an unknown user with the same verdict', async () => {
    const { answer, verify } = setup();
    const wrong = await verify(answer('1001', 'guess'));
    const unknown = await verify(answer('1009', 'guess'));
    expect(wrong).toMatchObject({ ok: false, failed: true, stale: false, reason: 'wrong credentials' });
    expect({ ...unknown, username: undefined }).toEqual({ ...wrong, username: undefined });
  });

  it('takes about as long to refuse an unknown user as a wrong password (a decoy hash is computed)', async () => {
    const { answer, verify } = setup();
    const known = answer('1001', 'guess');
    const unknown = answer('1999', 'guess');
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    // Interleaved, many times, compared by median: robust to a busy machine.
    for (let i = 0; i < 400; i++) {
      for (const [kind, value] of [['known', known], ['unknown', unknown]] as const) {
        const start = process.hrtime.bigint();
        await verify(value);
        times[kind].push(Number(process.hrtime.bigint() - start));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
    const ratio = median(times.unknown) / median(times.known);
    // Without the decoy the unknown user is refused about 30 % faster (ratio ≈ 0.7).
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.2);
  });

  it('says stale=true when the nonce has expired but the digest is right, and not when it is wrong', async () => {
    const { clock, answer, verify } = setup({ lifetimeMs: 30_000 });
    const good = answer('1001', 'secret-1001');
    const bad = answer('1001', 'nope');
    clock.t += 30_001;
    expect(await verify(good)).toMatchObject({ ok: false, failed: false, stale: true });
    expect(await verify(bad)).toMatchObject({ ok: false, failed: true, stale: false });
  });

  it('refuses a replayed or lower nonce-count and accepts the next one', async () => {
    const { server, verify } = setup();
    const client = new DigestClient({ username: '1001', password: 'secret-1001' });
    const first = client.authorize(server.challenges(), { method: 'REGISTER', uri }) ?? '';
    const second = client.reauthorize({ method: 'REGISTER', uri }) ?? '';
    expect(parseDigestCredentials(second).nc).toBe('00000002');
    expect(await verify(second)).toEqual({ ok: true, username: '1001' });
    expect(await verify(second)).toMatchObject({ ok: false, failed: true, reason: 'nonce-count replayed' });
    expect(await verify(first)).toMatchObject({ ok: false, failed: true, reason: 'nonce-count replayed' });
    expect(await verify(client.reauthorize({ method: 'REGISTER', uri }) ?? '')).toMatchObject({ ok: true });
  });

  it('refuses a nonce it did not issue, an algorithm it did not offer, another uri, another method', async () => {
    const { server, answer, verify } = setup({ algorithms: ['MD5'] });
    const other = new DigestAuthenticator({ realm, directory, algorithms: ['SHA-256'] });
    expect(await verify(answer('1001', 'secret-1001', other.challenges()))).toMatchObject({ failed: true });
    const good = answer('1001', 'secret-1001', server.challenges());
    expect(await server.verify({ method: 'REGISTER', requestUri: 'sip:elsewhere', credentials: [good] })).toMatchObject({
      failed: true,
      reason: 'uri mismatch',
    });
    expect(await verify(good, 'INVITE')).toMatchObject({ failed: true, reason: 'wrong credentials' });
  });

  it('asks for credentials without counting a failure when none were sent or none are for its realm', async () => {
    const { verify, server } = setup();
    const elsewhere = new DigestClient({ username: '1001', password: 'x' }).authorize(
      ['Digest realm="carrier", nonce="abc", qop="auth"'],
      { method: 'REGISTER', uri },
    );
    expect(await server.verify({ method: 'REGISTER', requestUri: uri, credentials: [] })).toMatchObject({ failed: false });
    expect(await verify(elsewhere ?? '')).toMatchObject({ ok: false, failed: false });
    expect(await verify('Digest username="1001", realm=')).toMatchObject({ ok: false, failed: true });
  });
});

describe('DigestClient', () => {
  it('takes the topmost challenge it supports and skips unknown algorithms (RFC 8760 §2.4)', () => {
    const client = new DigestClient({ username: 'u', password: 'p' }, () => 'cn');
    const value = client.authorize(
      ['Digest realm="r", nonce="n1", algorithm=SHA-512-256, qop="auth"', 'Digest realm="r", nonce="n2", algorithm=MD5, qop="auth", opaque="op"'],
      { method: 'INVITE', uri: 'sip:8000@carrier' },
    );
    expect(parseDigestCredentials(value ?? '')).toMatchObject({ nonce: 'n2', algorithm: 'MD5', opaque: 'op', cnonce: 'cn', nc: '00000001' });
  });

  it('answers nothing when no challenge is for its realm or none is Digest', () => {
    const client = new DigestClient({ username: 'u', password: 'p', realm: 'mine' });
    expect(client.authorize(['Digest realm="theirs", nonce="n"'], { method: 'INVITE', uri: 'sip:x' })).toBeUndefined();
    expect(client.authorize(['Basic realm="mine"'], { method: 'INVITE', uri: 'sip:x' })).toBeUndefined();
    expect(client.reauthorize({ method: 'INVITE', uri: 'sip:x' })).toBeUndefined();
  });
});
