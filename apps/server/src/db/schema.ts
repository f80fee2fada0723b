/**
 * The one database schema, in the PostgreSQL dialect, for PGlite and PostgreSQL alike.
 * Migrations under `apps/server/drizzle` are generated from it (`npm run db:generate -w apps/server`)
 * and applied, forward only, at start-up.
 */
import { sql } from 'drizzle-orm';
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
