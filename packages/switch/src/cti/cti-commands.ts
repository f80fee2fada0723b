/**
 * The CTI commands (TEL-4, ACD-5): what an agent's buttons do to their state and their call.
 * Each answers with a result the page can show; none throws for a command that does not apply
 * now (a hang-up of a call already ended, a transfer with nobody to transfer).
 */
import { randomUUID } from 'node:crypto';
import type { CtiCommand, CtiResult } from '@rexian/contracts';
import type { Call } from '../calls/call';
import { DialError } from '../calls/dialer';
import type { Leg } from '../calls/leg';
import type { CallSwitch } from '../switch';

const ok = (callId: string | null = null, message: string | null = null): CtiResult => ({ ok: true, callId, message });
const refuse = (message: string, callId: string | null = null): CtiResult => ({ ok: false, callId, message });

export async function executeCommand(sw: CallSwitch, agentId: number, command: CtiCommand): Promise<CtiResult> {
  const agent = String(agentId);
  switch (command.command) {
    case 'agent.login': {
      for (const other of sw.agents.values()) {
        if (other.extension === command.extension && other.agentId !== agentId) return refuse(`分机 ${command.extension} 已被其他坐席签入`);
      }
      if (sw.tryAcd(() => sw.acd.agent(agent)) === undefined) sw.acd.addAgent({ id: agent, queues: [], capacity: { voice: 1 } });
      sw.agents.set(agentId, { agentId, extension: command.extension, autoAnswer: command.autoAnswer });
      const view = sw.acd.agent(agent);
      if (view.state === 'logged-out') sw.acd.login(agent, { ready: command.ready });
      else if (command.ready) sw.tryAcd(() => sw.acd.setReady(agent));
      sw.agentChanged(agentId);
      sw.saveSoon();
      const registered = sw.dialer.registered(command.extension);
      return ok(null, registered ? null : `分机 ${command.extension} 的电话尚未注册，来电将无法振铃`);
    }
    case 'agent.logout': {
      const busy = [...sw.calls.values()].some((c) => c.agentId === agentId);
      if (busy) return refuse('通话中不能签出');
      sw.tryAcd(() => sw.acd.logout(agent));
      sw.agents.delete(agentId);
      sw.agentChanged(agentId);
      sw.saveSoon();
      return ok();
    }
    case 'agent.ready':
      return stateChange(sw, agentId, () => sw.acd.setReady(agent));
    case 'agent.not-ready':
      return stateChange(sw, agentId, () => sw.acd.setNotReady(agent, command.reason));
    case 'agent.wrap-up-done':
      return stateChange(sw, agentId, () => sw.acd.endWrapUp(agent));
    case 'call.dial':
      return dial(sw, agentId, command.target);
    case 'agent.help': {
      const session = sw.agents.get(agentId);
      const call = [...sw.calls.values()].find((c) => c.agentId === agentId);
      sw.events.emit({ event: 'agent.help-requested', agentId, extension: session?.extension ?? null, callId: call?.id ?? null, message: command.message });
      return ok(call?.id ?? null, '已通知班长');
    }
    case 'agent.force-state':
      return forceState(sw, command.agentId, command.state, command.reason);
    case 'call.supervise':
      return supervise(sw, agentId, command.callId, command.mode);
    case 'call.supervise-end': {
      const call = sw.calls.get(command.callId);
      const leg = call?.supervisorLeg;
      if (call === undefined || leg === undefined || leg.agentId !== agentId) return refuse('您没有在监控这个通话', command.callId);
      call.supervisorLeg = undefined;
      leg.end('supervise-end', 'local', sw.dialogLayer, new Date());
      sw.events.emit({ event: 'call.supervised', agentId: call.agentId, callId: call.id, supervisorId: agentId, mode: 'ended' });
      return ok(call.id);
    }
    default:
      return callCommand(sw, agentId, command);
  }
}

function stateChange(sw: CallSwitch, agentId: number, change: () => void): CtiResult {
  if (!sw.agents.has(agentId)) return refuse('请先签入');
  try {
    change();
  } catch (error) {
    return refuse(`当前状态不能这样切换：${(error as Error).message}`);
  }
  sw.agentChanged(agentId);
  sw.saveSoon();
  return ok();
}

type CallCommand = Exclude<CtiCommand, { command: `agent.${string}` } | { command: 'call.dial' | 'call.supervise' | 'call.supervise-end' }>;

