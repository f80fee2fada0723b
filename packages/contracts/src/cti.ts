/**
 * The CTI interface (INT-1): the one typed boundary between the support platform (SIP, media, IVR,
 * ACD — packages/switch) and everything that drives it (the agent desktop, the supervisor console,
 * another program's CTI client). Commands go in (REST `POST /api/cti/commands` or a `cti.command`
 * message on the WebSocket `/ws`); events come out on the WebSocket.
 * Agents are users (`agentId` = user id) signed in with an extension.
 */
import { z } from 'zod';

const CallId = z.string().min(1).max(100);
/** An extension (digits) or an outside number, e.g. `1002`, `13800138000`. */
const DialTarget = z.string().trim().regex(/^\+?[\d*#]{2,24}$/, '号码格式不正确');

export const AGENT_STATES = ['logged-out', 'ready', 'not-ready', 'ringing', 'talking', 'wrap-up'] as const;
export type AgentPresence = (typeof AGENT_STATES)[number];

export const CtiCommand = z.discriminatedUnion('command', [
  /** Sign in with an extension 签入; the phone registered for it rings for queue calls. */
  z.object({ command: z.literal('agent.login'), extension: z.string().regex(/^\d{2,10}$/, '分机号应为 2–10 位数字'), ready: z.boolean().default(false), autoAnswer: z.boolean().default(false) }),
  z.object({ command: z.literal('agent.logout') }),
  /** 置闲 / 置忙 with a reason code from the dictionary. */
  z.object({ command: z.literal('agent.ready') }),
  z.object({ command: z.literal('agent.not-ready'), reason: z.string().trim().min(1).max(60).default('busy') }),
  /** Ends wrap-up 话后处理 early. */
  z.object({ command: z.literal('agent.wrap-up-done') }),
  /** Answers the call ringing on the agent's phone (the switch asks the phone to auto-answer). */
  z.object({ command: z.literal('call.answer'), callId: CallId }),
  z.object({ command: z.literal('call.hangup'), callId: CallId }),
  z.object({ command: z.literal('call.hold'), callId: CallId }),
  z.object({ command: z.literal('call.resume'), callId: CallId }),
  /** Blind transfer 盲转: the caller goes to `target` and this agent leaves the call. */
  z.object({ command: z.literal('call.transfer'), callId: CallId, target: DialTarget }),
  /** Consult 咨询: the caller is held, `target` is called; then complete, cancel or conference. */
  z.object({ command: z.literal('call.consult'), callId: CallId, target: DialTarget }),
  z.object({ command: z.literal('call.consult-transfer'), callId: CallId }),
  z.object({ command: z.literal('call.consult-cancel'), callId: CallId }),
  /** Three-way conference 三方通话 of the caller, the agent and the consulted party. */
  z.object({ command: z.literal('call.conference'), callId: CallId }),
  /** Outbound dial 外呼 from the agent's phone: an extension, or an outside number through a trunk. */
  z.object({ command: z.literal('call.dial'), target: DialTarget }),
  /** Hands the caller back to an IVR flow (password entry, satisfaction survey) 转 IVR. */
  z.object({ command: z.literal('call.to-ivr'), callId: CallId, flowId: z.number().int() }),
  /** Asks the team leader for help 求助, with or without a call in progress. */
  z.object({ command: z.literal('agent.help'), message: z.string().trim().max(200).default('') }),
  // ── supervision (right cti.supervise): the leader's own phone (their signed-in extension) joins ──
  /** 监听 listen, 密语 whisper (only the agent hears the leader), 强插 barge-in (all hear all). */
  z.object({ command: z.literal('call.supervise'), callId: CallId, mode: z.enum(['listen', 'whisper', 'barge']) }),
  z.object({ command: z.literal('call.supervise-end'), callId: CallId }),
  /** 强制置闲 / 强制置忙 / 强制签出 another agent. */
  z.object({ command: z.literal('agent.force-state'), agentId: z.number().int(), state: z.enum(['ready', 'not-ready', 'logged-out']), reason: z.string().trim().max(60).default('supervisor') }),
]);
export type CtiCommand = z.infer<typeof CtiCommand>;
export type CtiCommandInput = z.input<typeof CtiCommand>;

export const CtiResult = z.object({ ok: z.boolean(), callId: z.string().nullable(), message: z.string().nullable() });
export type CtiResult = z.infer<typeof CtiResult>;

const At = z.string().describe('ISO 8601 instant');

/** What an agent's screen needs to pop: who calls, what they entered, where they waited. */
export const CallSummary = z.object({
  callId: z.string(),
  callerNumber: z.string(),
  calledNumber: z.string(),
  queueId: z.number().int().nullable(),
  queueName: z.string().nullable(),
  variables: z.record(z.string(), z.string()),
  digits: z.string(),
  ivrPath: z.array(z.string()),
  callerList: z.enum(['vip', 'blacklist', 'priority']).nullable(),
});
export type CallSummary = z.infer<typeof CallSummary>;

export const CtiEvent = z.discriminatedUnion('event', [
  /** The queue chose this agent; their phone is about to ring (screen pop 来电弹屏). */
  z.object({ event: z.literal('call.offered'), at: At, agentId: z.number().int(), call: CallSummary }),
  z.object({ event: z.literal('call.ringing'), at: At, agentId: z.number().int(), callId: z.string(), extension: z.string() }),
  z.object({ event: z.literal('call.answered'), at: At, agentId: z.number().int().nullable(), callId: z.string() }),
  z.object({ event: z.literal('call.held'), at: At, agentId: z.number().int().nullable(), callId: z.string() }),
  z.object({ event: z.literal('call.resumed'), at: At, agentId: z.number().int().nullable(), callId: z.string() }),
  z.object({ event: z.literal('call.transferred'), at: At, agentId: z.number().int().nullable(), callId: z.string(), target: z.string(), mode: z.enum(['blind', 'consult']) }),
  z.object({ event: z.literal('call.conferenced'), at: At, agentId: z.number().int().nullable(), callId: z.string(), parties: z.array(z.string()) }),
  z.object({ event: z.literal('call.consulting'), at: At, agentId: z.number().int(), callId: z.string(), target: z.string(), state: z.enum(['ringing', 'answered', 'failed', 'ended']) }),
  z.object({ event: z.literal('call.dialing'), at: At, agentId: z.number().int(), callId: z.string(), target: z.string() }),
  z.object({ event: z.literal('call.ended'), at: At, agentId: z.number().int().nullable(), callId: z.string(), outcome: z.string(), reason: z.string() }),
  z.object({ event: z.literal('call.digits'), at: At, callId: z.string(), digit: z.string() }),
  z.object({
    event: z.literal('agent.state'),
    at: At,
    agentId: z.number().int(),
    extension: z.string().nullable(),
    state: z.enum(AGENT_STATES),
    reason: z.string().nullable(),
    since: At,
    callId: z.string().nullable(),
  }),
  z.object({ event: z.literal('agent.help-requested'), at: At, agentId: z.number().int(), extension: z.string().nullable(), callId: z.string().nullable(), message: z.string() }),
  z.object({ event: z.literal('call.supervised'), at: At, agentId: z.number().int().nullable(), callId: z.string(), supervisorId: z.number().int(), mode: z.enum(['listen', 'whisper', 'barge', 'ended']) }),
  z.object({ event: z.literal('queue.changed'), at: At, queueId: z.number().int(), waiting: z.number().int(), longestWaitMs: z.number().int(), agentsReady: z.number().int(), agentsBusy: z.number().int() }),
]);
export type CtiEvent = z.infer<typeof CtiEvent>;

/** A snapshot to resync after (re)connecting: every signed-in agent, every queue, every live call. */
export const CtiSnapshot = z.object({
  agents: z.array(z.object({
    agentId: z.number().int(), extension: z.string().nullable(), state: z.enum(AGENT_STATES), reason: z.string().nullable(), since: At, callId: z.string().nullable(),
  })),
  queues: z.array(z.object({ queueId: z.number().int(), waiting: z.number().int(), longestWaitMs: z.number().int(), agentsReady: z.number().int(), agentsBusy: z.number().int() })),
  calls: z.array(CallSummary.extend({ state: z.enum(['ivr', 'queued', 'ringing', 'talking', 'held', 'ended']), agentId: z.number().int().nullable(), startedAt: At })),
});
export type CtiSnapshot = z.infer<typeof CtiSnapshot>;

/** Messages on the WebSocket `/ws`, both ways (validated on both sides). */
export const WsClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cti.command'), id: z.string().max(64), command: CtiCommand }),
  z.object({ type: z.literal('cti.sync') }),
  z.object({ type: z.literal('ping') }),
]);
export type WsClientMessage = z.infer<typeof WsClientMessage>;

export const WsServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cti.event'), event: CtiEvent }),
  z.object({ type: z.literal('cti.result'), id: z.string(), result: CtiResult }),
  z.object({ type: z.literal('cti.snapshot'), snapshot: CtiSnapshot }),
  z.object({ type: z.literal('error'), message: z.string() }),
  z.object({ type: z.literal('pong') }),
]);
export type WsServerMessage = z.infer<typeof WsServerMessage>;
