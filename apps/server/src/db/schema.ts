/**
 * The one database schema, in the PostgreSQL dialect, for PGlite and PostgreSQL alike.
 * Migrations under `apps/server/drizzle` are generated from it (`npm run db:generate -w apps/server`)
 * and applied, forward only, at start-up.
 */
import { sql } from 'drizzle-orm';
import type { CallOutcome } from '@rexian/contracts';
import {
  bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const instant = (name: string) => timestamp(name, { withTimezone: true });

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  parentId: integer('parent_id').references((): AnyPgColumn => departments.id),
  name: text('name').notNull(),
  code: text('code'),
  sort: integer('sort').notNull().default(0),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  account: text('account').notNull(),
  name: text('name').notNull(),
  departmentId: integer('department_id').references(() => departments.id),
  extension: text('extension'),
  email: text('email'),
  mobile: text('mobile'),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  passwordHash: text('password_hash').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: instant('locked_until'),
  allowedIps: jsonb('allowed_ips').$type<string[]>().notNull().default([]),
  lastLoginAt: instant('last_login_at'),
  passwordChangedAt: instant('password_changed_at'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('users_account_key').on(sql`lower(${t.account})`),
  uniqueIndex('users_extension_key').on(t.extension),
  index('users_department_idx').on(t.departmentId),
]);

export const roles = pgTable('roles', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description'),
  rights: jsonb('rights').$type<string[]>().notNull().default([]),
  dataScope: text('data_scope', { enum: ['own', 'department', 'all'] }).notNull().default('own'),
  allowedIps: jsonb('allowed_ips').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const userRoles = pgTable('user_roles', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  roleId: integer('role_id').notNull().references(() => roles.id),
}, (t) => [primaryKey({ columns: [t.userId, t.roleId] })]);

export const groups = pgTable('user_groups', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description'),
  createdAt: createdAt(),
});

export const groupMembers = pgTable('user_group_members', {
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.groupId, t.userId] })]);

export const groupRoles = pgTable('user_group_roles', {
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  roleId: integer('role_id').notNull().references(() => roles.id),
}, (t) => [primaryKey({ columns: [t.groupId, t.roleId] })]);

/** Browser sessions; `id` is the SHA-256 of the cookie's secret, never the secret itself. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export const apiTokens = pgTable('api_tokens', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  lastUsedAt: instant('last_used_at'),
  expiresAt: instant('expires_at'),
  revokedAt: instant('revoked_at'),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id'),
  account: text('account'),
  ip: text('ip'),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  summary: jsonb('summary').$type<Record<string, unknown>>(),
  outcome: text('outcome', { enum: ['success', 'failed', 'denied'] }).notNull(),
}, (t) => [
  index('audit_at_idx').on(t.at),
  index('audit_account_idx').on(t.account, t.at),
  index('audit_action_idx').on(t.action, t.at),
  index('audit_object_idx').on(t.objectType, t.objectId),
]);

export const dictionaryTypes = pgTable('dictionary_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description'),
  createdAt: createdAt(),
});

export const dictionaryItems = pgTable('dictionary_items', {
  id: serial('id').primaryKey(),
  typeCode: text('type_code').notNull().references(() => dictionaryTypes.code, { onDelete: 'cascade' }),
  value: text('value').notNull(),
  label: text('label').notNull(),
  sort: integer('sort').notNull().default(0),
  enabled: boolean('enabled').notNull().default(true),
}, (t) => [uniqueIndex('dictionary_items_value_key').on(t.typeCode, t.value)]);

export interface StoredInterval { start: string; end: string }

export const workHours = pgTable('work_hours', {
  weekday: integer('weekday').primaryKey(),
  intervals: jsonb('intervals').$type<StoredInterval[]>().notNull().default([]),
});

export const specialDays = pgTable('special_days', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
  intervals: jsonb('intervals').$type<StoredInterval[]>().notNull().default([]),
});

export const shifts = pgTable('shifts', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  start: text('start').notNull(),
  end: text('end').notNull(),
  color: text('color'),
  createdAt: createdAt(),
});

export const parameters = pgTable('parameters', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<string | number | boolean>().notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: integer('updated_by'),
});

export const announcements = pgTable('announcements', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  pinned: boolean('pinned').notNull().default(false),
  authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: instant('published_at').notNull().defaultNow(),
  updatedAt: instant('updated_at'),
});

export const announcementReads = pgTable('announcement_reads', {
  announcementId: integer('announcement_id').notNull().references(() => announcements.id, { onDelete: 'cascade' }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  readAt: instant('read_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.announcementId, t.userId] })]);

/**
 * Phone accounts 分机: extensions that register with digest authentication. Only the digest HA1
 * values are kept (for the realm they were computed in), never the password.
 */