async function callCommand(sw: CallSwitch, agentId: number, command: CallCommand): Promise<CtiResult> {
  const call = sw.callOf(agentId, command.callId);
  if (call === undefined) return refuse('没有这个通话，或它不属于您', command.callId);
  const now = (): Date => new Date();
  const layer = sw.dialogLayer;
  switch (command.command) {
    case 'call.answer': {
      const offer = sw.offerOf(agentId, call.id);
      if (offer === undefined) return refuse('电话没有在振铃', call.id);
      // A desk phone cannot be made to pick up except by asking again with auto-answer.
      const session = sw.agents.get(agentId);
      if (session === undefined) return refuse('请先签入', call.id);
      session.autoAnswer = true;
      offer.leg?.end('re-offered', 'local', layer, now());
      sw.tryAcd(() => sw.acd.reject(offer.offerId));
      setTimeout(() => {
        const s = sw.agents.get(agentId);
        if (s) s.autoAnswer = false;
      }, 10_000).unref();
      return ok(call.id, '已请求话机自动应答');
    }
    case 'call.hangup':
      if (call.agentLeg === undefined && call.direction === 'inbound') return refuse('通话尚未接通', call.id);
      sw.finish(call, 'agent-hangup', 'local');
      return ok(call.id);
    case 'call.hold':
      if (call.state !== 'talking' || call.agentLeg === undefined) return refuse('只有通话中才能保持', call.id);
      await hold(sw, call);
      sw.events.emit({ event: 'call.held', agentId, callId: call.id });
      return ok(call.id);
    case 'call.resume':
      if (call.state !== 'held' || call.agentLeg === undefined) return refuse('通话没有被保持', call.id);
      if (call.consultLeg !== undefined) return refuse('请先完成或取消咨询', call.id);
      await resume(sw, call, call.agentLeg);
      sw.events.emit({ event: 'call.resumed', agentId, callId: call.id });
      return ok(call.id);
    case 'call.transfer': {
      if (call.agentLeg === undefined) return refuse('通话尚未接通', call.id);
      const agentLeg = call.agentLeg;
      await hold(sw, call, '正在为您转接，请稍候。');
      agentLeg.end('transferred', 'local', layer, now());
      call.agentLeg = undefined;
      sw.completeAgent(call);
      sw.events.emit({ event: 'call.transferred', agentId, callId: call.id, target: command.target, mode: 'blind' });
      sw.background(transferTo(sw, call, command.target), 'blind transfer');
      return ok(call.id);
    }
    case 'call.consult': {
      if (call.agentLeg === undefined || call.consultLeg !== undefined) return refuse('当前不能咨询', call.id);
      const agentLeg = call.agentLeg;
      await hold(sw, call);
      let placed;
      try {
        placed = await sw.placeLeg(call, command.target, 'consult', null, false);
      } catch (error) {
        await resume(sw, call, agentLeg);
        return refuse(`无法呼叫 ${command.target}：${describe(error)}`, call.id);
      }
      call.consultLeg = placed.leg;
      sw.events.emit({ event: 'call.consulting', agentId, callId: call.id, target: command.target, state: 'ringing' });
      sw.background(placed.answered.then(
        async (leg) => {
          if (call.ended || call.consultLeg !== leg) return leg.end('gone', 'local', layer, now());
          await sw.media.bridge(agentLeg.session.id, leg.session.id);
          sw.events.emit({ event: 'call.consulting', agentId, callId: call.id, target: command.target, state: 'answered' });
        },
        () => {
          if (call.consultLeg === placed.leg) call.consultLeg = undefined;
          sw.events.emit({ event: 'call.consulting', agentId, callId: call.id, target: command.target, state: 'failed' });
        },
      ), 'joining a leg');
      return ok(call.id);
    }
    case 'call.consult-transfer': {
      const consult = call.consultLeg;
      if (consult === undefined || consult.state !== 'answered' || call.agentLeg === undefined) return refuse('被咨询方尚未接通', call.id);
      const agentLeg = call.agentLeg;
      await agentLeg.session.unbridge().catch(() => {});
      call.consultLeg = undefined;
      agentLeg.end('consult-transferred', 'local', layer, now());
      call.agentLeg = consult;
      sw.completeAgent(call);
      await connect(sw, call, consult);
      sw.events.emit({ event: 'call.transferred', agentId, callId: call.id, target: consult.peer, mode: 'consult' });
      return ok(call.id);
    }
    case 'call.consult-cancel': {
      const consult = call.consultLeg;
      if (consult === undefined || call.agentLeg === undefined) return refuse('没有进行中的咨询', call.id);
      call.consultLeg = undefined;
      consult.end('consult-cancelled', 'local', layer, now());
      await resume(sw, call, call.agentLeg);
      sw.events.emit({ event: 'call.consulting', agentId, callId: call.id, target: consult.peer, state: 'ended' });
      return ok(call.id);
    }
    case 'call.conference': {
      const consult = call.consultLeg;
      if (consult === undefined || consult.state !== 'answered' || call.agentLeg === undefined) return refuse('被咨询方尚未接通', call.id);
      const legs = [call.callerLeg, call.agentLeg, consult];
      await Promise.all(legs.map((leg) => leg.session.unbridge().catch(() => {})));
      await call.callerLeg.session.stop().catch(() => {});
      endHold(call);
      call.conferenceId = `conf-${call.id}`;
      await sw.media.conference(call.conferenceId, legs.map((leg) => leg.session.id));
      call.state = 'talking';
      sw.events.emit({ event: 'call.conferenced', agentId, callId: call.id, parties: legs.map((leg) => leg.peer) });
      return ok(call.id);
    }
    case 'call.to-ivr': {
      if (call.agentLeg === undefined) return refuse('通话尚未接通', call.id);
      const agentLeg = call.agentLeg;
      await call.callerLeg.session.unbridge().catch(() => {});
      agentLeg.end('to-ivr', 'local', layer, now());
      call.agentLeg = undefined;
      sw.completeAgent(call);
      sw.background(sw.runFlowFor(call, command.flowId), 'back to the IVR');
      return ok(call.id);
    }
  }
}

