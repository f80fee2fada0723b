import { describe, expect, it } from 'vitest';
import { DigestAuthenticator } from '../auth/digest-authenticator';
import { DigestClient } from '../auth/digest-client';
import { staticPhoneDirectory } from '../auth/phone-directory';
import { createRequest } from '../messages/create-request';
import { createResponse } from '../messages/create-response';
import { answerChallenge } from './challenge-answer';

const carrier = new DigestAuthenticator({
  realm: 'carrier.example',
  directory: staticPhoneDirectory('carrier.example', [{ username: 'rexian', password: 'pw' }]),
});

function invite() {
  const r = createRequest({ method: 'INVITE', uri: 'sip:+861012345@carrier.example', from: '<sip:rexian@rexian.test>', to: '<sip:+861012345@carrier.example>', cseq: 7, body: 'v=0\r\n', contentType: 'application/sdp' });
  r.addHeader('Via', 'SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKfirst;rport');
  return r;
}

describe('answerChallenge', () => {
  it('re-sends a 407-challenged INVITE with Proxy-Authorization, CSeq + 1, same Call-ID, no old Via', async () => {
    const first = invite();
    const challenge = createResponse(first, 407, undefined, { headers: { 'Proxy-Authenticate': carrier.challenges() } });
    const next = answerChallenge(new DigestClient({ username: 'rexian', password: 'pw' }), first, challenge);
    expect(next?.cseq).toEqual({ seq: 8, method: 'INVITE' });
    expect(next?.callId).toBe(first.callId);
    expect(next?.from.tag).toBe(first.from.tag);
    expect(next?.hasHeader('via')).toBe(false);
    expect(next?.body.toString()).toBe('v=0\r\n');
    const verdict = await carrier.verify({ method: 'INVITE', requestUri: next?.uriText ?? '', credentials: next?.headers('proxy-authorization') ?? [] });
    expect(verdict).toEqual({ ok: true, username: 'rexian' });
  });

  it('does not answer again when credentials were refused, but does when the nonce was stale', () => {
    const client = new DigestClient({ username: 'rexian', password: 'wrong' });
    const first = invite();
    const second = answerChallenge(client, first, createResponse(first, 407, undefined, { headers: { 'Proxy-Authenticate': carrier.challenges() } }));
    expect(second).toBeDefined();
    // As the transaction layer does when it sends it:
    second!.addHeader('Via', 'SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKsecond;rport', { first: true });
    const refused = createResponse(second!, 407, undefined, { headers: { 'Proxy-Authenticate': carrier.challenges() } });
    expect(answerChallenge(client, second!, refused)).toBeUndefined();
    const stale = createResponse(second!, 407, undefined, { headers: { 'Proxy-Authenticate': carrier.challenges(true) } });
    expect(answerChallenge(client, second!, stale)?.cseq.seq).toBe(9);
    expect(answerChallenge(client, first, createResponse(first, 486))).toBeUndefined();
  });
});
