/**
 * baresip (a real SIP phone) against our registrar: digest registration, a wrong password
 * refused, the binding in the location service, its expiry and its un-registration.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { staticPhoneDirectory } from '../../src/auth/phone-directory';
import type { LocationChange } from '../../src/registrar/location-service';
import { createSipServer, type SipServer } from '../../src/sip-server';
import { hasBaresip, startBaresip, waitFor, type BaresipPhone } from './baresip-phone';

const realm = 'rexian.test';
const phones: BaresipPhone[] = [];
const servers: SipServer[] = [];
afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.stop('SIGKILL')));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function startServer(): Promise<{ server: SipServer; port: number; changes: LocationChange[] }> {
  const server = createSipServer({
    host: '127.0.0.1',
    port: 0,
    realm,
    phones: staticPhoneDirectory(realm, [
      { username: '1001', password: 'pw-1001' },
      { username: '1002', password: 'pw-1002' },
    ]),
    trunks: [],
    hotlineNumbers: ['8000'],
    // Short registrations so that expiry can be watched in a test.
    registrar: { minExpires: 1, maxExpires: 60 },
    // baresip 1.0.0 (libre) fails the whole REGISTER with ENOSYS when any challenge names an
    // algorithm other than MD5, even if an MD5 challenge follows: offer it MD5 alone.
    security: { digestAlgorithms: ['MD5'] },
  });
  servers.push(server);
  await server.start();
  const changes: LocationChange[] = [];
  server.location.onChange((c) => changes.push(c));
  return { server, port: server.address?.port ?? 0, changes };
}

function phone(account: string, commands: string[] = []): BaresipPhone {
  const p = startBaresip(account, commands);
  phones.push(p);
  return p;
}

describe.skipIf(!hasBaresip)('registrar with baresip', { timeout: 15_000 }, () => {
  for (const transport of ['udp', 'tcp'] as const) {
    it(`registers baresip over ${transport.toUpperCase()} with digest auth, keeps its source address, and un-registers it on quit`, async () => {
      const { server, port, changes } = await startServer();
      const p = phone(`<sip:1001@127.0.0.1:${port};transport=${transport}>;auth_pass=pw-1001;regint=30`);
      expect(await waitFor(() => server.location.lookup(`sip:1001@${realm}`).length === 1, 5000)).toBe(true);
      const [binding] = server.location.lookup(`sip:1001@${realm}`);
      expect(binding?.source).toMatchObject({ transport, address: '127.0.0.1' });
      if (transport === 'udp') {
        // Over UDP the packets come from the port in the Contact; over TCP from an ephemeral one.
        expect(binding?.contact).toContain(`:${binding?.source.port}`);
      }
      expect(p.log()).toContain('200 OK');
      await p.stop('SIGTERM');
      expect(await waitFor(() => changes.some((c) => c.kind === 'removed'), 3000)).toBe(true);
      expect(server.location.lookup(`sip:1001@${realm}`)).toEqual([]);
    });
  }

  it('refuses baresip with a wrong password, binds nothing, and blocks it when it keeps trying', async () => {
    const { server, port } = await startServer();
    phone(`<sip:1002@127.0.0.1:${port}>;auth_pass=not-the-password;regint=30`);
    // libre answers every fresh challenge again with the same wrong password; after five
    // failures the guard stops answering 1002 at 127.0.0.1.
    expect(await waitFor(() => server.guard.isBlocked('127.0.0.1', '1002'), 5000)).toBe(true);
    expect(server.location.aors()).toEqual([]);
  });

  it('drops the binding of a phone that vanishes once its registration expires', async () => {
    const { server, port, changes } = await startServer();
    const p = phone(`<sip:1001@127.0.0.1:${port}>;auth_pass=pw-1001;regint=2`);
    expect(await waitFor(() => server.location.lookup(`sip:1001@${realm}`).length === 1, 5000)).toBe(true);
    await p.stop('SIGKILL');
    expect(await waitFor(() => changes.some((c) => c.kind === 'expired'), 4000)).toBe(true);
    expect(server.location.lookup(`sip:1001@${realm}`)).toEqual([]);
  });

  it('lets the registered phone call the hotline through a 407 challenge, and refuses an unknown number with 404', async () => {
    const { port } = await startServer();
    const p = phone(`<sip:1001@127.0.0.1:${port}>;auth_pass=pw-1001;regint=30`, [`/dial sip:8000@127.0.0.1:${port}`]);
    expect(await waitFor(() => /Call established: sip:8000@/.test(p.log()), 5000)).toBe(true);
    const q = phone(`<sip:1002@127.0.0.1:${port}>;auth_pass=pw-1002;regint=30`, [`/dial sip:9999@127.0.0.1:${port}`]);
    expect(await waitFor(() => /404 Not Found/.test(q.log()), 5000)).toBe(true);
  });
});
