/**
 * An agent dials an outside number through a carrier that challenges our INVITE (SIPp playing the
 * carrier, checking the digest with verifyauth): the switch answers the challenge with the trunk's
 * credentials, the call connects, and the agent hanging up sends the carrier its BYE.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SippRun, freePort } from '../../sip/test/support/sipp';
import { queueOf, SwitchRig, until } from './support/switch-rig';

const CARRIER = fileURLToPath(new URL('../../sip/test/scenarios/carrier-challenges-invite-401.xml', import.meta.url));
const hasSipp = spawnSync('sh', ['-c', 'command -v sipp']).status === 0;

describe.skipIf(!hasSipp)('dialling out through a registering carrier', () => {
  let rig: SwitchRig | undefined;
  afterEach(async () => rig?.close());

  for (const [password, succeeds] of [['trunk-secret', true], ['wrong-secret', false]] as const) {
    it(succeeds ? 'answers the carrier\'s challenge and connects the agent' : 'fails the call, and frees the agent, when the carrier refuses the credentials', async () => {
      const port = await freePort();
      const carrier = new SippRun(['-sf', CARRIER, '-i', '127.0.0.1', '-p', String(port), '-m', '1', '-timeout', '20s', '-timeout_error'], 25_000);
      rig = await SwitchRig.start(
        { routes: [], queues: [queueOf(1)], agents: [{ userId: 1, name: '坐席', queues: [{ queueId: 1, penalty: 0 }] }] },
        succeeds ? 50000 : 50500,
        { trunk: { destination: { transport: 'udp', address: '127.0.0.1', port }, credentials: { username: 'rexian', password } } },
      );
      const own = await rig.phone('1001');
      expect((await rig.sw.execute(1, { command: 'agent.login', extension: '1001', ready: true, autoAnswer: false })).ok).toBe(true);
      expect((await rig.sw.execute(1, { command: 'call.dial', target: '13800000000' })).ok).toBe(true);
      if (succeeds) {
        expect(await until(() => rig!.latestCall()?.answeredAt != null, 10_000)).toBe(true);
        await own.hangUp();
      }
      const result = await carrier.done;
      expect(result.stats['SuccessfulCall(C)'], result.errors.slice(0, 1500)).toBe(succeeds ? '1' : '0');
      const record = rig.latestCall()!;
      expect(await until(() => record.endedAt != null, 10_000)).toBe(true);
      expect(record.outcome).toBe(succeeds ? 'answered' : 'no-answer');
      expect(await until(() => own.active.size === 0)).toBe(true);
      expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
    }, 40_000);
  }
});
