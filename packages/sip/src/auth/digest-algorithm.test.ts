import { describe, expect, it } from 'vitest';
import { digestHa1, digestResponse, toDigestAlgorithm, type DigestAlgorithm } from './digest-algorithm';

// RFC 7616 §3.9.1: the same request answered with MD5 and with SHA-256.
const example = {
  username: 'Mufasa',
  realm: 'http-auth@example.org',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  nc: '00000001',
  qop: 'auth',
};

function rfcResponse(algorithm: DigestAlgorithm): string {
  const base = algorithm.startsWith('SHA-256') ? 'SHA-256' : 'MD5';
  return digestResponse({ ...example, algorithm, ha1: digestHa1(example.username, example.realm, example.password, base) });
}

describe('digest computation', () => {
  it('gives the RFC 7616 §3.9.1 MD5 response for qop=auth', () => {
    expect(rfcResponse('MD5')).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('gives the RFC 7616 §3.9.1 SHA-256 response for qop=auth', () => {
    expect(rfcResponse('SHA-256')).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  it('gives the RFC 2617 §3.5 example response (MD5, qop=auth)', () => {
    // RFC 2617 §3.5 example: Mufasa / testrealm@host.com / Circle Of Life
    const ha1 = digestHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life', 'MD5');
    const response = digestResponse({
      algorithm: 'MD5',
      ha1,
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      method: 'GET',
      uri: '/dir/index.html',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    });
    expect(response).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('changes the response when the -sess variant mixes in nonce and cnonce', () => {
    expect(rfcResponse('MD5-sess')).not.toBe(rfcResponse('MD5'));
    expect(rfcResponse('SHA-256-sess')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads algorithm names case-insensitively and defaults to MD5', () => {
    expect(toDigestAlgorithm('sha-256')).toBe('SHA-256');
    expect(toDigestAlgorithm(undefined)).toBe('MD5');
    expect(toDigestAlgorithm('SHA-512-256')).toBeUndefined();
  });
});
