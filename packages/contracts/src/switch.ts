/**
 * The call switch's records and configuration as the REST API and the pages see them: call detail
 * records 话单 with their legs, recordings, voicemail 留言, the callback list 回叫, queues 技能组 and
 * their members, hotline numbers and where they route, and caller lists (VIP, blacklist, priority).
 * The CTI commands and events are in `cti.ts`; the IVR flow graph in `ivr-flow.ts`.
 */
import { z } from 'zod';
import { Timestamp } from './common';
import { InboundNumber } from './telephony';

export const CALL_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

/**
 * How a call ended, for the CDR: answered by an agent; `abandoned` in the queue or while an agent's
 * phone rang; `self-service` finished in the IVR; `voicemail`, `callback` after overflow;
 * `refused` (blacklist or no route); `failed` (media or network failure); `interrupted` (the
 * server stopped during the call: closed on the next start).
 */
export const CALL_OUTCOMES = [
  'in-progress', 'answered', 'abandoned', 'self-service', 'voicemail', 'callback', 'transferred', 'refused', 'failed', 'no-answer', 'interrupted',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const LEG_ROLES = ['caller', 'agent', 'transfer', 'consult', 'outbound', 'supervisor'] as const;
export type LegRole = (typeof LEG_ROLES)[number];

export const CallLeg = z.object({
  id: z.string(),
  role: z.enum(LEG_ROLES),
  /** The number or extension at the far end of this leg. */
  peer: z.string(),
  agentUserId: z.number().int().nullable(),
  startedAt: Timestamp,
  answeredAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  /** SIP final status or reason, e.g. `200`, `486 Busy Here`, `ring-timeout`, `bye`. */
  result: z.string().nullable(),
  holdMs: z.number().int(),
});
export type CallLeg = z.infer<typeof CallLeg>;

/** A call detail record 话单: one per call, written as the call progresses. */
export const CallRecord = z.object({
  id: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  callerNumber: z.string(),
  calledNumber: z.string(),
  trunk: z.string().nullable(),
  startedAt: Timestamp,
  answeredAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
  outcome: z.enum(CALL_OUTCOMES),
  /** The IVR nodes the call passed through, in order (node ids). */
  ivrPath: z.array(z.string()),
  /** Every key the caller pressed in the IVR, in order. */
  digits: z.string(),
  /** Variables the IVR collected (account number, area code …): they travel to the agent. */
  variables: z.record(z.string(), z.string()),
  callerList: z.enum(['vip', 'blacklist', 'priority']).nullable(),
  queueId: z.number().int().nullable(),
  queueName: z.string().nullable(),
  waitMs: z.number().int().nullable(),
  ringMs: z.number().int().nullable(),
  talkMs: z.number().int().nullable(),
  holdMs: z.number().int(),
  wrapUpMs: z.number().int().nullable(),
  agent: z.object({ userId: z.number().int(), name: z.string(), extension: z.string() }).nullable(),
  recordingId: z.number().int().nullable(),
  endReason: z.string().nullable(),
  legs: z.array(CallLeg),
});
export type CallRecord = z.infer<typeof CallRecord>;

export const CallQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  number: z.string().trim().max(40).optional().describe('caller or called number contains'),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  queueId: z.coerce.number().int().optional(),
  agentUserId: z.coerce.number().int().optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});

export const Recording = z.object({
  id: z.number().int(),
  callId: z.string(),
  callerNumber: z.string(),
  agent: z.object({ userId: z.number().int(), name: z.string(), extension: z.string() }).nullable(),
  startedAt: Timestamp,
  durationMs: z.number().int(),
  bytes: z.number().int(),
});
export type Recording = z.infer<typeof Recording>;

export const VOICEMAIL_STATUSES = ['new', 'done'] as const;

/** A voicemail 留言: left after hours or on overflow; a task until someone marks it done. */
export const Voicemail = z.object({
  id: z.number().int(),
  callId: z.string(),
  callerNumber: z.string(),
  queueId: z.number().int().nullable(),
  queueName: z.string().nullable(),
  reason: z.enum(['after-hours', 'overflow', 'ivr']),
  createdAt: Timestamp,
  durationMs: z.number().int(),
  status: z.enum(VOICEMAIL_STATUSES),
  handledBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  handledAt: Timestamp.nullable(),
  note: z.string().nullable(),
});
export type Voicemail = z.infer<typeof Voicemail>;

export const CALLBACK_STATUSES = ['open', 'done', 'unreachable'] as const;

/** A callback request 回叫: a caller who hung up in the queue, or chose a callback on overflow. */
export const CallbackRequest = z.object({
  id: z.number().int(),
  callId: z.string(),
  callerNumber: z.string(),
  queueId: z.number().int().nullable(),
  queueName: z.string().nullable(),
  reason: z.enum(['abandoned', 'overflow']),
  waitedMs: z.number().int(),
  createdAt: Timestamp,
  status: z.enum(CALLBACK_STATUSES),
  handledBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  handledAt: Timestamp.nullable(),
  note: z.string().nullable(),
});
export type CallbackRequest = z.infer<typeof CallbackRequest>;

