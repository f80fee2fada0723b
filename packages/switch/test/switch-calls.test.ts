/**
 * The switch between real SIP endpoints of our own stack on 127.0.0.1: a carrier calls a hotline
 * number routed straight to a queue, the ACD picks the signed-in agent, the agent's phone answers,
 * the caller hangs up; the CDR and the recording index say so and nothing is left over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf, SwitchRig, until } from './support/switch-rig';

describe('the call switch between SIP endpoints', () => {
  let rig: SwitchRig;

  beforeAll(async () => {
    rig = await SwitchRig.start({
      routes: [{ number: '8000', flowId: null, queueId: 1 }],
      queues: [queueOf(1, { name: '业务咨询' })],
      agents: [{ userId: 7, name: '坐席一', queues: [{ queueId: 1, penalty: 0 }] }],
    }, 42000);
  });
  afterAll(async () => rig?.close());

  it('rings the ready agent, bridges, records, and closes the record when the caller hangs up', async () => {
    const phone = await rig.phone('1001');
    expect((await rig.sw.execute(7, { command: 'agent.login', extension: '1001', ready: true, autoAnswer: false })).ok).toBe(true);
    const dialog = await rig.call('8000', '13800138000');
    expect(await until(() => phone.answered === 1)).toBe(true);
    const call = rig.latestCall()!;
    expect(call.callerNumber).toBe('13800138000');
    expect(await until(() => rig.sw.snapshot().agents[0]?.state === 'talking')).toBe(true);
    await rig.carrier.bye(dialog);
    expect(await until(() => call.outcome === 'answered' && call.endedAt != null)).toBe(true);
    expect(call).toMatchObject({ queueId: 1, queueName: '业务咨询', agentUserId: 7, agentExtension: '1001' });
    expect(call.legs.map((l) => l.role).sort()).toEqual(['agent', 'caller']);
    expect(await until(() => rig.store.recordings.length === 1)).toBe(true);
    expect(call.recordingId).toBe(rig.store.recordings[0]!.id);
    expect(await until(() => phone.active.size === 0)).toBe(true);
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  });
});
