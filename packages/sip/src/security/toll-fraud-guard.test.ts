import { describe, expect, it } from 'vitest';
import { DigestAuthenticator } from '../auth/digest-authenticator';
import { DigestClient } from '../auth/digest-client';
import { staticPhoneDirectory } from '../auth/phone-directory';
import { createRequest } from '../messages/create-request';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { Destination } from '../transport/transport';
import { FailureLimiter } from './failure-limiter';
import { TollFraudGuard } from './toll-fraud-guard';
import { staticTrunkDirectory } from './trunk-directory';

const realm = 'rexian.test';
const phone: Destination = { transport: 'udp', address: '192.0.2.10', port: 5070 };
const carrier: Destination = { transport: 'udp', address: '198.51.100.7', port: 5060 };

function setup(blocked: 'drop' | 'forbidden' = 'drop') {
  const clock = { t: 0, now: () => clock.t };
  const authenticator = new DigestAuthenticator({
    realm,
    clock,
    directory: staticPhoneDirectory(realm, [{ username: '1001', password: 'pw-1001' }]),
  });
  const guard = new TollFraudGuard({
    trunks: staticTrunkDirectory([{ kind: 'peer', name: 'carrier', addresses: ['198.51.100.0/28'] }]),
    authenticator,
    limiter: new FailureLimiter({ maxFailures: 3, clock }),
    addressLimiter: new FailureLimiter({ maxFailures: 6, clock }),
    blocked,
  });
  return { guard, clock };
}

function request(method: string, user: string, callId = `c-${Math.random()}`): SipRequest {
  const target = method === 'REGISTER' ? `sip:${realm}` : `sip:8000@${realm}`;
  const r = createRequest({
    method,
    uri: target,
    from: `<sip:${user}@${realm}>`,
    to: method === 'REGISTER' ? `<sip:${user}@${realm}>` : `<sip:8000@${realm}>`,
    callId,
    fromTag: 'ft',
  });
  r.addHeader('Via', 'SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bKtest;rport', { first: true });
  return r;
}

/** A request answering `challenge` with the given password. */
function answered(original: SipRequest, challenge: SipResponse, password: string): SipRequest {
  const user = original.from.uri.kind === 'sip' ? (original.from.uri.user ?? '') : '';
  const register = original.method === 'REGISTER';
  const values = challenge.headers(register ? 'www-authenticate' : 'proxy-authenticate');
  const value = new DigestClient({ username: user, password }).authorize(values, { method: original.method, uri: original.uriText });
  const next = request(original.method, user, original.callId);
  next.addHeader(register ? 'Authorization' : 'Proxy-Authorization', value ?? '');
  return next;
}

async function challengeOf(guard: TollFraudGuard, r: SipRequest, from = phone): Promise<SipResponse> {
  const decision = await guard.check(r, from);
  if (decision.action !== 'respond') throw new Error(`expected a response, got ${decision.action}`);
  return decision.response;
}

/** The response with what must differ between two challenges (nonce, tags, date) blanked. */
function shape(response: SipResponse): string {
  return response.toString().replace(/nonce="[^"]*"/g, 'nonce=N').replace(/tag=[^;\r\n]*/g, 'tag=T').replace(/Call-ID: .*/, '');
}

