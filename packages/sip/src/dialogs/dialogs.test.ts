import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResponse } from '../messages/create-response';
import { parseReplaces, replacesInUriHeaders, replacesUriHeader } from '../messages/replaces';
import { Endpoint } from '../user-agent-core/endpoint';
import type { Dialog } from './dialog';
import { CallFailedError } from './dialog-errors';
import { DialogLayer, type DialogHandlers } from './dialog-layer';
import { sdpDirection, withDirection } from './sdp-direction';

const OFFER = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\na=sendrecv\r\n';

let caller: Endpoint;
let callee: Endpoint;
let uac: DialogLayer;
let uas: DialogLayer;
const handlers: DialogHandlers = {};

beforeEach(async () => {
  caller = await Endpoint.listen({ host: '127.0.0.1', port: 0 });
  callee = await Endpoint.listen({ host: '127.0.0.1', port: 0 });
  uac = new DialogLayer(caller, {});
  for (const key of Object.keys(handlers)) delete handlers[key as keyof DialogHandlers];
  handlers.onIncomingCall = (call) => {
    call.ring();
    call.answer(OFFER.replace('40002', '40004'));
  };
  uas = new DialogLayer(callee, handlers);
});

afterEach(async () => {
  uac.close();
  uas.close();
  await caller.close();
  await callee.close();
});

function call(transport: 'udp' | 'tcp' = 'udp', extra: Partial<Parameters<DialogLayer['invite']>[0]> = {}): Promise<Dialog> {
  const port = callee.port;
  return uac.invite({ uri: `sip:agent@127.0.0.1:${port}`, from: '<sip:caller@127.0.0.1>', to: `<sip:agent@127.0.0.1:${port}>`, destination: { transport, address: '127.0.0.1', port }, sdp: OFFER, ...extra });
}

const only = (layer: DialogLayer): Dialog => [...layer.dialogs.values()][0] as Dialog;

