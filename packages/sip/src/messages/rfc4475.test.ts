import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from './parse-message';
import { SipParseError } from './sip-parse-error';
import type { SipRequest } from './sip-request';
import type { SipResponse } from './sip-response';
import { unescape } from './uri';

const DIR = resolve(import.meta.dirname, '../../test/fixtures/rfc4475');
const load = (file: string): Buffer => readFileSync(resolve(DIR, file));
const request = (file: string): SipRequest => parseMessage(load(file)) as SipRequest;
const response = (file: string): SipResponse => parseMessage(load(file)) as SipResponse;

function rejection(file: string): SipParseError {
  try {
    parseMessage(load(file));
  } catch (error) {
    if (error instanceof SipParseError) return error;
    throw error;
  }
  throw new Error(`${file} parsed`);
}

interface Case {
  file: string;
  section: string;
  valid: boolean;
}
const cases = JSON.parse(readFileSync(resolve(DIR, 'cases.json'), 'utf8')) as Case[];

describe('RFC 4475 §3.1.1 valid messages parse to the right values', () => {
  it('3.1.1.1 a short tortuous INVITE: folding, compact names, LWS in Via, escaped quotes', () => {
    const m = request('wsinv.dat');
    expect(m.method).toBe('INVITE');
    expect(m.to.tag).toBe('1918181833n');
    expect(m.from.displayName).toBe('J Rosenberg \\"');
    expect(m.from.tag).toBe('98asjd8');
    expect(m.maxForwards).toBe(68);
    expect(m.cseq).toEqual({ seq: 9, method: 'INVITE' });
    expect(m.vias.map((v) => [v.transport, v.host, v.branch])).toEqual([
      ['UDP', '192.0.2.2', '390skdjuw'],
      ['TCP', 'spindle.example.com', 'z9hG4bK9ikj8'],
      ['UDP', '192.168.255.111', 'z9hG4bK30239'],
    ]);
    expect(m.header('NewFangledHeader')).toBe('newfangled value continued newfangled value');
    expect(m.header('UnknownHeaderWithUnusualValue')).toBe(';;,,;;,;');
    expect(m.contacts[0]?.displayName).toBe('Quoted string ""');
    expect(m.contacts[0]?.params.get('q')).toBe('0.33');
    expect(m.routes[0]?.uri.toString()).toBe('sip:services.example.com;lr;unknownwith=value;unknown-no-value');
    expect(m.body.length).toBe(150);
    expect(m.header('subject')).toBe('');
  });

  it('3.1.1.2 a wide range of valid characters (method, NUL in display name, UTF-8)', () => {
    const m = request('intmeth.dat');
    expect(m.method).toBe('!interesting-Method0123456789_*+`.%indeed\'~');
    expect(m.to.displayName).toBe('BEL:\u0007 NUL:\u0000 DEL:\u007f');
    expect(m.cseq.method).toBe(m.method);
  });

  it('3.1.1.3 escapes in URIs decode once', () => {
    const m = request('esc01.dat');
    const uri = m.uri;
    expect(uri.kind === 'sip' && unescape(uri.user ?? '')).toBe('sips:user@example.com');
    expect(m.to.uri.kind === 'sip' && unescape(m.to.uri.user ?? '')).toBe('user');
    const contact = m.contacts[0]?.uri;
    expect(contact?.kind === 'sip' && unescape(contact.params.get('n%61me') ?? '')).toBe('value%41');
  });

  it('3.1.1.4 escaped nulls give two distinct contacts', () => {
    const users = request('escnull.dat').contacts.map((c) => (c.uri.kind === 'sip' ? c.uri.user : ''));
    expect(users).toEqual(['%00', '%00%00']);
  });

  it('3.1.1.5 % that is not an escape: unknown method, extension header kept apart', () => {
    const m = request('esc02.dat');
    expect(m.method).toBe('RE%47IST%45R');
    expect(m.contacts).toHaveLength(2);
    expect(m.header('C%6Fntact')).toBeDefined();
  });

  it('3.1.1.6 display name directly followed by <', () => {
    expect(request('lwsdisp.dat').from.displayName).toBe('caller');
  });

  it('3.1.1.7 long values in header fields', () => {
    const m = request('longreq.dat');
    expect(m.vias.length).toBeGreaterThanOrEqual(34);
    expect(m.to.displayName?.length).toBeGreaterThan(100);
    expect(m.header('X-Extension-Header-With-A-Really-Long-Name') ?? m.headerFields.some((f) => f.name.length > 50)).toBeTruthy();
  });

  it('3.1.1.8 extra octets after Content-Length in a datagram are ignored', () => {
    const m = request('dblreq.dat');
    expect(m.method).toBe('REGISTER');
    expect(m.body.length).toBe(0);
  });

  it('3.1.1.9 semicolon-separated parameters in the URI user part', () => {
    const uri = request('semiuri.dat').uri;
    expect(uri.kind === 'sip' && uri.user).toBe('user;par=u%40example.net');
    expect(uri.kind === 'sip' && uri.host).toBe('example.com');
  });

  it('3.1.1.10 unknown transports in Via parse', () => {
    expect(request('transports.dat').vias.map((v) => v.transport)).toEqual(['UDP', 'SCTP', 'TLS', 'UNKNOWN', 'TCP']);
  });

  it('3.1.1.11 a multipart binary body is framed by Content-Length', () => {
    const m = request('mpart01.dat');
    expect(m.body.length).toBe(Number(m.header('content-length')));
    expect(m.body.includes(0)).toBe(true);
  });

  it('3.1.1.12 a UTF-8 reason phrase', () => {
    const m = response('unreason.dat');
    expect(m.status).toBe(200);
    expect(m.reason).toMatch(/[\u0400-\u04ff]/);
  });

  it('3.1.1.13 an empty reason phrase', () => {
    const m = response('noreason.dat');
    expect([m.status, m.reason]).toEqual([100, '']);
  });
});

