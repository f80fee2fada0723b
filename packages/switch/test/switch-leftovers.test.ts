/**
 * A thousand calls from SIPp (the carrier) into a queue with one answering agent: most wait and
 * hang up, some are answered. Afterwards nothing is left: no call, leg, offer, dialog, transaction,
 * media session or RTP port (SIP timers shortened, T1 = 50 ms, so completed transactions expire
 * within seconds instead of 32 s).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { SippRun, freePort } from '../../sip/test/support/sipp';
import { queueOf, SwitchRig, until } from './support/switch-rig';

const hasSipp = spawnSync('sh', ['-c', 'command -v sipp']).status === 0;

describe.skipIf(!hasSipp)('after a thousand calls', () => {
  let rig: SwitchRig | undefined;
  afterAll(async () => rig?.close());

  it('leaves no port, dialog, transaction or media session behind', async () => {
    rig = await SwitchRig.start({
      routes: [{ number: '8000', flowId: null, queueId: 1 }],
      queues: [queueOf(1, { record: false })],
      agents: [{ userId: 1, name: '坐席', queues: [{ queueId: 1, penalty: 0 }] }],
    }, 49000, { sipTimers: { T1: 50, T2: 400, T4: 500 } });
    const phone = await rig.phone('1001', 'answer');
    expect((await rig.sw.execute(1, { command: 'agent.login', extension: '1001', ready: true, autoAnswer: false })).ok).toBe(true);
    const run = new SippRun(
      ['-sn', 'uac', '-s', '8000', `127.0.0.1:${rig.server.address!.port}`, '-i', '127.0.0.1', '-p', String(await freePort()),
        '-m', '1000', '-r', '100', '-l', '60', '-d', '300', '-timeout', '120s', '-timeout_error'],
      150_000,
    );
    const result = await run.done;
    expect(result.stats['SuccessfulCall(C)'], result.errors.slice(0, 2000)).toBe('1000');
    expect(phone.answered).toBeGreaterThan(0);
    expect(rig.store.calls.size).toBe(1000);
    expect([...rig.store.calls.values()].every((c) => c.endedAt != null)).toBe(true);
    const endpoint = rig.server.endpoint!;
    expect(await until(() => {
      const t = endpoint.counts();
      return t.clientTransactions + t.serverTransactions + t.awaitingAck === 0;
    }, 15_000)).toBe(true);
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
    expect((await rig.media.counts()).ports).toBe(0);
  }, 180_000);
});