export const phoneAccounts = pgTable('phone_accounts', {
  id: serial('id').primaryKey(),
  extension: text('extension').notNull().unique(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  realm: text('realm').notNull(),
  ha1Md5: text('ha1_md5').notNull(),
  ha1Sha256: text('ha1_sha256').notNull(),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * Trunks 中继. A registering trunk needs its password in clear to answer the carrier's challenges,
 * so it is stored; the API never returns it.
 */
export const trunks = pgTable('trunks', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: ['peer', 'register'] }).notNull(),
  enabled: boolean('enabled').notNull().default(true),
  addresses: jsonb('addresses').$type<string[]>().notNull().default([]),
  registrar: text('registrar'),
  username: text('username'),
  password: text('password'),
  inboundNumbers: jsonb('inbound_numbers').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

// ---- The call switch (issue 6): call detail records, recordings, voicemail, callbacks, queues,
// hotline routes, caller lists, IVR flows and the ACD's saved state. ----

/**
 * Call detail records 话单, one per call, written by the switch as the call progresses (id = the
 * switch's call id). An `in-progress` row left by a stopped server is closed as `interrupted` on start.
 */
export const calls = pgTable('calls', {
  id: text('id').primaryKey(),
  direction: text('direction', { enum: ['inbound', 'outbound', 'internal'] }).notNull(),
  callerNumber: text('caller_number').notNull(),
  calledNumber: text('called_number').notNull(),
  trunk: text('trunk'),
  startedAt: instant('started_at').notNull(),
  answeredAt: instant('answered_at'),
  endedAt: instant('ended_at'),
  outcome: text('outcome').$type<CallOutcome>().notNull().default('in-progress'),
  ivrPath: jsonb('ivr_path').$type<string[]>().notNull().default([]),
  digits: text('digits').notNull().default(''),
  variables: jsonb('variables').$type<Record<string, string>>().notNull().default({}),
  callerList: text('caller_list', { enum: ['vip', 'blacklist', 'priority'] }),
  queueId: integer('queue_id'),
  queueName: text('queue_name'),
  waitMs: integer('wait_ms'),
  ringMs: integer('ring_ms'),
  talkMs: integer('talk_ms'),
  holdMs: integer('hold_ms').notNull().default(0),
  wrapUpMs: integer('wrap_up_ms'),
  agentUserId: integer('agent_user_id'),
  agentName: text('agent_name'),
  agentExtension: text('agent_extension'),
  recordingId: integer('recording_id'),
  endReason: text('end_reason'),
}, (t) => [
  index('calls_started_idx').on(t.startedAt.desc()),
  index('calls_outcome_idx').on(t.outcome, t.startedAt.desc()),
  index('calls_queue_idx').on(t.queueId, t.startedAt.desc()),
  index('calls_agent_idx').on(t.agentUserId, t.startedAt.desc()),
  index('calls_caller_idx').on(t.callerNumber),
]);

/** The legs of a call: the caller's, each agent's phone that rang, transfer and consult targets. */
export const callLegs = pgTable('call_legs', {
  id: text('id').primaryKey(),
  callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ['caller', 'agent', 'transfer', 'consult', 'outbound', 'supervisor'] }).notNull(),
  peer: text('peer').notNull(),
  agentUserId: integer('agent_user_id'),
  startedAt: instant('started_at').notNull(),
  answeredAt: instant('answered_at'),
  endedAt: instant('ended_at'),
  result: text('result'),
  holdMs: integer('hold_ms').notNull().default(0),
}, (t) => [index('call_legs_call_idx').on(t.callId)]);

/** Recording files 录音 under the data directory (`path` relative to it, or absolute). */
export const recordings = pgTable('recordings', {
  id: serial('id').primaryKey(),
  callId: text('call_id').notNull(),
  path: text('path').notNull(),
  startedAt: instant('started_at').notNull(),
  durationMs: integer('duration_ms').notNull(),
  bytes: integer('bytes').notNull(),
  agentUserId: integer('agent_user_id'),
  callerNumber: text('caller_number').notNull(),
}, (t) => [index('recordings_call_idx').on(t.callId)]);

/** Voicemail 留言: a task until someone marks it done. */
export const voicemails = pgTable('voicemails', {
  id: serial('id').primaryKey(),
  callId: text('call_id').notNull(),
  callerNumber: text('caller_number').notNull(),
  queueId: integer('queue_id'),
  reason: text('reason', { enum: ['after-hours', 'overflow', 'ivr'] }).notNull(),
  path: text('path').notNull(),
  durationMs: integer('duration_ms').notNull(),
  createdAt: createdAt(),
  status: text('status', { enum: ['new', 'done'] }).notNull().default('new'),
  handledBy: integer('handled_by').references(() => users.id, { onDelete: 'set null' }),
  handledAt: instant('handled_at'),
  note: text('note'),
}, (t) => [index('voicemails_status_idx').on(t.status, t.createdAt.desc())]);

/** Callback requests 回叫: callers who hung up in the queue or chose a callback on overflow. */
export const callbacks = pgTable('callbacks', {
  id: serial('id').primaryKey(),
  callId: text('call_id').notNull(),
  callerNumber: text('caller_number').notNull(),
  queueId: integer('queue_id'),
  reason: text('reason', { enum: ['abandoned', 'overflow'] }).notNull(),
  waitedMs: integer('waited_ms').notNull(),
  createdAt: createdAt(),
  status: text('status', { enum: ['open', 'done', 'unreachable'] }).notNull().default('open'),
  handledBy: integer('handled_by').references(() => users.id, { onDelete: 'set null' }),
  handledAt: instant('handled_at'),
  note: text('note'),
}, (t) => [index('callbacks_status_idx').on(t.status, t.createdAt.desc())]);