export const TaskUpdate = z.object({
  status: z.enum(['new', 'done', 'open', 'unreachable']),
  note: z.string().trim().max(500).nullable().default(null),
});

export const QUEUE_STRATEGIES = ['longest-idle', 'round-robin', 'fewest-calls', 'least-talk-time', 'ring-all', 'skill-weighted', 'linear', 'random'] as const;
export const OVERFLOW_ACTIONS = ['voicemail', 'callback', 'queue', 'hangup'] as const;

/** A queue 技能组 and what the switch does with its calls. */
export const QueueConfig = z.object({
  id: z.number().int(),
  name: z.string(),
  strategy: z.enum(QUEUE_STRATEGIES),
  /** Record every answered call 全程录音. */
  record: z.boolean(),
  /** Seconds a caller waits before overflow (0: no limit). */
  maxWaitSec: z.number().int(),
  overflow: z.enum(OVERFLOW_ACTIONS),
  overflowQueueId: z.number().int().nullable(),
  ringTimeoutSec: z.number().int(),
  wrapUpSec: z.number().int(),
  /** How often the waiting caller hears position and expected wait (0: never). */
  announceEverySec: z.number().int(),
  /** Record the caller's side while waiting, kept if they hang up (abandoned calls). */
  recordAbandoned: z.boolean(),
  members: z.array(z.object({ userId: z.number().int(), name: z.string(), extension: z.string().nullable(), penalty: z.number().int() })),
  updatedAt: Timestamp,
});
export type QueueConfig = z.infer<typeof QueueConfig>;

export const QueueInput = z.object({
  name: z.string().trim().min(1).max(60),
  strategy: z.enum(QUEUE_STRATEGIES).default('longest-idle'),
  record: z.boolean().default(true),
  maxWaitSec: z.number().int().min(0).max(3600).default(120),
  overflow: z.enum(OVERFLOW_ACTIONS).default('voicemail'),
  overflowQueueId: z.number().int().nullable().default(null),
  ringTimeoutSec: z.number().int().min(5).max(120).default(20),
  wrapUpSec: z.number().int().min(0).max(600).default(15),
  announceEverySec: z.number().int().min(0).max(600).default(30),
  recordAbandoned: z.boolean().default(true),
  members: z.array(z.object({ userId: z.number().int(), penalty: z.number().int().min(0).max(9).default(0) })).max(500).default([]),
});
export type QueueInput = z.input<typeof QueueInput>;

/** Where a dialled hotline number goes: an IVR flow or straight to a queue (TEL-2). */
export const HotlineRoute = z.object({
  id: z.number().int(),
  number: z.string(),
  flowId: z.number().int().nullable(),
  flowName: z.string().nullable(),
  queueId: z.number().int().nullable(),
  queueName: z.string().nullable(),
  description: z.string().nullable(),
});
export type HotlineRoute = z.infer<typeof HotlineRoute>;

export const HotlineRouteInput = z
  .object({
    number: InboundNumber,
    flowId: z.number().int().nullable().default(null),
    queueId: z.number().int().nullable().default(null),
    description: z.string().trim().max(200).nullable().default(null),
  })
  .refine((r) => (r.flowId === null) !== (r.queueId === null), { message: '请选择 IVR 流程或队列之一', path: ['flowId'] });

export const CALLER_LISTS = ['vip', 'blacklist', 'priority'] as const;
export type CallerListKind = (typeof CALLER_LISTS)[number];

/** A caller number on a list: VIP and priority callers jump ahead; blacklisted callers are refused. */
export const CallerListEntry = z.object({
  id: z.number().int(),
  number: z.string(),
  list: z.enum(CALLER_LISTS),
  note: z.string().nullable(),
  createdAt: Timestamp,
});
export type CallerListEntry = z.infer<typeof CallerListEntry>;

export const CallerListInput = z.object({
  number: z.string().trim().regex(/^\+?\d{3,20}$/, '号码应为 3–20 位数字'),
  list: z.enum(CALLER_LISTS),
  note: z.string().trim().max(200).nullable().default(null),
});

export const FLOW_VERSION_STATUSES = ['draft', 'published', 'archived'] as const;

/** An IVR flow 流程 with its versions: one draft, one published, earlier ones kept (IVR-1). */
export const IvrFlowSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  publishedVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  updatedAt: Timestamp,
});
export type IvrFlowSummary = z.infer<typeof IvrFlowSummary>;

export const IvrFlowVersion = z.object({
  flowId: z.number().int(),
  version: z.number().int(),
  status: z.enum(FLOW_VERSION_STATUSES),
  /** The flow graph (see `IvrGraph` in ivr-flow.ts); validated on save and publish. */
  graph: z.unknown(),
  createdAt: Timestamp,
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  publishedAt: Timestamp.nullable(),
});
export type IvrFlowVersion = z.infer<typeof IvrFlowVersion>;

/** A validator message that points at a node (and an edge's outcome when it is about an edge). */
export const FlowProblem = z.object({
  nodeId: z.string().nullable(),
  outcome: z.string().nullable(),
  message: z.string(),
});
export type FlowProblem = z.infer<typeof FlowProblem>;
