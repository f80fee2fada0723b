/**
 * SIPp against the stack over 127.0.0.1: SIPp's built-in UAC places 10,000 calls on the example
 * UAS (UDP and TCP); SIPp's built-in UAS answers calls our dialogs place, also when the first
 * INVITE is lost and timer A has to retransmit it. Each scenario ends with nothing left open.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { DialogLayer } from '../src/dialogs/dialog-layer';
import { Endpoint } from '../src/user-agent-core/endpoint';
import { ExampleUas } from '../src/user-agents/example-uas';
import { LossyUdpRelay } from './support/lossy-udp-relay';
import { SippRun, freePort } from './support/sipp';

/** Stops what a test started when it finishes (tests of one describe may run concurrently). */
const cleanup = (stop: () => Promise<void> | void): void => onTestFinished(async () => void (await stop()));

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe('SIPp UAC (built-in uac scenario) against the example UAS', () => {
  for (const transport of ['udp', 'tcp'] as const) {
    it(`completes 10,000 calls over ${transport.toUpperCase()} with no failed call and no unexpected message`, async () => {
      // A short T1 so that timer J (64·T1) lets the leak check finish within the test.
      const uas = await ExampleUas.listen({ host: '127.0.0.1', port: 0, timers: { T1: 100, T2: 400, T4: 500 } });
      cleanup(() => uas.close());
      const sipp = new SippRun(
        [`127.0.0.1:${uas.endpoint.port}`, '-sn', 'uac', '-i', '127.0.0.1', '-p', String(await freePort()), '-t', transport === 'udp' ? 'u1' : 't1',
          '-m', '10000', '-r', '2000', '-l', '2000', '-timeout', '40s', '-timeout_error', '-max_recv_loops', '10000'],
        45_000,
      );
      cleanup(() => sipp.stop());
      const { exitCode, stats, errors } = await sipp.done;
      // Under load SIPp may retransmit a BYE and log our (correct) repeated 200 as a message for
      // a "dead call"; anything else in its error log is a failure.
      expect(errors.split('\n').filter((line) => /^\d{4}-\d\d-\d\d\t/.test(line) && !line.includes('Dead call'))).toEqual([]);
      const summary = ['SuccessfulCall(C)', 'FailedCall(C)', 'FailedUnexpectedMessage(C)', 'FailedMaxUDPRetrans(C)', 'FailedCallRejected(C)', 'Retransmissions(C)'].map((k) => `${k}=${stats[k]}`).join(' ');
      expect({ exitCode, summary }).toEqual({ exitCode: 0, summary: expect.stringContaining('SuccessfulCall(C)=10000 FailedCall(C)=0') });
      expect(stats['FailedCall(C)']).toBe('0');
      expect(stats['FailedUnexpectedMessage(C)']).toBe('0');
      expect(uas.answered).toBe(10_000);
      await until(() => uas.endpoint.counts().serverTransactions === 0, 8000);
      expect(uas.activeCalls).toBe(0);
      expect(uas.endpoint.counts()).toEqual({ clientTransactions: 0, serverTransactions: 0, awaitingAck: 0 });
    }, 60_000);
  }
});

describe.concurrent('SIPp UAS (built-in uas scenario) answers calls our dialogs place', () => {
  async function setup(lose: boolean) {
    const sippPort = await freePort();
    const sipp = new SippRun(['-sn', 'uas', '-i', '127.0.0.1', '-p', String(sippPort), '-m', '1', '-timeout', '20s', '-timeout_error'], 25_000);
    cleanup(() => sipp.stop());
    const endpoint = await Endpoint.listen({ host: '127.0.0.1', port: 0, tcp: false });
    cleanup(() => endpoint.close());
    let invites = 0;
    const relay = await LossyUdpRelay.open(sippPort, (line) => lose && line.startsWith('INVITE') && invites++ === 0);
    cleanup(() => relay.close());
    await new Promise((r) => setTimeout(r, 300)); // let SIPp bind
    return { sipp, endpoint, relay, dialogs: new DialogLayer(endpoint) };
  }

  const call = (dialogs: DialogLayer, port: number) =>
    dialogs.invite({ uri: `sip:service@127.0.0.1:${port}`, from: '<sip:rexian@127.0.0.1>', to: `<sip:service@127.0.0.1:${port}>`, destination: { transport: 'udp', address: '127.0.0.1', port }, sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n' });

  type Call = Awaited<ReturnType<typeof setup>>;

  /** BYE → 200; SIPp counts one successful call, and no dialog or transaction is left behind. */
  async function hangUpCleanly({ sipp, endpoint, dialogs }: Omit<Call, 'relay'>, dialog: Awaited<ReturnType<typeof call>>) {
    expect((await dialogs.bye(dialog)).status).toBe(200);
    const result = await sipp.done;
    expect(result.exitCode).toBe(0);
    expect(result.stats['SuccessfulCall(C)']).toBe('1');
    expect(dialogs.count).toBe(0);
    await until(() => endpoint.counts().clientTransactions === 0, 6000);
    expect(endpoint.counts().clientTransactions).toBe(0);
  }

  it('INVITE → 200 → ACK → BYE → 200, and SIPp ends its call cleanly', async () => {
    const { sipp, endpoint, relay, dialogs } = await setup(false);
    const dialog = await call(dialogs, relay.port);
    expect(dialog.state).toBe('Confirmed');
    await hangUpCleanly({ sipp, endpoint, dialogs }, dialog);
  }, 30_000);

  it('when the first INVITE is lost, timer A retransmits it T1 (500 ms) later and the call completes', async () => {
    const { sipp, endpoint, relay, dialogs } = await setup(true);
    const started = Date.now();
    const dialog = await call(dialogs, relay.port);
    expect(relay.dropped).toHaveLength(1);
    const retransmitted = relay.forwardedAt.find((f) => f.firstLine.startsWith('INVITE'));
    expect((retransmitted?.at ?? 0) - started).toBeGreaterThanOrEqual(450);
    expect((retransmitted?.at ?? 0) - started).toBeLessThan(1000);
    await hangUpCleanly({ sipp, endpoint, dialogs }, dialog);
  }, 30_000);
});
