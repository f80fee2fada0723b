import { afterEach, describe, expect, it } from 'vitest';
import { DigestClient } from './auth/digest-client';
import { staticPhoneDirectory } from './auth/phone-directory';
import { DialogLayer } from './dialogs/dialog-layer';
import { createRequest } from './messages/create-request';
import type { SipRequest } from './messages/sip-request';
import type { SipResponse } from './messages/sip-response';
import { createSipServer, type SipServer } from './sip-server';
import type { Destination } from './transport/transport';
import { answerChallenge } from './trunks/challenge-answer';
import { Endpoint } from './user-agent-core/endpoint';

const realm = 'rexian.test';
const phones = staticPhoneDirectory(realm, [{ username: '1001', password: 'pw-1001' }]);
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function endpoint(): Promise<Endpoint> {
  const e = await Endpoint.listen({ host: '127.0.0.1', port: 0, tcp: false });
  cleanup.push(() => e.close());
  return e;
}

async function server(trunkPort: number, security = {}, location?: SipServer['location']): Promise<{ server: SipServer; to: Destination }> {
  const s = createSipServer({
    ...(location ? { location } : {}),
    host: '127.0.0.1',
    port: 0,
    transports: ['udp'],
    realm,
    phones,
    trunks: [{ kind: 'peer', name: 'demo-carrier', addresses: [`127.0.0.1:${trunkPort}`] }],
    hotlineNumbers: ['8000'],
    registrar: { minExpires: 1 },
    security,
  });
  await s.start();
  cleanup.push(() => s.close());
  return { server: s, to: { transport: 'udp', address: '127.0.0.1', port: s.address?.port ?? 0 } };
}

function send(e: Endpoint, request: SipRequest, to: Destination, timeoutMs = 2000): Promise<SipResponse | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    const tx = e.request(request, to);
    tx.on('response', (r) => {
      if (r.status >= 200) {
        clearTimeout(timer);
        resolve(r);
      }
    });
    tx.on('timeout', () => resolve('timeout'));
  });
}

function register(user: string, e: Endpoint, expires = 60): SipRequest {
  return createRequest({
    method: 'REGISTER',
    uri: `sip:${realm}`,
    from: `<sip:${user}@${realm}>`,
    to: `<sip:${user}@${realm}>`,
    contact: `<sip:${user}@127.0.0.1:${e.port}>`,
    headers: { Expires: String(expires) },
  });
}

async function authenticated(e: Endpoint, first: SipRequest, to: Destination, password: string, timeoutMs = 2000): Promise<SipResponse | 'timeout'> {
  const challenge = await send(e, first, to, timeoutMs);
  if (challenge === 'timeout') return challenge;
  const next = answerChallenge(new DigestClient({ username: first.from.uri.kind === 'sip' ? (first.from.uri.user ?? '') : '', password }), first, challenge);
  return next === undefined ? challenge : send(e, next, to, timeoutMs);
}

