import { describe, expect, it } from 'vitest';
import { PCMA, PCMU } from '../codecs/codec.js';
import { applyAnswer, createAnswer, createOffer, IncompatibleSdpError } from './sdp-negotiator.js';
import { parseSdp, SdpParseError, serializeSdp } from './sdp-parser.js';

const sippOffer = (direction = 'sendrecv', formats = '0 101', teMap = 'a=rtpmap:101 telephone-event/8000') =>
  ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 10.0.0.9', 't=0 0', `m=audio 6000 RTP/AVP ${formats}`, 'a=rtpmap:0 PCMU/8000', teMap, 'a=fmtp:101 0-16', 'a=ptime:20', `a=${direction}`, ''].join('\r\n');

describe('SDP offer/answer (RFC 3264)', () => {
  it('answers PCMU + telephone-event with the offer’s payload type and our address and port', () => {
    const { answer, negotiated } = createAnswer(sippOffer(), { address: '127.0.0.1', port: 20000 });
    expect(negotiated).toMatchObject({ remoteAddress: '10.0.0.9', remotePort: 6000, codec: PCMU, payloadType: 0, telephoneEvent: 101, direction: 'sendrecv', ptime: 20 });
    const parsed = parseSdp(answer);
    expect(parsed.connection).toBe('127.0.0.1');
    expect(parsed.media[0]).toMatchObject({ port: 20000, formats: [0, 101] });
    expect(parsed.media[0]?.attributes).toContain('rtpmap:101 telephone-event/8000');
  });

  it('takes a dynamic telephone-event payload type from the offer (here 96)', () => {
    const offer = sippOffer('sendrecv', '8 96', 'a=rtpmap:96 telephone-event/8000').replace('a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000');
    const { negotiated, answer } = createAnswer(offer, { address: '127.0.0.1', port: 20002 });
    expect(negotiated.codec).toBe(PCMA);
    expect(negotiated.telephoneEvent).toBe(96);
    expect(answer).toContain('m=audio 20002 RTP/AVP 8 96');
  });

  it.each([
    ['sendrecv', 'sendrecv'],
    ['sendonly', 'recvonly'],
    ['recvonly', 'sendonly'],
    ['inactive', 'inactive'],
  ])('answers a %s offer (hold) with %s', (offered, answered) => {
    const { answer, negotiated } = createAnswer(sippOffer(offered), { address: '127.0.0.1', port: 20000 });
    expect(negotiated.direction).toBe(answered);
    expect(answer).toContain(`a=${answered}\r\n`);
  });

  it('our offer to hold is sendonly, and the recvonly answer leaves us sending only', () => {
    const offer = createOffer({ address: '127.0.0.1', port: 20000, direction: 'sendonly' });
    expect(offer).toContain('a=sendonly');
    const answer = sippOffer('recvonly');
    expect(applyAnswer(answer, { address: '127.0.0.1', port: 20000, direction: 'sendonly' }).direction).toBe('sendonly');
  });

  it('refuses an offer without a codec we speak', () => {
    expect(() => createAnswer(sippOffer('sendrecv', '18 101').replace('a=rtpmap:0 PCMU/8000', 'a=rtpmap:18 G729/8000'), { address: '127.0.0.1', port: 1 })).toThrow(IncompatibleSdpError);
  });

  it('reads media-level c= before session-level c=', () => {
    const offer = sippOffer().replace('a=ptime:20', 'c=IN IP4 192.0.2.7\r\na=ptime:20');
    expect(createAnswer(offer, { address: '127.0.0.1', port: 1 }).negotiated.remoteAddress).toBe('192.0.2.7');
  });
});

describe('SDP parser', () => {
  it('rejects text without an m= line or with a malformed line', () => {
    expect(() => parseSdp('v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\n')).toThrow(SdpParseError);
    expect(() => parseSdp('v=0\r\nthis is not sdp\r\n')).toThrow(SdpParseError);
    expect(() => parseSdp('v=0\r\nc=IN\r\nm=audio 1 RTP/AVP 0\r\n')).toThrow(/c= line/);
  });

  it('accepts bare LF line ends and keeps unknown attributes in order', () => {
    const parsed = parseSdp('v=0\no=- 1 1 IN IP4 1.2.3.4\ns=-\nc=IN IP4 1.2.3.4/127\nt=0 0\nm=audio 4000 RTP/AVP 8\na=x-custom:1\na=rtcp:4001\n');
    expect(parsed.connection).toBe('1.2.3.4');
    expect(parsed.media[0]?.attributes).toEqual(['x-custom:1', 'rtcp:4001']);
    expect(serializeSdp(parsed)).toContain('a=x-custom:1\r\na=rtcp:4001\r\n');
  });

  it('a rejected stream (port 0) is not negotiated', () => {
    expect(() => createAnswer(sippOffer().replace('m=audio 6000', 'm=audio 0'), { address: '127.0.0.1', port: 1 })).toThrow(IncompatibleSdpError);
  });
});
