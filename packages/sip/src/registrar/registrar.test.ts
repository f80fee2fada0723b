import { describe, expect, it } from 'vitest';
import { createRequest } from '../messages/create-request';
import { FakeClock } from '../transactions/fake-clock';
import type { Destination } from '../transport/transport';
import { InMemoryLocationService } from './in-memory-location-service';
import { Registrar } from './registrar';

const source: Destination = { transport: 'udp', address: '203.0.113.9', port: 40000 };

function setup() {
  const clock = new FakeClock();
  const location = new InMemoryLocationService(clock);
  const registrar = new Registrar({ location, domain: 'rexian.test', clock, policy: { minExpires: 30, maxExpires: 600 } });
  let cseq = 0;
  const register = (user: string, headers: Record<string, string | string[]>, callId = 'reg-1') => {
    const r = createRequest({
      method: 'REGISTER',
      uri: 'sip:rexian.test',
      from: `<sip:${user}@rexian.test>`,
      to: `<sip:${user}@rexian.test>`,
      callId,
      cseq: ++cseq,
      headers,
    });
    r.addHeader('Via', 'SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bKr;rport=40000;received=203.0.113.9', { first: true });
    return registrar.handle(r, source, '1001');
  };
  return { clock, location, registrar, register };
}

describe('Registrar (RFC 3261 §10.3)', () => {
  it('binds several contacts and lists every current binding with its expires in the 200', () => {
    const { register, location } = setup();
    const ok = register('1001', { Contact: ['<sip:1001@192.168.1.20:5060>;expires=120', '<sip:1001@192.168.1.20:5062>'], Expires: '300' });
    expect(ok.status).toBe(200);
    expect(ok.headerValues('contact').sort()).toEqual([
      '<sip:1001@192.168.1.20:5060>;expires=120',
      '<sip:1001@192.168.1.20:5062>;expires=300',
    ]);
    const [binding] = location.lookup('sip:1001@rexian.test');
    expect(binding?.source).toEqual(source);
  });

  it('lets bindings lapse on the clock and keeps refreshed ones', () => {
    const { register, location, clock } = setup();
    register('1001', { Contact: '<sip:1001@192.168.1.20>', Expires: '60' });
    clock.advance(59_000);
    register('1001', { Contact: '<sip:1001@192.168.1.20>', Expires: '60' });
    clock.advance(59_000);
    expect(location.lookup('sip:1001@rexian.test')).toHaveLength(1);
    clock.advance(2_000);
    expect(location.lookup('sip:1001@rexian.test')).toHaveLength(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('refuses an interval below Min-Expires with 423 and the Min-Expires header', () => {
    const { register } = setup();
    const brief = register('1001', { Contact: '<sip:1001@192.168.1.20>', Expires: '5' });
    expect([brief.status, brief.header('min-expires')]).toEqual([423, '30']);
  });

  it('un-registers with Contact: * and Expires: 0, and answers a query without Contact', () => {
    const { register, location } = setup();
    register('1001', { Contact: ['<sip:1001@a.example>', '<sip:1001@b.example>'] });
    expect(register('1001', {}).headerValues('contact')).toHaveLength(2);
    const gone = register('1001', { Contact: '*', Expires: '0' });
    expect(gone.status).toBe(200);
    expect(gone.hasHeader('contact')).toBe(false);
    expect(location.lookup('sip:1001@rexian.test')).toEqual([]);
  });

  it("refuses to bind another extension's address-of-record (403)", () => {
    const { register, location } = setup();
    expect(register('1002', { Contact: '<sip:1002@192.168.1.20>' }).status).toBe(403);
    expect(location.aors()).toEqual([]);
  });

  it('answers 400 to a malformed Contact expires parameter without binding anything', () => {
    const { register, location } = setup();
    expect(register('1001', { Contact: '<sip:1001@h>;expires=soon' }).status).toBe(400);
    expect(location.aors()).toEqual([]);
  });
});