describe('createSipServer', () => {
  it('registers a phone with digest auth; the binding carries the source address and can be removed', async () => {
    const phone = await endpoint();
    const { server: s, to } = await server(1);
    const ok = await authenticated(phone, register('1001', phone), to, 'pw-1001');
    expect(ok !== 'timeout' && ok.status).toBe(200);
    expect(s.aorOf('1001')).toBe(`sip:1001@${realm}`);
    const [binding] = s.location.lookup(s.aorOf('1001'));
    expect(binding).toMatchObject({ contact: `sip:1001@127.0.0.1:${phone.port}`, source: { address: '127.0.0.1', port: phone.port } });
    const gone = await authenticated(phone, register('1001', phone, 0), to, 'pw-1001');
    expect(gone !== 'timeout' && gone.status).toBe(200);
    expect(s.location.lookup(`sip:1001@${realm}`)).toEqual([]);
  });

  it('refuses a wrong password with a new challenge and binds nothing', async () => {
    const phone = await endpoint();
    const { server: s, to } = await server(1);
    const refused = await authenticated(phone, register('1001', phone), to, 'wrong');
    expect(refused !== 'timeout' && refused.status).toBe(401);
    expect(s.location.aors()).toEqual([]);
  });

  it('answers a trusted trunk calling the hotline, and 404 for another number', async () => {
    const carrier = await endpoint();
    const { to } = await server(carrier.port);
    const dialogs = new DialogLayer(carrier);
    const dialog = await dialogs.invite({ uri: `sip:8000@127.0.0.1:${to.port}`, from: '<sip:+8613800000000@carrier>', to: '<sip:8000@rexian.test>', destination: to, sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n' });
    expect(dialog.remoteSdp).toContain('m=audio');
    expect((await dialogs.bye(dialog)).status).toBe(200);
    const other = createRequest({ method: 'INVITE', uri: `sip:9999@127.0.0.1:${to.port}`, from: '<sip:+8613800000000@carrier>', to: '<sip:9999@rexian.test>' });
    const notFound = await send(carrier, other, to);
    expect(notFound !== 'timeout' && notFound.status).toBe(404);
  });

  it('challenges an INVITE from a stranger with 407 whatever the number, and lets the authenticated phone reach the hotline', async () => {
    const phone = await endpoint();
    const { to } = await server(1);
    for (const number of ['8000', '9999']) {
      const invite = createRequest({ method: 'INVITE', uri: `sip:${number}@127.0.0.1:${to.port}`, from: `<sip:1001@${realm}>`, to: `<sip:${number}@${realm}>` });
      const challenge = await send(phone, invite, to);
      expect(challenge !== 'timeout' && challenge.status).toBe(407);
    }
    const options = createRequest({ method: 'OPTIONS', uri: `sip:1001@127.0.0.1:${to.port}`, from: `<sip:1001@${realm}>`, to: `<sip:1001@${realm}>` });
    const answered = await authenticated(phone, options, to, 'pw-1001');
    expect(answered !== 'timeout' && answered.status).toBe(200);
  });

  it('takes a new trunk and hotline number without a restart: a carrier call is challenged before and answered after', async () => {
    const carrier = await endpoint();
    const { server: s, to } = await server(1);
    const invite = () => createRequest({ method: 'INVITE', uri: `sip:12345@127.0.0.1:${to.port}`, from: '<sip:+8613800000000@carrier>', to: '<sip:12345@rexian.test>' });
    const before = await send(carrier, invite(), to);
    expect(before !== 'timeout' && before.status).toBe(407);
    s.updateTrunks([{ kind: 'peer', name: 'new-carrier', addresses: [`127.0.0.1:${carrier.port}`] }], ['12345']);
    const dialogs = new DialogLayer(carrier);
    const dialog = await dialogs.invite({ uri: `sip:12345@127.0.0.1:${to.port}`, from: '<sip:+8613800000000@carrier>', to: '<sip:12345@rexian.test>', destination: to, sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n' });
    expect(dialog.remoteSdp).toContain('m=audio');
    expect((await dialogs.bye(dialog)).status).toBe(200);
    expect(s.address?.port).toBe(to.port);
  });

  it('goes silent for a username at an address after repeated wrong passwords, even for the right one, and says so once', async () => {
    const phone = await endpoint();
    const blocked: unknown[] = [];
    const { to } = await server(1, { maxFailures: 2, onBlocked: (event: unknown) => blocked.push(event) });
    const first = await authenticated(phone, register('1001', phone), to, 'guess-1');
    expect(first !== 'timeout' && first.status).toBe(401);
    const second = await authenticated(phone, register('1001', phone), to, 'guess-2', 500);
    expect(second).toBe('timeout');
    expect(await authenticated(phone, register('1001', phone), to, 'pw-1001', 500)).toBe('timeout');
    expect(blocked).toEqual([{ address: '127.0.0.1', username: '1001', method: 'REGISTER', scope: 'username' }]);
  });

  it('keeps the phones registered across a restart that hands over the location service', async () => {
    const phone = await endpoint();
    const first = await server(1);
    expect(await authenticated(phone, register('1001', phone), first.to, 'pw-1001')).toMatchObject({ status: 200 });
    await first.server.close();
    const second = await server(1, {}, first.server.location);
    expect(second.server.location.lookup(`sip:1001@${realm}`)).toHaveLength(1);
    const phone2 = await endpoint();
    expect(await authenticated(phone2, register('1001', phone2), second.to, 'pw-1001')).toMatchObject({ status: 200 });
    expect(second.server.location.lookup(`sip:1001@${realm}`)).toHaveLength(2);
  });
});