const rejected: Record<string, [number, RegExp]> = {
  'badinv01.dat': [400, /Via|parameter/],
  'clerr.dat': [400, /Content-Length/],
  'ncl.dat': [400, /Content-Length/],
  'scalar02.dat': [400, /CSeq|Max-Forwards|Expires/],
  'scalarlg.dat': [400, /CSeq|Max-Forwards|Expires|Status/],
  'quotbal.dat': [400, /quoted|display/i],
  'ltgtruri.dat': [400, /URI|Request-Line/],
  'lwsruri.dat': [400, /Request-Line/],
  'lwsstart.dat': [400, /Request-Line/],
  'trws.dat': [400, /Request-Line/],
  'escruri.dat': [400, /Request-URI/],
  'regbadct.dat': [400, /Contact/],
  'baddn.dat': [400, /display name/],
  'badvers.dat': [505, /Version Not Supported/],
  'mismatch01.dat': [400, /CSeq method/],
  'mismatch02.dat': [400, /CSeq method/],
  'bigcode.dat': [400, /Status-Line/],
  'insuf.dat': [400, /Missing/],
  'multi01.dat': [400, /Multiple/],
  'mcl01.dat': [400, /Multiple Content-Length/],
};

describe('RFC 4475 invalid messages are refused with the response the RFC names', () => {
  for (const [file, [status, reason]] of Object.entries(rejected)) {
    it(`${file} → ${status} ${String(reason)}`, () => {
      const error = rejection(file);
      expect(error.status).toBe(status);
      expect(error.reason).toMatch(reason);
    });
  }

  it('badaspec.dat (spaces inside <>) is handled the liberal way the RFC allows', () => {
    expect(request('badaspec.dat').to.uri.toString()).toBe('sip:t.watson@example.org');
  });

  it('baddate.dat parses and keeps the non-GMT Date as written', () => {
    expect(request('baddate.dat').header('Date')).toMatch(/EST$/);
  });

  it('badbranch.dat parses (the transaction layer refuses the empty branch id)', () => {
    expect(request('badbranch.dat').topVia.branch).toBe('z9hG4bK');
  });
});

describe('RFC 4475 application-layer messages parse (the endpoint answers them)', () => {
  it.each(['unkscm.dat', 'novelsc.dat', 'unksm2.dat', 'bext01.dat', 'invut.dat', 'regaut01.dat', 'bcast.dat', 'zeromf.dat', 'cparam01.dat', 'cparam02.dat', 'regescrt.dat', 'sdp01.dat', 'inv2543.dat'])(
    '%s parses as well-formed',
    (file) => {
      expect(() => parseMessage(load(file))).not.toThrow();
    },
  );

  it('cparam01: unknownparam is a contact parameter, not a URI parameter', () => {
    const c = request('cparam01.dat').contacts[0];
    expect(c?.params.has('unknownparam')).toBe(true);
    expect(c?.uri.kind === 'sip' && c.uri.params.has('unknownparam')).toBe(false);
  });

  it('cparam02: unknownparam inside <> is a URI parameter', () => {
    const c = request('cparam02.dat').contacts[0];
    expect(c?.uri.kind === 'sip' && c.uri.params.has('unknownparam')).toBe(true);
  });

  it('regescrt: the escaped Route header stays in the contact URI', () => {
    const uri = request('regescrt.dat').contacts[0]?.uri;
    expect(uri?.kind === 'sip' && uri.headers).toMatch(/^Route=%3C/);
  });

  it('inv2543: without Content-Length the body runs to the end of the datagram', () => {
    expect(request('inv2543.dat').body.length).toBe(105);
  });

  it('every one of the 49 messages is covered by a test case above', () => {
    const covered = new Set([...Object.keys(rejected), 'badaspec.dat', 'baddate.dat', 'badbranch.dat', 'wsinv.dat', 'intmeth.dat', 'esc01.dat', 'escnull.dat', 'esc02.dat', 'lwsdisp.dat', 'longreq.dat', 'dblreq.dat', 'semiuri.dat', 'transports.dat', 'mpart01.dat', 'unreason.dat', 'noreason.dat', 'unkscm.dat', 'novelsc.dat', 'unksm2.dat', 'bext01.dat', 'invut.dat', 'regaut01.dat', 'bcast.dat', 'zeromf.dat', 'cparam01.dat', 'cparam02.dat', 'regescrt.dat', 'sdp01.dat', 'inv2543.dat']);
    expect(cases).toHaveLength(49);
    expect(cases.filter((c) => !covered.has(c.file)).map((c) => c.file)).toEqual([]);
  });
});
