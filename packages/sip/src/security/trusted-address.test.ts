import { describe, expect, it } from 'vitest';
import { TrustedAddress, TrustedAddressError } from './trusted-address';

describe('TrustedAddress', () => {
  it('matches one IPv4 address, any port unless a port is given', () => {
    const any = TrustedAddress.parse('203.0.113.5');
    expect(any.matches('203.0.113.5', 5060)).toBe(true);
    expect(any.matches('203.0.113.6', 5060)).toBe(false);
    const fixed = TrustedAddress.parse('203.0.113.5:5080');
    expect(fixed.matches('203.0.113.5', 5080)).toBe(true);
    expect(fixed.matches('203.0.113.5', 5060)).toBe(false);
  });

  it('matches CIDR blocks for IPv4 and IPv6, with IPv6 ports in brackets', () => {
    const block = TrustedAddress.parse('198.51.100.0/24');
    expect(block.matches('198.51.100.200', 1)).toBe(true);
    expect(block.matches('198.51.101.1', 1)).toBe(false);
    expect(TrustedAddress.parse('2001:db8::/32').matches('2001:db8:1::7', 5060)).toBe(true);
    expect(TrustedAddress.parse('2001:db8::/32').matches('2001:db9::7', 5060)).toBe(false);
    expect(TrustedAddress.parse('[::1]:5062').matches('::1', 5062)).toBe(true);
    expect(TrustedAddress.parse('[::1]:5062').matches('::1', 5060)).toBe(false);
  });

  it('refuses host names and malformed blocks instead of trusting too much', () => {
    for (const bad of ['carrier.example', '10.0.0.0/33', '1.2.3.4:0', '1.2.3.4/x', '']) {
      expect(() => TrustedAddress.parse(bad), bad).toThrow(TrustedAddressError);
    }
  });
});
