import { describe, expect, it } from 'vitest';
import { DigestAuthenticator } from '../auth/digest-authenticator';
import { staticPhoneDirectory } from '../auth/phone-directory';
import { createResponse } from '../messages/create-response';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { RegisteredTrunk } from '../security/trunk-directory';
import { FakeClock } from '../transactions/fake-clock';
import { TrunkRegistration, TrunkRegistrationState } from './trunk-registration';

const trunk: RegisteredTrunk = {
  kind: 'registered',
  name: 'carrier',
  registrar: { host: '198.51.100.7', port: 5060 },
  username: 'rexian',
  password: 'trunk-secret',
  expires: 600,
};

/** A carrier registrar: challenges, checks the digest, grants `grant` seconds. */
function carrier(clock: FakeClock, options: { password?: string; grant?: number; minExpires?: number } = {}) {
  const auth = new DigestAuthenticator({
    realm: 'carrier.example',
    clock,
    directory: staticPhoneDirectory('carrier.example', [{ username: 'rexian', password: options.password ?? 'trunk-secret' }]),
  });
  const seen: SipRequest[] = [];
  const send = async (request: SipRequest): Promise<SipResponse> => {
    seen.push(request);
    const expires = Number(request.header('expires'));
    if (options.minExpires !== undefined && expires > 0 && expires < options.minExpires) {
      return createResponse(request, 423, undefined, { headers: { 'Min-Expires': String(options.minExpires) } });
    }
    const verdict = await auth.verify({ method: 'REGISTER', requestUri: request.uriText, credentials: request.headers('authorization') });
    if (!verdict.ok) return createResponse(request, 401, undefined, { headers: { 'WWW-Authenticate': auth.challenges(verdict.stale) } });
    const grant = Math.min(expires, options.grant ?? expires);
    return createResponse(request, 200, undefined, { headers: { Contact: `<sip:rexian@192.0.2.1:5060>;expires=${grant}` } });
  };
  return { seen, sender: { send } };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('TrunkRegistration', () => {
  it('answers the 401 with digest credentials, keeps Call-ID, counts CSeq up, and is registered', async () => {
    const clock = new FakeClock();
    const { seen, sender } = carrier(clock);
    const registration = new TrunkRegistration({ trunk, sender, contact: 'sip:rexian@192.0.2.1:5060', clock });
    registration.start();
    await settle();
    expect(registration.state).toBe(TrunkRegistrationState.Registered);
    expect(seen.map((r) => [r.cseq.seq, r.hasHeader('authorization')])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(new Set(seen.map((r) => r.callId)).size).toBe(1);
    expect(seen[1]?.uriText).toBe('sip:198.51.100.7:5060');
  });

  it('refreshes before the granted expiry ends', async () => {
    const clock = new FakeClock();
    const { seen, sender } = carrier(clock, { grant: 120 });
    const registration = new TrunkRegistration({ trunk, sender, contact: 'sip:rexian@192.0.2.1:5060', clock });
    registration.start();
    await settle();
    expect(registration.granted).toBe(120);
    clock.advance(89_000);
    await settle();
    expect(seen).toHaveLength(2);
    clock.advance(1_000);
    await settle();
    expect(seen.length).toBeGreaterThan(2);
    expect(registration.state).toBe(TrunkRegistrationState.Registered);
    await registration.close();
  });

  it('backs off 5 s, 10 s, 20 s after refusals of a wrong password', async () => {
    const clock = new FakeClock();
    const { seen, sender } = carrier(clock, { password: 'other' });
    const registration = new TrunkRegistration({ trunk, sender, contact: 'sip:rexian@192.0.2.1:5060', clock });
    const states: string[] = [];
    registration.onStateChange((s) => states.push(s));
    registration.start();
    await settle();
    expect(registration.state).toBe(TrunkRegistrationState.Failed);
    const attempts = [seen.length];
    for (const step of [4_999, 1, 9_999, 1, 19_999, 1]) {
      clock.advance(step);
      await settle();
      attempts.push(seen.length);
    }
    expect(attempts).toEqual([2, 2, 4, 4, 6, 6, 8]);
    expect(states.slice(0, 4)).toEqual(['Registering', 'Failed', 'Registering', 'Failed']);
    await registration.close();
    expect(clock.pendingTimers).toBe(0);
  });

  it('retries at once with Min-Expires after a 423 (RFC 3261 §10.2.8)', async () => {
    const clock = new FakeClock();
    const { seen, sender } = carrier(clock, { minExpires: 1800 });
    const registration = new TrunkRegistration({ trunk, sender, contact: 'sip:rexian@192.0.2.1:5060', clock });
    registration.start();
    await settle();
    expect(registration.state).toBe(TrunkRegistrationState.Registered);
    expect(seen.map((r) => r.header('expires'))).toEqual(['600', '1800', '1800']);
  });

  it('retries after a transaction timeout and un-registers with Expires: 0 on close', async () => {
    const clock = new FakeClock();
    const { seen, sender } = carrier(clock);
    let down = true;
    const flaky = { send: (r: SipRequest) => (down ? Promise.reject(new Error('timer F')) : sender.send(r)) };
    const registration = new TrunkRegistration({ trunk, sender: flaky, contact: 'sip:rexian@192.0.2.1:5060', clock });
    registration.start();
    await settle();
    expect(registration.state).toBe(TrunkRegistrationState.Failed);
    down = false;
    clock.advance(5_000);
    await settle();
    expect(registration.state).toBe(TrunkRegistrationState.Registered);
    await registration.close();
    await registration.close();
    expect(seen.at(-1)?.header('expires')).toBe('0');
    expect(registration.state).toBe(TrunkRegistrationState.Closed);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not let a carrier that stopped answering hold close() past the un-register wait', async () => {
    const clock = new FakeClock();
    const { sender } = carrier(clock);
    let silent = false;
    const flaky = { send: (r: SipRequest) => (silent ? new Promise<SipResponse>(() => {}) : sender.send(r)) };
    const registration = new TrunkRegistration({ trunk, sender: flaky, contact: 'sip:rexian@192.0.2.1:5060', clock, unregisterWaitMs: 2000 });
    registration.start();
    await settle();
    silent = true;
    let closed = false;
    const closing = registration.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    clock.advance(2000);
    await closing;
    expect(clock.pendingTimers).toBe(0);
  });
});