describe('TollFraudGuard', () => {
  it('lets a trunk in by source address without a challenge', async () => {
    const { guard } = setup();
    const decision = await guard.check(request('INVITE', 'carrier'), carrier);
    expect(decision).toMatchObject({ action: 'accept', identity: { kind: 'trunk', trunk: { name: 'carrier' } } });
  });

  it('challenges a REGISTER even from a trunk address: trunks do not register with us', async () => {
    const { guard } = setup();
    expect(await challengeOf(guard, request('REGISTER', '1001'), carrier)).toMatchObject({ status: 401 });
  });

  it('challenges a stranger: 407 with SHA-256 then MD5 for INVITE, 401 for REGISTER', async () => {
    const { guard } = setup();
    const invite = await challengeOf(guard, request('INVITE', '1001'));
    expect(invite.status).toBe(407);
    expect(invite.headers('proxy-authenticate').map((v) => /algorithm=([\w-]+)/.exec(v)?.[1])).toEqual(['SHA-256', 'MD5']);
    const register = await challengeOf(guard, request('REGISTER', '1001'));
    expect(register.status).toBe(401);
    expect(register.headers('www-authenticate')).toHaveLength(2);
  });

  it('accepts a phone that answers the challenge with its password', async () => {
    const { guard } = setup();
    const first = request('INVITE', '1001');
    const second = answered(first, await challengeOf(guard, first), 'pw-1001');
    expect(await guard.check(second, phone)).toEqual({ action: 'accept', identity: { kind: 'phone', username: '1001' } });
  });

  it('answers a wrong password and an unknown extension identically, for REGISTER, INVITE and OPTIONS', async () => {
    for (const method of ['REGISTER', 'INVITE', 'OPTIONS']) {
      const { guard } = setup();
      const known = request(method, '1001', 'same-call');
      const unknown = request(method, '1999', 'same-call');
      const firstKnown = await challengeOf(guard, known);
      const firstUnknown = await challengeOf(guard, unknown);
      expect(shape(firstKnown).replace(/1001/g, 'X')).toBe(shape(firstUnknown).replace(/1999/g, 'X'));
      const wrongKnown = await challengeOf(guard, answered(known, firstKnown, 'guess'));
      const wrongUnknown = await challengeOf(guard, answered(unknown, firstUnknown, 'guess'));
      expect(shape(wrongKnown).replace(/1001/g, 'X')).toBe(shape(wrongUnknown).replace(/1999/g, 'X'));
    }
  });

  it('refuses an authenticated phone that claims another extension in From (403)', async () => {
    const { guard } = setup();
    const first = request('INVITE', '1001');
    const proof = answered(first, await challengeOf(guard, first), 'pw-1001');
    proof.setHeader('From', `<sip:1002@${realm}>;tag=ft`);
    expect(await challengeOf(guard, proof)).toMatchObject({ status: 403 });
  });

  it('silences a username at an address after repeated failures, even with the right password, until the block ends', async () => {
    const { guard, clock } = setup();
    const first = request('REGISTER', '1001');
    let challenge = await challengeOf(guard, first);
    for (let i = 0; i < 2; i++) challenge = await challengeOf(guard, answered(first, challenge, `guess${i}`));
    const third = await guard.check(answered(first, challenge, 'guess-3'), phone);
    expect(third).toMatchObject({ action: 'drop' });
    const fresh = await challengeOf(guard, request('REGISTER', '1001'));
    expect(await guard.check(answered(first, fresh, 'pw-1001'), phone)).toMatchObject({ action: 'drop' });
    expect(guard.isBlocked(phone.address, '1001')).toBe(true);
    // The same username from elsewhere, and another phone behind the same address, go on.
    expect(await guard.check(answered(first, fresh, 'pw-1001'), { ...phone, address: '192.0.2.11' })).toMatchObject({ action: 'accept' });
    expect(guard.isBlocked(phone.address, '1002')).toBe(false);
    clock.t += 300_001;
    const later = await challengeOf(guard, request('REGISTER', '1001'));
    expect(await guard.check(answered(first, later, 'pw-1001'), phone)).toMatchObject({ action: 'accept' });
  });

  it('silences the whole address when failures spread over many usernames', async () => {
    const { guard } = setup();
    const users = ['2001', '2002', '2003', '2004', '2005', '2006'];
    const outcomes: string[] = [];
    for (const user of users) {
      const first = request('REGISTER', user);
      outcomes.push((await guard.check(answered(first, await challengeOf(guard, first), 'guess'), phone)).action);
    }
    expect(outcomes).toEqual(['respond', 'respond', 'respond', 'respond', 'respond', 'drop']);
    expect(await guard.check(request('REGISTER', '1001'), phone)).toMatchObject({ action: 'drop' });
    expect(guard.isBlocked(phone.address)).toBe(true);
  });

  it('answers 403 to a blocked address when configured to', async () => {
    const { guard } = setup('forbidden');
    let challenge = await challengeOf(guard, request('INVITE', '1001'));
    for (let i = 0; i < 3; i++) challenge = await challengeOf(guard, answered(request('INVITE', '1001'), challenge, 'x'));
    expect(challenge.status).toBe(403);
  });

  it('passes ACK and CANCEL unchallenged: they cannot be resubmitted (RFC 3261 §22.1)', async () => {
    const { guard } = setup();
    expect(await guard.check(request('ACK', '1001'), phone)).toMatchObject({ action: 'accept', identity: { kind: 'unauthenticated' } });
    expect(await guard.check(request('CANCEL', '1001'), phone)).toMatchObject({ action: 'accept' });
  });
});
