import { z } from 'zod';
import { Password } from './organisation';
import { DataScope, RightName } from './organisation';
import { Timestamp } from './common';

export const LoginInput = z.object({
  account: z.string().trim().min(1, '请输入账号').max(50),
  password: z.string().min(1, '请输入密码').max(128),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** The signed-in user as the web app sees it: who, and what the menus may show. */
export const Me = z.object({
  id: z.number().int(),
  account: z.string(),
  name: z.string(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  extension: z.string().nullable(),
  rights: z.array(RightName),
  dataScope: DataScope,
  /** The `system.name` parameter: what the organisation calls this system, shown in the header. */
  systemName: z.string(),
  /** Send back in the `x-csrf-token` header on every state-changing request made with the cookie. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const PasswordChange = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: Password,
});

export type PasswordChange = z.input<typeof PasswordChange>;
export const ApiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  expiresAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenInput = z.object({
  name: z.string().trim().min(1, '不能为空').max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});

/** The secret is shown once, at creation. */
export type ApiTokenInput = z.input<typeof ApiTokenInput>;
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });

export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'rexian_session';