/** Satisfaction survey answers 满意度 (1–5) given in the IVR after a call. */
export const surveys = pgTable('surveys', {
  id: serial('id').primaryKey(),
  callId: text('call_id').notNull(),
  agentUserId: integer('agent_user_id'),
  score: integer('score').notNull(),
  question: text('question').notNull(),
  createdAt: createdAt(),
}, (t) => [index('surveys_agent_idx').on(t.agentUserId, t.createdAt)]);

/** Queues 技能组. */
export const queues = pgTable('queues', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  strategy: text('strategy', {
    enum: ['longest-idle', 'round-robin', 'fewest-calls', 'least-talk-time', 'ring-all', 'skill-weighted', 'linear', 'random'],
  }).notNull(),
  record: boolean('record').notNull().default(true),
  maxWaitSec: integer('max_wait_sec').notNull(),
  overflow: text('overflow', { enum: ['voicemail', 'callback', 'queue', 'hangup'] }).notNull(),
  overflowQueueId: integer('overflow_queue_id').references((): AnyPgColumn => queues.id),
  ringTimeoutSec: integer('ring_timeout_sec').notNull(),
  wrapUpSec: integer('wrap_up_sec').notNull(),
  announceEverySec: integer('announce_every_sec').notNull(),
  recordAbandoned: boolean('record_abandoned').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Who serves a queue, in penalty tiers (0 is offered calls first). */
export const queueMembers = pgTable('queue_members', {
  queueId: integer('queue_id').notNull().references(() => queues.id, { onDelete: 'cascade' }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  penalty: integer('penalty').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.queueId, t.userId] }), index('queue_members_user_idx').on(t.userId)]);

/** IVR flows 流程; `published_version` is the version calls run. */
export const ivrFlows = pgTable('ivr_flows', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description'),
  publishedVersion: integer('published_version'),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Every saved version of a flow: at most one draft and one published; earlier ones archived. */
export const ivrFlowVersions = pgTable('ivr_flow_versions', {
  flowId: integer('flow_id').notNull().references(() => ivrFlows.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  status: text('status', { enum: ['draft', 'published', 'archived'] }).notNull(),
  graph: jsonb('graph').$type<unknown>().notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  publishedAt: instant('published_at'),
}, (t) => [primaryKey({ columns: [t.flowId, t.version] })]);

/** Hotline numbers 号码路由: where a dialled number goes, an IVR flow or a queue. */
export const hotlineRoutes = pgTable('hotline_routes', {
  id: serial('id').primaryKey(),
  number: text('number').notNull().unique(),
  flowId: integer('flow_id').references(() => ivrFlows.id),
  queueId: integer('queue_id').references(() => queues.id),
  description: text('description'),
  createdAt: createdAt(),
});

/** Caller numbers on the VIP, blacklist or priority lists 名单. */
export const callerLists = pgTable('caller_lists', {
  id: serial('id').primaryKey(),
  number: text('number').notNull(),
  list: text('list', { enum: ['vip', 'blacklist', 'priority'] }).notNull(),
  note: text('note'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('caller_lists_number_list_key').on(t.number, t.list)]);

/** Small state the switch keeps across restarts (the ACD snapshot under key `acd`). */
export const switchState = pgTable('switch_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * Customers 客户 (CRM-1): phones, addresses, accounts and tags kept with the record as JSON (they
 * are edited together); `customer_phones` indexes the numbers for the screen pop's exact lookup,
 * `search_text` (name, numbers, account numbers) serves the search box.
 */
export const customers = pgTable('customers', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['person', 'organisation'] }).notNull().default('person'),
  phones: jsonb('phones').$type<{ number: string; label: string }[]>().notNull().default([]),
  addresses: jsonb('addresses').$type<{ address: string; area: string }[]>().notNull().default([]),
  accounts: jsonb('accounts').$type<{ accountNo: string; kind: string }[]>().notNull().default([]),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  vipLevel: integer('vip_level').notNull().default(0),
  blacklisted: boolean('blacklisted').notNull().default(false),
  note: text('note'),
  searchText: text('search_text').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const customerPhones = pgTable('customer_phones', {
  customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  number: text('number').notNull(),
}, (t) => [primaryKey({ columns: [t.customerId, t.number] }), index('customer_phones_number_idx').on(t.number)]);

/** Interaction records 服务记录 (CRM-2, AGT-3): saved with the call and the customer. */
export const interactions = pgTable('interactions', {
  id: serial('id').primaryKey(),
  customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
  callId: text('call_id'),
  agentUserId: integer('agent_user_id').references(() => users.id),
  kind: text('kind', { enum: ['consultation', 'complaint', 'suggestion', 'fault', 'business', 'praise'] }).notNull(),
  summary: text('summary').notNull(),
  content: text('content'),
  createdAt: createdAt(),
}, (t) => [index('interactions_customer_idx').on(t.customerId), index('interactions_call_idx').on(t.callId)]);
