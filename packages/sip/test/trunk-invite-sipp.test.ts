/**
 * Our INVITE towards a carrier that challenges it (SIPp, scenarios/carrier-challenges-invite.xml):
 * the 407 is ACKed by the transaction, the INVITE re-sent with Proxy-Authorization (new branch,
 * CSeq + 1), the 200 ACKed and the call ended with BYE.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CallFailedError } from '../src/dialogs/dialog-errors';
import { DialogLayer } from '../src/dialogs/dialog-layer';
import { challengeAnswerer } from '../src/trunks/challenge-answer';
import { Endpoint } from '../src/user-agent-core/endpoint';
import { SippRun, freePort } from './support/sipp';

const scenario = (status: 401 | 407) => fileURLToPath(new URL(`./scenarios/carrier-challenges-invite-${status}.xml`, import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function callCarrier(password: string, status: 401 | 407) {
  const carrierPort = await freePort();
  const sipp = new SippRun(['-sf', scenario(status), '-i', '127.0.0.1', '-p', String(carrierPort), '-t', 'u1', '-m', '1', '-timeout', '10s', '-timeout_error'], 15_000);
  cleanups.push(() => sipp.stop());
  const endpoint = await Endpoint.listen({ host: '127.0.0.1', port: 0, tcp: false });
  cleanups.push(() => endpoint.close());
  const dialogs = new DialogLayer(endpoint);
  await new Promise((r) => setTimeout(r, 300));
  const call = dialogs.invite({
    uri: `sip:+861012345678@127.0.0.1:${carrierPort}`,
    from: '<sip:rexian@rexian.test>',
    to: '<sip:+861012345678@carrier.test>',
    destination: { transport: 'udp', address: '127.0.0.1', port: carrierPort },
    sdp: 'v=0\r\no=rexian 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n',
    authenticate: challengeAnswerer({ username: 'rexian', password }),
  });
  return { sipp, dialogs, endpoint, call };
}

describe('INVITE to a carrier that challenges it (SIPp UAS)', { timeout: 20_000 }, () => {
  for (const status of [407, 401] as const) {
    it(`answers a ${status} by re-sending the INVITE with credentials, gets the call, and ends it with BYE`, async () => {
      const { sipp, dialogs, endpoint, call } = await callCarrier('trunk-secret', status);
      const dialog = await call;
      expect(dialog.remoteSdp).toContain('m=audio');
      expect((await dialogs.bye(dialog)).status).toBe(200);
      const { exitCode, stats, errors } = await sipp.done;
      expect(errors).toBe('');
      expect([exitCode, stats['SuccessfulCall(C)'], stats['FailedCall(C)']]).toEqual([0, '1', '0']);
      expect(dialogs.count).toBe(0);
      expect(endpoint.counts().awaitingAck).toBe(0);
    });
  }

  it('gives up with the 403 when the carrier finds the digest wrong', async () => {
    const { call, sipp } = await callCarrier('wrong', 401);
    await expect(call).rejects.toEqual(new CallFailedError(403, 'Forbidden'));
    expect((await sipp.done).stats['FailedCall(C)']).toBe('1');
  });
});