describe('dialogs (RFC 3261 §12)', () => {
  it('INVITE creates an early dialog on 180 and a confirmed one on 200 on both sides; BYE ends both', async () => {
    const early: string[] = [];
    const dialog = await call('udp', { onProvisional: (r, d) => early.push(`${r.status} ${d?.state}`) });
    expect(early).toEqual(['180 Early']);
    expect(dialog.state).toBe('Confirmed');
    expect(dialog.remoteSdp).toContain('40004');
    expect(uas.count).toBe(1);
    expect(only(uas).props.remoteTag).toBe(dialog.props.localTag);
    expect((await uac.bye(dialog)).status).toBe(200);
    expect(uac.count).toBe(0);
    expect(uas.count).toBe(0);
  });

  it('works the same over TCP', async () => {
    const dialog = await call('tcp');
    expect((await uac.bye(dialog)).status).toBe(200);
    expect(callee.counts()).toMatchObject({ clientTransactions: 0, awaitingAck: 0 });
    // Over TCP every transaction ends at once except the INVITE one, which RFC 6026 keeps Accepted for timer L.
    expect([...callee.transactions.servers.values()].map((tx) => tx.state)).toEqual(['Accepted']);
  });

  it('re-INVITE puts the call on hold and resumes it (the answer mirrors the direction)', async () => {
    const dialog = await call();
    const hold = await uac.reinvite(dialog, withDirection(OFFER, 'sendonly'));
    expect(sdpDirection(hold.body.toString())).toBe('recvonly');
    const resume = await uac.reinvite(dialog, withDirection(OFFER, 'sendrecv'));
    expect(sdpDirection(resume.body.toString())).toBe('sendrecv');
    expect(only(uas).remoteSdp).toContain('a=sendrecv');
    await uac.bye(dialog);
  });

  it('UPDATE and INFO are answered within the dialog; INFO reaches the handler', async () => {
    const infos: string[] = [];
    handlers.onInfo = (_d, request) => infos.push(request.body.toString());
    const dialog = await call();
    expect((await uac.request(dialog, 'UPDATE', { body: withDirection(OFFER, 'inactive'), contentType: 'application/sdp' })).body.toString()).toContain('a=inactive');
    expect((await uac.request(dialog, 'INFO', { body: 'Signal=5\r\n', contentType: 'application/dtmf-relay' })).status).toBe(200);
    expect(infos).toEqual(['Signal=5\r\n']);
    await uac.bye(dialog);
  });

  it('a request with a lower CSeq than the last one is out of order and gets 500 (§12.2.2)', async () => {
    const dialog = await call();
    expect((await uac.request(dialog, 'INFO')).status).toBe(200);
    expect((await uac.request(dialog, 'INFO')).status).toBe(200);
    dialog.props.localSeq -= 2;
    expect((await uac.request(dialog, 'INFO')).status).toBe(500);
    await uac.bye(dialog);
  });

  it('a request for a dialog that does not exist gets 481', async () => {
    const dialog = await call();
    await uac.bye(dialog);
    dialog.state = 'Confirmed' as Dialog['state'];
    expect((await uac.request(dialog, 'INFO')).status).toBe(481);
  });

  it('the remote target follows the Contact of a target refresh (re-INVITE)', async () => {
    const dialog = await call();
    const before = only(uas).props.remoteTarget.toString();
    dialog.props.localContact = `<sip:moved@127.0.0.1:${caller.port}>`;
    await uac.reinvite(dialog, OFFER);
    expect(before).not.toContain('moved');
    expect(only(uas).props.remoteTarget.toString()).toBe(`sip:moved@127.0.0.1:${caller.port}`);
    await uac.bye(dialog);
  });

  it('REFER with Replaces is accepted with 202 and its progress comes back as NOTIFY message/sipfrag (RFC 3515, RFC 3891)', async () => {
    const notified: string[] = [];
    uac.handlers.onNotify = (_d, request) => notified.push(`${request.header('event')} ${request.body.toString().trim()}`);
    const referred: string[] = [];
    handlers.onRefer = (dialog, incoming) => {
      const referTo = incoming.request.referTo;
      const replaces = referTo?.uri.kind === 'sip' ? replacesInUriHeaders(referTo.uri.headers) : undefined;
      referred.push(`${referTo?.uri.kind === 'sip' ? referTo.uri.user : ''} ${replaces?.callId} ${replaces?.toTag} ${replaces?.earlyOnly}`);
      incoming.respond(202);
      void uas.notifyRefer(dialog, 'SIP/2.0 200 OK', true);
      return true;
    };
    const dialog = await call();
    const header = replacesUriHeader({ callId: 'abc@host', toTag: 't1', fromTag: 'f1', earlyOnly: true });
    const response = await uac.request(dialog, 'REFER', { headers: { 'Refer-To': `<sip:carol@127.0.0.1?${header}>` } });
    expect(response.status).toBe(202);
    await new Promise((r) => setTimeout(r, 100));
    expect(referred).toEqual(['carol abc@host t1 true']);
    expect(notified).toEqual(['refer SIP/2.0 200 OK']);
    await uac.bye(dialog);
  });

  it('a REFER nobody handles is declined (603)', async () => {
    const dialog = await call();
    expect((await uac.request(dialog, 'REFER', { headers: { 'Refer-To': '<sip:carol@127.0.0.1>' } })).status).toBe(603);
    await uac.bye(dialog);
  });

  it('CANCEL of a ringing call: the UAS answers 487 and no dialog is left (§9)', async () => {
    handlers.onIncomingCall = (incomingCall) => incomingCall.ring();
    const controller = new AbortController();
    const attempt = call('udp', { signal: controller.signal, onProvisional: () => controller.abort() });
    await expect(attempt).rejects.toEqual(new CallFailedError(487, 'Request Terminated'));
    expect(uac.count).toBe(0);
    expect(uas.count).toBe(0);
  });

  it('a 401 is answered through the authenticate hook with a new transaction (CSeq + 1, same Call-ID)', async () => {
    callee.addRequestFilter((request) =>
      request.method === 'INVITE' && !request.hasHeader('authorization') ? createResponse(request, 401, undefined, { headers: { 'WWW-Authenticate': 'Digest realm="r", nonce="n"' } }) : undefined,
    );
    const challenged: number[] = [];
    const dialog = await call('udp', {
      authenticate: (request, response) => {
        challenged.push(response.status);
        return Endpoint.nextAttempt(request, (copy) => copy.setHeader('Authorization', 'Digest username="u"'));
      },
    });
    expect(challenged).toEqual([401]);
    expect(dialog.inviteSeq).toBe(2);
    expect(only(uas).props.callId).toBe(dialog.props.callId);
    expect((await uac.bye(dialog)).cseq.seq).toBe(3);
  });

  it('a rejected call fails with the status as a named error', async () => {
    handlers.onIncomingCall = (incomingCall) => incomingCall.reject(486);
    await expect(call()).rejects.toBeInstanceOf(CallFailedError);
    expect(uac.count).toBe(0);
  });
});

describe('Replaces (RFC 3891)', () => {
  it('parses call-id, tags and early-only, and rejects a Replaces without tags', () => {
    expect(parseReplaces('98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff;early-only')).toEqual({ callId: '98732@sip.example.com', fromTag: 'r33th4x0r', toTag: 'ff87ff', earlyOnly: true });
    expect(() => parseReplaces('98732@sip.example.com;from-tag=a')).toThrow('Malformed Replaces');
  });
});
