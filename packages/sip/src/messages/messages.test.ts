import { describe, expect, it } from 'vitest';
import { createRequest } from './create-request';
import { createResponse } from './create-response';
import { parseMessage } from './parse-message';
import { SipParseError } from './sip-parse-error';
import type { SipRequest } from './sip-request';
import { parseUri } from './uri';

const INVITE =
  'INVITE sip:bob@[2001:db8::1]:5070;transport=tcp SIP/2.0\r\nv: SIP/2.0/UDP [2001:db8::2]:5060;branch=z9hG4bK1;rport, SIP/2.0/TCP p.example.com;branch=z9hG4bK0\r\n' +
  'Via: SIP/2.0/UDP last.example.com;branch=z9hG4bKz\r\nf: "Alice \\"A\\"" <sip:alice@example.com>;tag=1\r\nt: <tel:+8610-1234;phone-context=example.com>\r\n' +
  'i: abc@host\r\nCSeq: 7 INVITE\r\nm: <sip:a@1.2.3.4>;expires=60, "B" <sip:b@5.6.7.8>;q=0.5\r\nRecord-Route: <sip:p1;lr>, <sip:p2;lr>\r\nRecord-Route: <sip:p3;lr>\r\n' +
  'X-Unknown:  kept as is \r\nMax-Forwards: 69\r\nExpires: 120\r\nc: application/sdp\r\nl: 4\r\n\r\nabcdEXTRA';

const invite = (): SipRequest => parseMessage(INVITE) as SipRequest;

describe('SIP messages (RFC 3261 §7, §20, §25)', () => {
  it('expands compact names and reads several values in one header and across headers', () => {
    const m = invite();
    expect(m.vias.map((v) => v.host)).toEqual(['[2001:db8::2]', 'p.example.com', 'last.example.com']);
    expect(m.topVia.rport).toBeNull();
    expect(m.contacts.map((c) => c.uri.toString())).toEqual(['sip:a@1.2.3.4', 'sip:b@5.6.7.8']);
    expect(m.contacts[0]?.params.get('expires')).toBe('60');
    expect(m.recordRoutes).toHaveLength(3);
    expect([m.maxForwards, m.expires, m.callId, m.contentType]).toEqual([69, 120, 'abc@host', 'application/sdp']);
    expect(m.from.displayName).toBe('Alice "A"');
  });

  it('parses IPv6 references and tel URIs', () => {
    const uri = invite().uri;
    expect(uri.kind === 'sip' && [uri.hostAddress, uri.port, uri.transportParam]).toEqual(['2001:db8::1', 5070, 'tcp']);
    const tel = invite().to.uri;
    expect(tel.kind === 'tel' && [tel.number, tel.params.get('phone-context')]).toEqual(['+8610-1234', 'example.com']);
    expect(parseUri('sips:u:pw@h.example.com:5061;lr?Subject=x').toString()).toBe('sips:u:pw@h.example.com:5061;lr?Subject=x');
  });

  it('frames the body by Content-Length and keeps unknown headers through a round trip', () => {
    const m = invite();
    expect(m.body.toString()).toBe('abcd');
    const again = parseMessage(m.serialize()) as SipRequest;
    expect(again.header('x-unknown')).toBe('kept as is');
    expect(again.serialize().equals(m.serialize())).toBe(true);
  });

  it('set/add/remove change the header and its typed value', () => {
    const m = invite();
    m.setHeader('Max-Forwards', '5');
    expect(m.maxForwards).toBe(5);
    m.addHeader('Contact', '<sip:c@9.9.9.9>');
    expect(m.contacts).toHaveLength(3);
    m.removeHeader('m');
    expect(m.contacts).toEqual([]);
  });

  it('createResponse copies Via, From, To (adding a tag), Call-ID and CSeq (§8.2.6.2)', () => {
    const response = createResponse(invite(), 180, undefined, { toTag: 'x1' });
    expect(response.status).toBe(180);
    expect(response.reason).toBe('Ringing');
    expect(response.vias).toHaveLength(3);
    expect(response.to.tag).toBe('x1');
    expect(response.cseq).toEqual({ seq: 7, method: 'INVITE' });
    expect(createResponse(invite(), 100).to.tag).toBeUndefined();
  });

  it('createRequest builds the mandatory headers', () => {
    const r = createRequest({ method: 'OPTIONS', uri: 'sip:x@y', from: '<sip:a@b>', to: '<sip:x@y>', cseq: 3 });
    expect(r.from.tag).toBeTruthy();
    expect([r.cseq.seq, r.maxForwards]).toEqual([3, 70]);
  });

  it('refuses oversized messages, too many headers and overlong lines with named errors', () => {
    const big = `OPTIONS sip:a@b SIP/2.0\r\nX: ${'a'.repeat(70_000)}\r\n\r\n`;
    expect(() => parseMessage(big)).toThrow(SipParseError);
    expect(() => parseMessage(big)).toThrow('513 Message Too Large');
    const many = `OPTIONS sip:a@b SIP/2.0\r\n${'X-A: 1\r\n'.repeat(300)}\r\n`;
    expect(() => parseMessage(many)).toThrow('Too many headers');
    expect(() => parseMessage(`OPTIONS sip:a@b SIP/2.0\r\nX: ${'a'.repeat(9000)}\r\n\r\n`)).toThrow('Header line too long');
  });
});