/** The caller hears music; the agent hears nothing (and may consult). */
async function hold(sw: CallSwitch, call: Call, announcement?: string): Promise<void> {
  await call.callerLeg.session.unbridge().catch(() => {});
  if (call.state !== 'held') {
    call.state = 'held';
    call.callerLeg.heldSince = Date.now();
    sw.tryAcd(() => sw.acd.hold(call.id));
  }
  const items = announcement ? [{ kind: 'tts' as const, text: announcement }, { kind: 'hold-melody' as const }] : [{ kind: 'hold-melody' as const }];
  await call.callerLeg.session.play(items, { loop: !announcement }).catch(() => {});
}

function endHold(call: Call): void {
  const leg = call.callerLeg;
  if (leg.heldSince !== undefined) {
    leg.holdMs += Date.now() - leg.heldSince;
    leg.heldSince = undefined;
  }
}

async function resume(sw: CallSwitch, call: Call, with_: Leg): Promise<void> {
  endHold(call);
  sw.tryAcd(() => sw.acd.resume(call.id));
  await connect(sw, call, with_);
}

async function connect(sw: CallSwitch, call: Call, leg: Leg): Promise<void> {
  endHold(call);
  await sw.bridge(call, leg);
  sw.fileLeg(call, leg);
}

/** After a blind transfer: ring the target; the caller goes back to its queue if nobody answers. */
async function transferTo(sw: CallSwitch, call: Call, target: string): Promise<void> {
  try {
    const placed = await sw.placeLeg(call, target, 'transfer', null, false);
    const timer = setTimeout(() => placed.leg.end('no-answer', 'local', sw.dialogLayer, new Date()), 30_000);
    const leg = await placed.answered.finally(() => clearTimeout(timer));
    if (call.ended) return leg.end('caller-gone', 'local', sw.dialogLayer, new Date());
    call.agentLeg = leg;
    await connect(sw, call, leg);
  } catch {
    if (call.ended) return;
    endHold(call);
    if (call.queueId !== null) sw.enterQueue(call, call.queueId, 5);
    else sw.finish(call, 'transfer-failed', 'local', 'failed');
  }
}

