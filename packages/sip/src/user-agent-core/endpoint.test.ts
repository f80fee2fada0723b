import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResponse } from '../messages/create-response';
import type { SipResponse } from '../messages/sip-response';
import { UdpProbe, sipRequest, withRport } from '../../test/support/udp-probe';
import { Endpoint } from './endpoint';

const fixture = (file: string): Buffer => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/rfc4475', file));

let endpoint: Endpoint;
let probe: UdpProbe;

beforeEach(async () => {
  endpoint = await Endpoint.listen({ host: '127.0.0.1', port: 0, tcp: false });
  probe = await UdpProbe.open();
});

afterEach(async () => {
  await endpoint.close();
  await probe.close();
});

async function answerTo(data: Buffer | string): Promise<SipResponse | undefined> {
  probe.received.length = 0;
  probe.send(data, endpoint.port);
  const [first] = await probe.waitFor(1, 500);
  return first as SipResponse | undefined;
}

describe('the endpoint answers RFC 4475 messages as the RFC says an endpoint should', () => {
  beforeEach(() => endpoint.onRequest('INVITE', (incoming) => incoming.respond(486)));
  const cases: [string, number, string?][] = [
    ['intmeth.dat', 501, 'allow'],
    ['esc02.dat', 501, 'allow'],
    ['unkscm.dat', 416],
    ['novelsc.dat', 416],
    ['bext01.dat', 420, 'unsupported'],
    ['invut.dat', 415, 'accept'],
    ['regaut01.dat', 405, 'allow'],
    ['sdp01.dat', 406, 'warning'],
    ['zeromf.dat', 200],
    ['inv2543.dat', 486],
    ['dblreq.dat', 405],
    ['badvers.dat', 505],
    ['badbranch.dat', 400],
    ['clerr.dat', 400],
    ['ncl.dat', 400],
    ['insuf.dat', 400],
    ['multi01.dat', 400],
    ['mcl01.dat', 400],
    ['badinv01.dat', 400],
    ['scalar02.dat', 400],
    ['quotbal.dat', 400],
    ['ltgtruri.dat', 400],
    ['lwsruri.dat', 400],
    ['lwsstart.dat', 400],
    ['trws.dat', 400],
    ['escruri.dat', 400],
    ['regbadct.dat', 400],
    ['baddn.dat', 400],
    ['mismatch01.dat', 400],
    ['mismatch02.dat', 400],
  ];
  for (const [file, status, header] of cases) {
    it(`${file} gets ${status}`, async () => {
      const response = await answerTo(withRport(fixture(file)));
      expect(response?.status).toBe(status);
      if (status >= 400 && status !== 505) expect(response?.reason.length).toBeGreaterThan(0);
      if (header !== undefined) expect(response?.header(header)).toBeTruthy();
    });
  }

  it.each(['bcast.dat', 'unreason.dat', 'noreason.dat', 'scalarlg.dat', 'bigcode.dat'])('%s (a response matching no transaction) is dropped', async (file) => {
    expect(await answerTo(fixture(file))).toBeUndefined();
  });

  it('malformed 400s name what was wrong', async () => {
    expect((await answerTo(withRport(fixture('badvers.dat'))))?.reason).toBe('Version Not Supported');
    probe.received.length = 0;
    expect((await answerTo(withRport(fixture('mismatch01.dat'))))?.reason).toMatch(/CSeq/);
  });
});

