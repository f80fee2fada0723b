/**
 * Our outbound trunk registration against SIPp playing the carrier's registrar
 * (scenarios/carrier-registrar.xml): 401 challenge, digest checked by SIPp's verifyauth, 200;
 * then the authenticated un-registration when the server closes.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { staticPhoneDirectory } from '../src/auth/phone-directory';
import { createSipServer, type SipServer } from '../src/sip-server';
import { TrunkRegistrationState } from '../src/trunks/trunk-registration';
import { SippRun, freePort } from './support/sipp';

const scenario = fileURLToPath(new URL('./scenarios/carrier-registrar.xml', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}

async function registerTo(password: string, transport: 'udp' | 'tcp' = 'udp'): Promise<{ server: SipServer; sipp: SippRun }> {
  const carrierPort = await freePort();
  const sipp = new SippRun(['-sf', scenario, '-i', '127.0.0.1', '-p', String(carrierPort), '-t', transport === 'udp' ? 'u1' : 't1', '-m', '1', '-timeout', '10s', '-timeout_error'], 15_000);
  cleanups.push(() => sipp.stop());
  const server = createSipServer({
    host: '127.0.0.1',
    port: 0,
    transports: [transport],
    realm: 'rexian.test',
    phones: staticPhoneDirectory('rexian.test', []),
    trunks: [{ kind: 'registered', name: 'carrier', registrar: { host: '127.0.0.1', port: carrierPort, transport }, username: 'rexian', password, expires: 600 }],
    hotlineNumbers: [],
  });
  cleanups.push(() => server.close());
  // SIPp needs a moment to bind before the first REGISTER; a lost one would be retransmitted anyway.
  await new Promise((r) => setTimeout(r, 300));
  await server.start();
  return { server, sipp };
}

describe('trunk registration with SIPp as the carrier registrar', { timeout: 20_000 }, () => {
  for (const transport of ['udp', 'tcp'] as const) {
    it(`answers the 401, is registered for the granted 600 s, and un-registers on close (${transport.toUpperCase()})`, async () => {
      const { server, sipp } = await registerTo('trunk-secret', transport);
      const [registration] = server.registrations;
      expect(await until(() => registration?.state === TrunkRegistrationState.Registered, 5000)).toBe(true);
      expect(registration?.granted).toBe(600);
      await server.close();
      const { exitCode, stats, errors } = await sipp.done;
      expect(errors).toBe('');
      expect([exitCode, stats['SuccessfulCall(C)'], stats['FailedCall(C)']]).toEqual([0, '1', '0']);
    });
  }

  it('is refused with a wrong password and waits to retry', async () => {
    const { server, sipp } = await registerTo('not-the-secret');
    const [registration] = server.registrations;
    expect(await until(() => registration?.state === TrunkRegistrationState.Failed, 5000)).toBe(true);
    const { stats } = await sipp.done;
    expect(stats['FailedCall(C)']).toBe('1');
  });
});
