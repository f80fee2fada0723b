import { describe, expect, it } from 'vitest';
import { staticTrunkDirectory } from './trunk-directory';
import { TrustedAddressError } from './trusted-address';

describe('staticTrunkDirectory', () => {
  it("trusts a peer trunk's blocks and a registered trunk's registrar address", () => {
    const trunks = staticTrunkDirectory([
      { kind: 'peer', name: 'peer', addresses: ['198.51.100.0/29', '203.0.113.9:5080'] },
      { kind: 'registered', name: 'carrier', registrar: { host: '192.0.2.50', port: 5060 }, username: 'u', password: 'p' },
    ]);
    expect(trunks.matchSource('198.51.100.3', 5060)?.name).toBe('peer');
    expect(trunks.matchSource('203.0.113.9', 5080)?.name).toBe('peer');
    expect(trunks.matchSource('203.0.113.9', 5060)).toBeUndefined();
    expect(trunks.matchSource('192.0.2.50', 5060)?.name).toBe('carrier');
    expect(trunks.matchSource('192.0.2.51', 5060)).toBeUndefined();
  });

  it('fails at start-up on an address it cannot parse', () => {
    expect(() => staticTrunkDirectory([{ kind: 'peer', name: 'typo', addresses: ['198.51.100.300'] }])).toThrow(TrustedAddressError);
  });
});
