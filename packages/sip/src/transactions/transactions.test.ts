import { describe, expect, it } from 'vitest';
import { createResponse } from '../messages/create-response';
import { parseMessage } from '../messages/parse-message';
import type { SipRequest } from '../messages/sip-request';
import { FakeClock } from './fake-clock';
import { InviteClientState, InviteClientTransaction } from './invite-client-transaction';
import { InviteServerState, InviteServerTransaction } from './invite-server-transaction';
import { NonInviteClientState, NonInviteClientTransaction } from './non-invite-client-transaction';
import { NonInviteServerState, NonInviteServerTransaction } from './non-invite-server-transaction';
import { DEFAULT_TIMERS, timerValues } from './timers';

function request(method: string): SipRequest {
  return parseMessage(
    `${method} sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKabc\r\nMax-Forwards: 70\r\n` +
      `From: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>\r\nCall-ID: c1\r\nCSeq: 1 ${method}\r\nContent-Length: 0\r\n\r\n`,
  ) as SipRequest;
}

function setup(reliable = false) {
  const clock = new FakeClock();
  const sent: { at: number; text: string }[] = [];
  const context = { clock, timers: timerValues(DEFAULT_TIMERS, reliable), sender: { reliable, send: (d: Buffer) => sent.push({ at: clock.now(), text: d.toString() }) } };
  return { clock, sent, context };
}

describe('INVITE client transaction (§17.1.1)', () => {
  it('retransmits at T1, 2·T1, 4·T1 … over UDP and times out on timer B after 64·T1', () => {
    const { clock, sent, context } = setup();
    const tx = new InviteClientTransaction('k', request('INVITE'), context);
    let timedOut = false;
    tx.on('timeout', () => (timedOut = true));
    tx.start();
    clock.advance(32_000);
    expect(sent.map((s) => s.at)).toEqual([0, 500, 1500, 3500, 7500, 15500, 31500]);
    expect(timedOut).toBe(true);
    expect(tx.state).toBe(InviteClientState.Terminated);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not retransmit over a reliable transport', () => {
    const { clock, sent, context } = setup(true);
    new InviteClientTransaction('k', request('INVITE'), context).start();
    clock.advance(10_000);
    expect(sent).toHaveLength(1);
  });

  it('stops retransmitting on a 1xx and terminates on a 2xx', () => {
    const { clock, sent, context } = setup();
    const invite = request('INVITE');
    const tx = new InviteClientTransaction('k', invite, context);
    const statuses: number[] = [];
    tx.on('response', (r) => statuses.push(r.status));
    tx.start();
    tx.receiveResponse(createResponse(invite, 180));
    clock.advance(5000);
    expect(sent).toHaveLength(1);
    tx.receiveResponse(createResponse(invite, 200));
    expect(statuses).toEqual([180, 200]);
    expect(tx.state).toBe(InviteClientState.Terminated);
  });

  it('generates the ACK for a non-2xx final response itself and re-sends it for retransmissions, then timer D', () => {
    const { clock, sent, context } = setup();
    const invite = request('INVITE');
    const tx = new InviteClientTransaction('k', invite, context);
    tx.start();
    const busy = createResponse(invite, 486, undefined, { toTag: 'b1' });
    tx.receiveResponse(busy);
    expect(sent[1]?.text).toMatch(/^ACK sip:bob@example.com SIP\/2.0\r\n/);
    expect(sent[1]?.text).toContain('CSeq: 1 ACK');
    expect(sent[1]?.text).toContain('tag=b1');
    expect(sent[1]?.text).toContain('branch=z9hG4bKabc');
    tx.receiveResponse(busy);
    expect(sent).toHaveLength(3);
    expect(tx.state).toBe(InviteClientState.Completed);
    clock.advance(32_000);
    expect(tx.state).toBe(InviteClientState.Terminated);
  });
});

