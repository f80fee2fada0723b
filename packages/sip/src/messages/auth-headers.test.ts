import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuthHeaderSyntaxError,
  formatDigestChallenge,
  formatDigestCredentials,
  parseAuthValues,
  parseDigestChallenges,
  parseDigestCredentials,
  serializeAuthValue,
  type DigestChallenge,
  type DigestCredentials,
} from './auth-headers';

describe('auth headers', () => {
  it('parses a Digest challenge with quoted strings, token params and a qop list', () => {
    const [c] = parseDigestChallenges(
      'Digest realm="rexian", nonce="abc/def==", algorithm=SHA-256, qop="auth,auth-int", opaque="o\\"x", stale=TRUE',
    );
    expect(c).toEqual({
      realm: 'rexian',
      nonce: 'abc/def==',
      algorithm: 'SHA-256',
      qop: ['auth', 'auth-int'],
      opaque: 'o"x',
      stale: true,
    });
  });

  it('finds several challenges in one header value and across header values', () => {
    const challenges = parseDigestChallenges(
      'Digest realm="a", nonce="1", algorithm=SHA-256, Digest realm="a", nonce="2", algorithm=MD5',
      'Basic realm="x"',
      'Digest realm="b", nonce="3"',
    );
    expect(challenges.map((c) => [c.realm, c.nonce, c.algorithm])).toEqual([
      ['a', '1', 'SHA-256'],
      ['a', '2', 'MD5'],
      ['b', '3', undefined],
    ]);
  });

  it('keeps a token68 value (Basic credentials) through a round trip', () => {
    const values = parseAuthValues('Basic dXNlcjpwYXNz==, Digest realm="r"');
    expect(values[0]).toEqual({ scheme: 'Basic', params: [{ name: '', value: 'dXNlcjpwYXNz==', quoted: false }] });
    expect(values.map(serializeAuthValue).join(', ')).toBe('Basic dXNlcjpwYXNz==, Digest realm="r"');
  });

  it('parses credentials with an unquoted qop and an 8-hex nonce-count (RFC 3261 §25.1)', () => {
    const c = parseDigestCredentials(
      'Digest username="1001",realm="rexian",nonce="n",uri="sip:127.0.0.1",response="abcd",' +
        'algorithm=MD5,cnonce="c",qop=auth,nc=0000000a',
    );
    expect(c).toMatchObject({ username: '1001', uri: 'sip:127.0.0.1', qop: 'auth', nc: '0000000a', cnonce: 'c' });
  });

  it('refuses malformed values with AuthHeaderSyntaxError', () => {
    for (const bad of ['', 'Digest realm="open', '=x', 'Digest realm=', 'Digest username="a", nc=12']) {
      expect(() => parseDigestCredentials(bad), bad).toThrow(AuthHeaderSyntaxError);
    }
    expect(() => parseDigestChallenges('Digest nonce="x"')).toThrow(/realm/);
  });

  it('never emits CR or LF from a value (no header injection)', () => {
    expect(() =>
      formatDigestChallenge({ realm: 'a\r\nVia: x', nonce: 'n', qop: [], stale: false }),
    ).toThrow(AuthHeaderSyntaxError);
  });

  const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\r\n]/.test(s));
  const tokenText = fc.stringMatching(/^[A-Za-z0-9\-.!%*_+`'~]{1,12}$/);

  it('round-trips any Digest challenge through format and parse', () => {
    const challenge = fc.record({
      realm: text,
      nonce: text,
      algorithm: fc.option(fc.constantFrom('MD5', 'SHA-256', 'MD5-sess', 'SHA-256-sess'), { nil: undefined }),
      qop: fc.array(tokenText, { maxLength: 3 }),
      opaque: fc.option(text, { nil: undefined }),
      domain: fc.option(text, { nil: undefined }),
      stale: fc.boolean(),
    });
    fc.assert(
      fc.property(challenge, (c) => {
        const clean = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as unknown as DigestChallenge;
        expect(parseDigestChallenges(formatDigestChallenge(clean))).toEqual([clean]);
      }),
    );
  });

  it('round-trips any Digest credentials through format and parse', () => {
    const credentials = fc.record({
      username: text,
      realm: text,
      nonce: text,
      uri: text,
      response: fc.stringMatching(/^[0-9a-f]{32}$/),
      algorithm: fc.option(fc.constantFrom('MD5', 'SHA-256'), { nil: undefined }),
      cnonce: fc.option(text, { nil: undefined }),
      opaque: fc.option(text, { nil: undefined }),
      qop: fc.option(tokenText, { nil: undefined }),
      nc: fc.option(fc.stringMatching(/^[0-9a-f]{8}$/), { nil: undefined }),
    });
    fc.assert(
      fc.property(credentials, (c) => {
        const clean = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as unknown as DigestCredentials;
        expect(parseDigestCredentials(formatDigestCredentials(clean))).toEqual(clean);
      }),
    );
  });

  it('never throws anything but AuthHeaderSyntaxError on random input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        try {
          parseAuthValues(s);
        } catch (e) {
          expect(e).toBeInstanceOf(AuthHeaderSyntaxError);
        }
      }),
    );
  });
});
