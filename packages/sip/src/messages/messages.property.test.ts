import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message';
import { SipParseError } from './sip-parse-error';
import { SipRequest } from './sip-request';

const token = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const host = fc.oneof(fc.stringMatching(/^[a-z]{1,8}\.(com|net|org)$/), fc.ipV4(), fc.ipV6().map((ip) => `[${ip}]`));
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
const hostport = fc.tuple(host, port).map(([h, p]) => (p === undefined ? h : `${h}:${p}`));
const displayName = fc.option(fc.string({ maxLength: 12 }).map((s) => `"${s.replace(/[\\"\r\n]/g, '')}" `), { nil: '' });
const sipUri = fc.tuple(fc.constantFrom('sip', 'sips'), fc.option(token, { nil: undefined }), hostport, fc.array(token, { maxLength: 2 })).map(
  ([scheme, user, hp, params]) => `${scheme}:${user === undefined ? '' : `${user}@`}${hp}${params.map((p) => `;${p}`).join('')}`,
);
const nameAddr = fc.tuple(displayName, sipUri, fc.option(token, { nil: undefined })).map(([dn, uri, tag]) => `${dn}<${uri}>${tag === undefined ? '' : `;tag=${tag}`}`);
const method = fc.constantFrom('INVITE', 'OPTIONS', 'BYE', 'REGISTER', 'INFO', 'X-CUSTOM');
const extraHeader = fc.tuple(fc.stringMatching(/^X-[A-Za-z]{1,10}$/), fc.stringMatching(/^[ -~]{0,30}$/).map((v) => v.trim()));

const request = fc
  .record({ method, uri: sipUri, from: nameAddr, to: nameAddr, callId: token, seq: fc.integer({ min: 0, max: 2 ** 32 - 1 }), via: hostport, branch: token, extra: fc.array(extraHeader, { maxLength: 4 }), body: fc.string({ maxLength: 60 }) })
  .map((m) => {
    const r = new SipRequest(m.method, m.uri);
    r.addHeader('Via', `SIP/2.0/UDP ${m.via};branch=z9hG4bK${m.branch}`);
    r.addHeader('From', m.from);
    r.addHeader('To', m.to);
    r.addHeader('Call-ID', m.callId);
    r.addHeader('CSeq', `${m.seq} ${m.method}`);
    for (const [name, value] of m.extra) r.addHeader(name, value);
    r.body = Buffer.from(m.body);
    return r;
  });

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/rfc4475');
const torture = readdirSync(FIXTURES).filter((f) => f.endsWith('.dat')).map((f) => readFileSync(resolve(FIXTURES, f)));

function parsesOrRefuses(data: Buffer | string): void {
  try {
    parseMessage(data);
  } catch (error) {
    if (!(error instanceof SipParseError)) throw error;
  }
}

describe('message properties (fast-check)', () => {
  it('serialize(parse(serialize(m))) equals serialize(m) for generated requests, and typed values survive', () => {
    fc.assert(
      fc.property(request, (r) => {
        const wire = r.serialize();
        const parsed = parseMessage(wire) as SipRequest;
        expect(parsed.serialize().equals(wire)).toBe(true);
        expect(parsed.cseq.seq).toBe(r.cseq.seq);
        expect(parsed.from.uri.toString()).toBe(r.from.uri.toString());
        expect(parsed.body.equals(r.body)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes never throw anything but SipParseError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => parsesOrRefuses(Buffer.from(bytes))), { numRuns: 500 });
  });

  it('truncated and mutated torture messages never throw anything but SipParseError', () => {
    const message = fc.constantFrom(...torture);
    fc.assert(
      fc.property(message, fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (data, cut, mutations) => {
        parsesOrRefuses(data.subarray(0, cut % (data.length + 1)));
        const mutated = Buffer.from(data);
        for (const [at, byte] of mutations) mutated[at % mutated.length] = byte;
        parsesOrRefuses(mutated);
      }),
      { numRuns: 500 },
    );
  });

  it('hostile input is refused in linear time (no regex backtracking)', () => {
    const started = Date.now();
    parsesOrRefuses(`INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;${';'.repeat(60_000)}\r\n\r\n`);
    parsesOrRefuses(`INVITE sip:a@b SIP/2.0\r\nTo: ${'"\\'.repeat(20_000)}\r\n\r\n`);
    parsesOrRefuses(`INVITE sip:${'a'.repeat(60_000)} SIP/2.0\r\n\r\n`);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