describe('non-INVITE client transaction (§17.1.2)', () => {
  it('retransmits on timer E doubling up to T2, then every T2 once provisional, and times out on F', () => {
    const { clock, sent, context } = setup();
    const options = request('OPTIONS');
    const tx = new NonInviteClientTransaction('k', options, context);
    let timedOut = false;
    tx.on('timeout', () => (timedOut = true));
    tx.start();
    clock.advance(11_500);
    expect(sent.map((s) => s.at)).toEqual([0, 500, 1500, 3500, 7500, 11500]);
    tx.receiveResponse(createResponse(options, 100));
    expect(tx.state).toBe(NonInviteClientState.Proceeding);
    clock.advance(4000);
    expect(sent.at(-1)?.at).toBe(15_500);
    clock.advance(32_000);
    expect(timedOut).toBe(true);
  });

  it('waits timer K in Completed over UDP, terminates at once over TCP', () => {
    const udp = setup();
    const options = request('OPTIONS');
    const tx = new NonInviteClientTransaction('k', options, udp.context);
    tx.start();
    tx.receiveResponse(createResponse(options, 200));
    expect(tx.state).toBe(NonInviteClientState.Completed);
    udp.clock.advance(5000);
    expect(tx.state).toBe(NonInviteClientState.Terminated);
    const tcp = setup(true);
    const tx2 = new NonInviteClientTransaction('k', options, tcp.context);
    tx2.start();
    tx2.receiveResponse(createResponse(options, 200));
    expect(tx2.state).toBe(NonInviteClientState.Terminated);
  });
});

describe('INVITE server transaction (§17.2.1)', () => {
  it('sends 100 Trying when the TU is silent for 200 ms', () => {
    const { clock, sent, context } = setup();
    const invite = request('INVITE');
    new InviteServerTransaction('k', invite, context, () => createResponse(invite, 100));
    clock.advance(199);
    expect(sent).toHaveLength(0);
    clock.advance(1);
    expect(sent[0]?.text).toMatch(/^SIP\/2.0 100 Trying/);
  });

  it('retransmits a non-2xx final on timer G (T1, 2·T1 … capped at T2) until the ACK, then absorbs ACKs for timer I', () => {
    const { clock, sent, context } = setup();
    const invite = request('INVITE');
    const tx = new InviteServerTransaction('k', invite, context, () => createResponse(invite, 100));
    tx.respond(createResponse(invite, 486));
    clock.advance(15_500);
    expect(sent.map((s) => s.at)).toEqual([0, 500, 1500, 3500, 7500, 11500, 15500]);
    tx.receiveRequest(request('ACK'));
    expect(tx.state).toBe(InviteServerState.Confirmed);
    clock.advance(5000);
    expect(tx.state).toBe(InviteServerState.Terminated);
    expect(sent).toHaveLength(7);
  });

  it('gives up on timer H when no ACK comes', () => {
    const { clock, context } = setup();
    const invite = request('INVITE');
    const tx = new InviteServerTransaction('k', invite, context, () => createResponse(invite, 100));
    let timedOut = false;
    tx.on('timeout', () => (timedOut = true));
    tx.respond(createResponse(invite, 500));
    clock.advance(32_000);
    expect(timedOut).toBe(true);
    expect(tx.state).toBe(InviteServerState.Terminated);
  });

  it('resends the last provisional for a retransmitted INVITE and accepts a 2xx', () => {
    const { sent, context } = setup();
    const invite = request('INVITE');
    const tx = new InviteServerTransaction('k', invite, context, () => createResponse(invite, 100));
    tx.respond(createResponse(invite, 180));
    tx.receiveRequest(invite);
    expect(sent.map((s) => s.text.slice(0, 15))).toEqual(['SIP/2.0 180 Rin', 'SIP/2.0 180 Rin']);
    tx.respond(createResponse(invite, 200));
    expect(tx.state).toBe(InviteServerState.Accepted);
  });

  it('absorbs INVITE retransmissions in Accepted after a 2xx and ends on timer L (RFC 6026)', () => {
    const { clock, sent, context } = setup();
    const invite = request('INVITE');
    const tx = new InviteServerTransaction('k', invite, context, () => createResponse(invite, 100));
    tx.respond(createResponse(invite, 200));
    tx.receiveRequest(invite);
    expect(sent).toHaveLength(1);
    clock.advance(32_000);
    expect(tx.state).toBe(InviteServerState.Terminated);
  });
});

describe('non-INVITE server transaction (§17.2.2)', () => {
  it('discards retransmissions in Trying, resends the final in Completed and ends on timer J', () => {
    const { clock, sent, context } = setup();
    const options = request('OPTIONS');
    const tx = new NonInviteServerTransaction('k', options, context);
    tx.receiveRequest(options);
    expect(sent).toHaveLength(0);
    tx.respond(createResponse(options, 200));
    tx.receiveRequest(options);
    expect(sent).toHaveLength(2);
    clock.advance(31_999);
    expect(tx.state).toBe(NonInviteServerState.Completed);
    clock.advance(1);
    expect(tx.state).toBe(NonInviteServerState.Terminated);
  });

  it('close() is safe twice', () => {
    const { context } = setup();
    const tx = new NonInviteServerTransaction('k', request('OPTIONS'), context);
    tx.close();
    tx.close();
    expect(tx.terminated).toBe(true);
  });
});