describe('endpoint request handling (RFC 3261 §8.2)', () => {
  it('answers OPTIONS with 200 and Allow/Accept/Supported', async () => {
    const response = await answerTo(sipRequest('OPTIONS', probe.port));
    expect(response?.status).toBe(200);
    expect(response?.header('allow')).toContain('OPTIONS');
    expect(response?.header('accept')).toContain('application/sdp');
    expect(response?.to.tag).toBeTruthy();
  });

  it('stamps received and rport on the top Via (RFC 3581) and echoes them in the response', async () => {
    const response = await answerTo(sipRequest('OPTIONS', probe.port));
    expect(response?.topVia.received).toBe('127.0.0.1');
    expect(response?.topVia.rport).toBe(probe.port);
  });

  it('runs request filters in order: a response stops, null drops silently, undefined goes on', async () => {
    const seen: string[] = [];
    endpoint.addRequestFilter((request) => {
      seen.push('first');
      return request.header('x-drop') ? null : undefined;
    });
    endpoint.addRequestFilter(async (request) => {
      seen.push('second');
      return createResponse(request, 403, 'Forbidden');
    });
    expect((await answerTo(sipRequest('OPTIONS', probe.port)))?.status).toBe(403);
    expect(await answerTo(sipRequest('MESSAGE', probe.port, 'X-Drop: yes\r\n'))).toBeUndefined();
    expect(seen).toEqual(['first', 'second', 'first']);
    expect(endpoint.counts().serverTransactions).toBe(1); // the 403's, in Completed for timer J
  });

  it('answers a retransmitted request from its transaction without calling the handler again', async () => {
    let calls = 0;
    endpoint.onRequest('MESSAGE', (incoming) => {
      calls++;
      incoming.respond(200);
    });
    const message = sipRequest('MESSAGE', probe.port);
    probe.send(message, endpoint.port);
    probe.send(message, endpoint.port);
    const responses = await probe.waitFor(2, 1000);
    expect(responses.map((r) => (r as SipResponse).status)).toEqual([200, 200]);
    expect(calls).toBe(1);
  });

  it('§8.2.2.2 answers a merged request (same From tag, Call-ID, CSeq, other branch) with 482', async () => {
    endpoint.onRequest('MESSAGE', () => {});
    const first = sipRequest('MESSAGE', probe.port);
    probe.send(first, endpoint.port);
    await new Promise((r) => setTimeout(r, 50));
    const second = first.replace(/branch=[^;\r]+/, 'branch=z9hG4bKother');
    const response = await answerTo(second);
    expect(response?.status).toBe(482);
  });

  it('§9.2 CANCEL gets 200 and the pending INVITE 487; a CANCEL matching nothing gets 481', async () => {
    let cancelled = false;
    endpoint.onRequest('INVITE', (incoming) => {
      incoming.respond(180);
      incoming.onCancel(() => (cancelled = true));
    });
    const invite = sipRequest('INVITE', probe.port);
    probe.send(invite, endpoint.port);
    await probe.waitFor(1);
    const cancel = invite.replace(/^INVITE/, 'CANCEL').replace('CSeq: 1 INVITE', 'CSeq: 1 CANCEL');
    probe.send(cancel, endpoint.port);
    const all = (await probe.waitFor(3)) as SipResponse[];
    expect(all.map((r) => `${r.status} ${r.cseq.method}`).sort()).toEqual(['180 INVITE', '200 CANCEL', '487 INVITE']);
    expect(cancelled).toBe(true);
    probe.received.length = 0;
    expect((await answerTo(sipRequest('CANCEL', probe.port)))?.status).toBe(481);
  });

  it('Max-Forwards 0 is processed normally by default (RFC 4475 §3.3.11) and answered 483 when configured to', async () => {
    expect((await answerTo(withRport(fixture('zeromf.dat'))))?.status).toBe(200);
    const strict = await Endpoint.listen({ host: '127.0.0.1', port: 0, tcp: false, maxForwardsZero: 'reject' });
    try {
      probe.received.length = 0;
      probe.send(withRport(fixture('zeromf.dat')), strict.port);
      const [response] = (await probe.waitFor(1)) as SipResponse[];
      expect(response?.status).toBe(483);
    } finally {
      await strict.close();
    }
  });

  it('§9.2 a CANCEL before any provisional response still ends the INVITE with 487 and tells its handler', async () => {
    let cancelled = false;
    endpoint.onRequest('INVITE', (incoming) => incoming.onCancel(() => (cancelled = true)));
    const invite = sipRequest('INVITE', probe.port);
    probe.send(invite, endpoint.port);
    await new Promise((r) => setTimeout(r, 30));
    probe.send(invite.replace(/^INVITE/, 'CANCEL').replace('CSeq: 1 INVITE', 'CSeq: 1 CANCEL'), endpoint.port);
    const all = (await probe.waitFor(2)) as SipResponse[];
    expect(all.map((r) => `${r.status} ${r.cseq.method}`).sort()).toEqual(['200 CANCEL', '487 INVITE']);
    expect(cancelled).toBe(true);
  });

  it('a handler that throws gets the request answered with 500, and the endpoint keeps running', async () => {
    endpoint.onRequest('MESSAGE', () => {
      throw new Error('boom');
    });
    expect((await answerTo(sipRequest('MESSAGE', probe.port)))?.status).toBe(500);
    probe.received.length = 0;
    expect((await answerTo(sipRequest('OPTIONS', probe.port)))?.status).toBe(200);
  });
});