/** Click to dial: the agent's phone first (answering by itself), then the number. */
async function dial(sw: CallSwitch, agentId: number, target: string): Promise<CtiResult> {
  const session = sw.agents.get(agentId);
  if (session === undefined) return refuse('请先签入');
  if ([...sw.calls.values()].some((c) => c.agentId === agentId)) return refuse('通话中不能外呼');
  const layer = sw.dialogLayer;
  if (layer === undefined) return refuse('话务系统未启动');
  const callId = randomUUID();
  let agentSide;
  try {
    // Both legs in one media group (the call id), so that they can be bridged in one worker.
    agentSide = await sw.dialer.dial(layer, { number: session.extension, role: 'agent', agentId, autoAnswer: true }, { group: callId, callerNumber: target });
  } catch (error) {
    return refuse(`无法呼叫您的分机：${describe(error)}`);
  }
  const call = sw.newOutboundCall(callId, agentSide.leg, session.extension, target);
  call.agentId = agentId;
  // While dialling out the queues pass the agent by; afterwards they are as ready as before.
  const wasReady = sw.tryAcd(() => sw.acd.agent(String(agentId)))?.state === 'ready';
  sw.tryAcd(() => sw.acd.setNotReady(String(agentId), 'outbound'));
  call.hangup.signal.addEventListener('abort', () => {
    if (wasReady) queueMicrotask(() => {
      sw.tryAcd(() => sw.acd.setReady(String(agentId)));
      sw.agentChanged(agentId);
    });
  }, { once: true });
  sw.events.emit({ event: 'call.dialing', agentId, callId: call.id, target });
  void (async () => {
    try {
      const agentLeg = await agentSide.answered;
      sw.fileLeg(call, agentLeg);
      const placed = await sw.placeLeg(call, target, 'outbound', null, false);
      const far = await placed.answered;
      call.answeredAt = far.answeredAt;
      void call.cdr.update({ answeredAt: far.answeredAt!, agentUserId: agentId, agentExtension: session.extension });
      // The customer is the "caller" side of the bridge for recording and hold.
      await sw.media.bridge(agentLeg.session.id, far.session.id);
      // For an outbound call the agent's phone is the call's first leg and the customer's the other.
      call.agentLeg = far;
      sw.fileLeg(call, far);
      call.state = 'talking';
      sw.events.emit({ event: 'call.answered', agentId, callId: call.id });
    } catch (error) {
      sw.finish(call, `dial-failed: ${describe(error)}`, 'local', 'no-answer');
    }
  })();
  return ok(call.id);
}

function describe(error: unknown): string {
  if (error instanceof DialError) {
    return { busy: '对方忙', 'no-answer': '无人接听', failed: '呼叫失败', 'not-registered': '分机未注册' }[error.failure];
  }
  return error instanceof Error ? error.message : String(error);
}

/** 强制置闲 / 置忙 / 签出 by a team leader (the server checks the right cti.supervise). */
function forceState(sw: CallSwitch, agentId: number, state: 'ready' | 'not-ready' | 'logged-out', reason: string): CtiResult {
  const agent = String(agentId);
  if (!sw.agents.has(agentId)) return refuse('该坐席没有签入');
  if (state === 'logged-out') {
    if ([...sw.calls.values()].some((c) => c.agentId === agentId)) return refuse('该坐席正在通话，不能强制签出');
    sw.tryAcd(() => sw.acd.logout(agent));
    sw.agents.delete(agentId);
    sw.agentChanged(agentId);
    sw.saveSoon();
    return ok();
  }
  return stateChange(sw, agentId, () => (state === 'ready' ? sw.acd.setReady(agent) : sw.acd.setNotReady(agent, reason)));
}

/**
 * 监听 / 密语 / 强插: the leader's phone (their signed-in extension, answering by itself) joins the
 * caller and the agent in a mix where it hears both and is heard by nobody, by the agent only, or by
 * both. A second command on the same call changes the mode.
 */
async function supervise(sw: CallSwitch, supervisorId: number, callId: string, mode: 'listen' | 'whisper' | 'barge'): Promise<CtiResult> {
  const call = sw.calls.get(callId);
  if (call === undefined || call.agentLeg === undefined || call.state !== 'talking') return refuse('只能监控通话中的电话', callId);
  const session = sw.agents.get(supervisorId);
  if (session === undefined) return refuse('请先在话务台签入您的分机');
  const agentLeg = call.agentLeg;
  const join = (leg: Leg) => sw.media.supervise({
    conferenceId: call.conferenceId ?? `sup-${call.id}`, supervisorId: leg.session.id, agentId: agentLeg.session.id, callerId: call.callerLeg.session.id, mode,
  });
  if (call.supervisorLeg !== undefined) {
    await join(call.supervisorLeg);
    sw.events.emit({ event: 'call.supervised', agentId: call.agentId, callId, supervisorId, mode });
    return ok(callId);
  }
  let placed;
  try {
    placed = await sw.placeLeg(call, session.extension, 'supervisor', supervisorId, true);
  } catch (error) {
    return refuse(`无法呼叫您的分机：${describe(error)}`, callId);
  }
  call.supervisorLeg = placed.leg;
  sw.background(placed.answered.then(
    async (leg) => {
      if (call.ended || call.supervisorLeg !== leg) return leg.end('gone', 'local', sw.dialogLayer, new Date());
      call.conferenceId ??= `sup-${call.id}`;
      await join(leg);
      sw.events.emit({ event: 'call.supervised', agentId: call.agentId, callId, supervisorId, mode });
    },
    () => {
      if (call.supervisorLeg === placed.leg) call.supervisorLeg = undefined;
    },
  ), 'joining a leg');
  return ok(callId, '正在呼叫您的分机');
}
