import { describe, expect, it } from 'vitest';
import type { Binding } from './location-service';
import { DEFAULT_REGISTRAR_POLICY, contactKey, planRegistration, type RegisterInput } from './registration-plan';

const source = { transport: 'udp', address: '127.0.0.1', port: 5070 } as const;
const aor = 'sip:1001@rexian.test';
const input = (over: Partial<RegisterInput> = {}): RegisterInput => ({
  aor,
  callId: 'c1',
  cseq: 1,
  star: false,
  contacts: [{ uri: 'sip:1001@127.0.0.1:5070' }],
  source,
  ...over,
});
const bound = (contact: string, callId = 'c1', cseq = 1): Binding => ({ aor, contact, expiresAt: 9e12, callId, cseq, source });
const policy = DEFAULT_REGISTRAR_POLICY;

describe('REGISTER planning (RFC 3261 §10.3)', () => {
  it('takes the contact expires parameter over the Expires header, the header over the default', () => {
    const plan = planRegistration(
      [],
      input({ expiresHeader: 120, contacts: [{ uri: 'sip:a@h', expires: 300 }, { uri: 'sip:b@h' }] }),
      policy,
      0,
    );
    expect(plan.ok && plan.writes.map((b) => b.expiresAt)).toEqual([300_000, 120_000]);
    const defaulted = planRegistration([], input(), policy, 0);
    expect(defaulted.ok && defaulted.writes[0]?.expiresAt).toBe(3_600_000);
  });

  it('answers 423 with Min-Expires below the minimum and shortens above the maximum', () => {
    expect(planRegistration([], input({ expiresHeader: 10 }), policy, 0)).toEqual({
      ok: false,
      status: 423,
      reason: 'Interval Too Brief',
      minExpires: 60,
    });
    const long = planRegistration([], input({ expiresHeader: 86_400 }), policy, 0);
    expect(long.ok && long.writes[0]?.expiresAt).toBe(3_600_000);
  });

  it('removes a binding with expires=0 and removes all with Contact: * and Expires: 0', () => {
    const existing = [bound('sip:1001@127.0.0.1:5070'), bound('sip:1001@10.0.0.1')];
    const one = planRegistration(existing, input({ cseq: 2, contacts: [{ uri: 'SIP:1001@127.0.0.1:5070', expires: 0 }] }), policy, 0);
    expect(one).toEqual({ ok: true, writes: [], removals: ['sip:1001@127.0.0.1:5070'] });
    const all = planRegistration(existing, input({ cseq: 2, star: true, contacts: [], expiresHeader: 0 }), policy, 0);
    expect(all.ok && all.removals).toHaveLength(2);
  });

  it('refuses Contact: * with a non-zero Expires or with other contacts (400)', () => {
    expect(planRegistration([], input({ star: true, contacts: [], expiresHeader: 60 }), policy, 0)).toMatchObject({ status: 400 });
    expect(planRegistration([], input({ star: true, expiresHeader: 0 }), policy, 0)).toMatchObject({ status: 400 });
  });

  it('aborts an update with the same Call-ID and a CSeq not higher, and applies a new Call-ID', () => {
    const existing = [bound('sip:1001@127.0.0.1:5070', 'c1', 5)];
    expect(planRegistration(existing, input({ cseq: 5 }), policy, 0)).toMatchObject({ ok: false, status: 500 });
    expect(planRegistration(existing, input({ cseq: 4, star: true, contacts: [], expiresHeader: 0 }), policy, 0)).toMatchObject({
      ok: false,
    });
    expect(planRegistration(existing, input({ cseq: 6 }), policy, 0)).toMatchObject({ ok: true });
    expect(planRegistration(existing, input({ callId: 'c2', cseq: 1 }), policy, 0)).toMatchObject({ ok: true });
  });

  it('refuses more contacts than the policy allows for one AOR', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ uri: `sip:1001@10.0.0.${i}` }));
    expect(planRegistration([], input({ contacts: many }), policy, 0)).toMatchObject({ ok: false, status: 403 });
  });

  it('compares contacts with case-insensitive scheme and host and unordered parameters', () => {
    expect(contactKey('SIP:1001@Host.Example:5060;transport=UDP;ob')).toBe(contactKey('sip:1001@host.example:5060;ob;transport=udp'));
    expect(contactKey('sip:Alice@h')).not.toBe(contactKey('sip:alice@h'));
  });
});
