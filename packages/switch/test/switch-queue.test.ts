/**
 * Queue behaviour a hotline's staff notice, with real SIP endpoints: an agent who lets the phone
 * ring is set not ready and the call moves on; a caller who hangs up while waiting is on the
 * callback list; the maximum wait leads to voicemail; a blacklisted caller is refused; an agent's
 * transfer, consult, conference and hold reach the right phones; nothing is left over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { queueOf, SwitchRig, until } from './support/switch-rig';

const agents = (ids: number[], queueId = 1) => ids.map((id) => ({ userId: id, name: `坐席${id}`, queues: [{ queueId, penalty: id }] }));
let rig: SwitchRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function login(r: SwitchRig, agentId: number, extension: string) {
  const result = await r.sw.execute(agentId, { command: 'agent.login', extension, ready: true, autoAnswer: false });
  expect(result.ok).toBe(true);
}

describe('queueing', () => {
  it('moves a call that rings out to the next agent and sets the first one not ready', async () => {
    rig = await SwitchRig.start({ routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1, { ringTimeoutSec: 1 })], agents: agents([1, 2]) }, 45000);
    const silent = await rig.phone('1001', 'ring');
    const answering = await rig.phone('1002', 'answer');
    await login(rig, 1, '1001');
    await login(rig, 2, '1002');
    // The switch answers the caller at once (queue music); the phones ring after.
    const dialog = await rig.call();
    expect(await until(() => answering.answered === 1)).toBe(true);
    expect(silent.rang).toBe(1);
    expect(rig.sw.snapshot().agents.find((a) => a.agentId === 1)).toMatchObject({ state: 'not-ready', reason: 'ring-no-answer' });
    await rig.carrier.bye(dialog);
    const record = rig.latestCall()!;
    expect(await until(() => record.outcome === 'answered')).toBe(true);
    expect(record.agentUserId).toBe(2);
    expect(record.legs.find((l) => l.peer === '1001')?.result).toBe('ring-timeout');
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  });

  it('puts a caller who hangs up while waiting on the callback list', async () => {
    rig = await SwitchRig.start({ routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1)], agents: agents([1]) }, 45500);
    const dialog = await rig.call('8000', '13900001111');
    // Short abandons (under 5 s) are misdials, not callers to call back.
    await new Promise((r) => setTimeout(r, 5200));
    await rig.carrier.bye(dialog);
    expect(await until(() => rig!.store.callbacks.length === 1)).toBe(true);
    expect(rig.store.callbacks[0]).toMatchObject({ callerNumber: '13900001111', reason: 'abandoned' });
    expect(await until(() => rig!.latestCall()?.outcome === 'abandoned')).toBe(true);
    expect(rig.latestCall()!.waitMs).toBeGreaterThanOrEqual(5000);
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  });

  it('sends the caller to voicemail after the maximum wait, and keeps the message when they hang up', async () => {
    rig = await SwitchRig.start({ routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1, { maxWaitSec: 1 })], agents: agents([1]) }, 46000);
    const dialog = await rig.call('8000', '13900002222');
    // The prompt, the beep, then a few seconds of message.
    expect(await until(() => rig!.sw.calls.values().next().value?.state === 'ivr', 4000)).toBe(true);
    await new Promise((r) => setTimeout(r, 6000));
    await rig.carrier.bye(dialog);
    expect(await until(() => rig!.store.voicemails.length === 1)).toBe(true);
    expect(rig.store.voicemails[0]).toMatchObject({ reason: 'overflow' });
    expect(await until(() => rig!.latestCall()?.outcome === 'voicemail')).toBe(true);
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  }, 30_000);

  it('ends the call of a caller whose RTP stopped (gone without a BYE)', async () => {
    rig = await SwitchRig.start({ routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1)], agents: agents([1]) }, 51000, { rtpTimeoutMs: 1500 });
    // Our test carrier sends no RTP at all: to the switch it is a caller that vanished.
    const dialog = await rig.call('8000', '13900003333');
    expect(await until(() => dialog.state === 'Terminated', 8000)).toBe(true);
    const record = rig.latestCall()!;
    expect(await until(() => record.endedAt != null)).toBe(true);
    expect(record).toMatchObject({ endReason: 'rtp-timeout', outcome: 'abandoned' });
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  });

  it('refuses a blacklisted caller and records why', async () => {
    rig = await SwitchRig.start({
      routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1)], agents: agents([1]), callerLists: new Map([['13700000000', 'blacklist' as const]]),
    }, 46500);
    await expect(rig.call('8000', '13700000000')).rejects.toMatchObject({ status: 603 });
    expect(await until(() => rig!.latestCall()?.outcome === 'refused')).toBe(true);
    expect(rig.latestCall()).toMatchObject({ callerList: 'blacklist', endReason: 'blacklist' });
  });
});

describe('call control from the agent', () => {
  async function answeredCall(r: SwitchRig) {
    await login(r, 1, '1001');
    const dialog = await r.call();
    expect(await until(() => r.sw.snapshot().calls[0]?.state === 'talking')).toBe(true);
    return { dialog, callId: r.sw.snapshot().calls[0]!.callId };
  }

  it('blind-transfers the caller to another extension; the first agent leaves the call', async () => {
    rig = await SwitchRig.start({ routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1)], agents: agents([1]) }, 47000);
    const first = await rig.phone('1001');
    const second = await rig.phone('1009');
    const { dialog, callId } = await answeredCall(rig);
    expect((await rig.sw.execute(1, { command: 'call.transfer', callId, target: '1009' })).ok).toBe(true);
    expect(await until(() => second.answered === 1 && first.active.size === 0)).toBe(true);
    expect(rig.sw.snapshot().agents.find((a) => a.agentId === 1)?.callId).toBeNull();
    await rig.carrier.bye(dialog);
    expect(await until(() => rig!.latestCall()?.endedAt != null)).toBe(true);
    expect(rig.latestCall()!.legs.map((l) => l.role).sort()).toEqual(['agent', 'caller', 'transfer']);
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  });

  it('consults, then transfers; consults again, then cancels; holds and resumes; makes a three-way call', async () => {
    rig = await SwitchRig.start({ routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1)], agents: agents([1]) }, 47500);
    const first = await rig.phone('1001');
    const expert = await rig.phone('1008');
    const { dialog, callId } = await answeredCall(rig);
    expect((await rig.sw.execute(1, { command: 'call.hold', callId })).ok).toBe(true);
    expect(rig.sw.snapshot().calls[0]?.state).toBe('held');
    expect((await rig.sw.execute(1, { command: 'call.resume', callId })).ok).toBe(true);
    expect(rig.sw.snapshot().calls[0]?.state).toBe('talking');

    expect((await rig.sw.execute(1, { command: 'call.consult', callId, target: '1008' })).ok).toBe(true);
    expect(await until(() => expert.answered === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect((await rig.sw.execute(1, { command: 'call.consult-cancel', callId })).ok).toBe(true);
    expect(await until(() => expert.active.size === 0)).toBe(true);
    expect(rig.sw.snapshot().calls[0]?.state).toBe('talking');

    expect((await rig.sw.execute(1, { command: 'call.consult', callId, target: '1008' })).ok).toBe(true);
    expect(await until(() => expert.answered === 2)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect((await rig.sw.execute(1, { command: 'call.conference', callId })).ok).toBe(true);
    expect(rig.sw.snapshot().calls[0]?.state).toBe('talking');
    // The agent leaves the three-way call; the caller and the expert stay.
    await first.hangUp();
    await new Promise((r) => setTimeout(r, 200));
    expect(expert.active.size).toBe(1);
    await rig.carrier.bye(dialog);
    expect(await until(() => expert.active.size === 0)).toBe(true);
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  });

  it('dials out for the agent: their own phone first (asked to answer by itself), then the number', async () => {
    rig = await SwitchRig.start({ routes: [], queues: [queueOf(1)], agents: agents([1]) }, 48500);
    const own = await rig.phone('1001');
    const far = await rig.phone('1009');
    await login(rig, 1, '1001');
    const result = await rig.sw.execute(1, { command: 'call.dial', target: '1009' });
    expect(result.ok).toBe(true);
    expect(await until(() => own.answered === 1 && far.answered === 1)).toBe(true);
    expect(await until(() => rig!.sw.snapshot().agents[0]?.state === 'talking')).toBe(true);
    await far.hangUp();
    expect(await until(() => own.active.size === 0)).toBe(true);
    const record = rig.latestCall()!;
    expect(await until(() => record.endedAt != null)).toBe(true);
    expect(record).toMatchObject({ direction: 'outbound', callerNumber: '1001', calledNumber: '1009', outcome: 'answered', agentUserId: 1 });
    expect(record.legs.map((l) => l.role).sort()).toEqual(['agent', 'outbound']);
    expect(await until(() => rig!.sw.snapshot().agents[0]?.state === 'ready')).toBe(true);
    expect(await rig.leftovers()).toEqual({ calls: 0, legs: 0, offers: 0, dialogs: 0, sessions: 0 });
  });

  it('keeps agents signed in across a restart and closes the records of interrupted calls', async () => {
    rig = await SwitchRig.start({ routes: [{ number: '8000', flowId: null, queueId: 1 }], queues: [queueOf(1)], agents: agents([1]) }, 48000);
    await rig.phone('1001');
    await answeredCall(rig);
    await new Promise((r) => setTimeout(r, 50));
    const saved = rig.store.acdState;
    expect(saved).toBeDefined();
    // A second switch over the same store: what a restart after a crash sees.
    const record = rig.latestCall()!;
    const { CallSwitch } = await import('../src/index');
    const restarted = await CallSwitch.start({
      media: rig.media, store: rig.store, location: rig.location, aorOf: (e) => rig!.server.aorOf(e), domain: 'rexian', dataDir: rig.dataDir,
      serverUrl: () => '', isExtension: () => true,
    }, { ...(await import('../src/index')).EMPTY_CONFIG, queues: [queueOf(1)], agents: agents([1]) });
    expect(record.outcome).toBe('interrupted');
    expect(restarted.snapshot().agents[0]).toMatchObject({ agentId: 1, extension: '1001' });
    await restarted.close();
  });
});
