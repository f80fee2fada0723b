import { z } from 'zod';
import { ClockTime, Id, IpRange, PageQuery, Timestamp } from './common';
import { ALL_RIGHTS, DATA_SCOPES, type Right } from './rights';

const Name = z.string().trim().min(1, '不能为空').max(100);

// ---- Departments: a tree ----
export const Department = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  sort: z.number().int(),
  userCount: z.number().int(),
});
export type Department = z.infer<typeof Department>;

export const DepartmentInput = z.object({
  parentId: Id.nullable().default(null),
  name: Name,
  code: z.string().trim().max(50).nullable().optional(),
  sort: z.number().int().default(0),
});
export type DepartmentInput = z.input<typeof DepartmentInput>;

// ---- Users ----
export const USER_STATUSES = ['active', 'disabled'] as const;
export const UserStatus = z.enum(USER_STATUSES);

export type UserStatus = z.infer<typeof UserStatus>;
export const User = z.object({
  id: z.number().int(),
  account: z.string(),
  name: z.string(),
  departmentId: z.number().int().nullable(),
  extension: z.string().nullable(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  status: UserStatus,
  locked: z.boolean(),
  roleIds: z.array(z.number().int()),
  groupIds: z.array(z.number().int()),
  allowedIps: z.array(z.string()),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

export const Password = z.string().min(8, '密码至少 8 位').max(128);

export const UserInput = z.object({
  account: z.string().trim().min(2, '账号至少 2 个字符').max(50).regex(/^[A-Za-z0-9._@-]+$/, '账号只能包含字母、数字和 . _ @ -'),
  name: Name,
  departmentId: Id.nullable().default(null),
  extension: z.string().trim().regex(/^\d{2,8}$/, '分机号为 2–8 位数字').nullable().optional(),
  email: z.email('邮箱格式不正确').nullable().optional(),
  mobile: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, '手机号格式不正确').nullable().optional(),
  status: UserStatus.default('active'),
  roleIds: z.array(Id).default([]),
  groupIds: z.array(Id).default([]),
  allowedIps: z.array(IpRange).max(50).default([]),
});
export type UserInput = z.input<typeof UserInput>;

export const UserCreate = UserInput.extend({ password: Password });
export type UserCreate = z.input<typeof UserCreate>;

export const UserQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  departmentId: Id.optional(),
  status: UserStatus.optional(),
});

export const PasswordReset = z.object({ password: Password });

// ---- User groups: users in a group receive the group's roles ----
export type PasswordReset = z.input<typeof PasswordReset>;
export const Group = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  userIds: z.array(z.number().int()),
  roleIds: z.array(z.number().int()),
});
export type Group = z.infer<typeof Group>;

export const GroupInput = z.object({
  name: Name,
  description: z.string().trim().max(500).nullable().optional(),
  userIds: z.array(Id).default([]),
  roleIds: z.array(Id).default([]),
});
export type GroupInput = z.input<typeof GroupInput>;

// ---- Roles: rights on functions, a data scope and optional IP ranges ----
export const RightName = z.enum(ALL_RIGHTS as [Right, ...Right[]]);
export const DataScope = z.enum(DATA_SCOPES);
export type DataScope = z.infer<typeof DataScope>;

export const Role = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  rights: z.array(RightName),
  dataScope: DataScope,
  allowedIps: z.array(z.string()),
  userCount: z.number().int(),
});
export type Role = z.infer<typeof Role>;

export const RoleInput = z.object({
  name: Name,
  description: z.string().trim().max(500).nullable().optional(),
  rights: z.array(RightName).default([]),
  dataScope: DataScope.default('own'),
  allowedIps: z.array(IpRange).max(50).default([]),
});
export type RoleInput = z.input<typeof RoleInput>;

// ---- Shifts 班次 ----
export const Shift = z.object({
  id: z.number().int(),
  name: z.string(),
  start: ClockTime,
  end: ClockTime,
  color: z.string().nullable(),
  /** True when the shift ends on the next day (e.g. 22:00–08:00 night shift). */
  overnight: z.boolean(),
});
export type Shift = z.infer<typeof Shift>;

export const ShiftInput = z.object({
  name: Name,
  start: ClockTime,
  end: ClockTime,
  color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, '颜色格式为 #RRGGBB').nullable().optional(),
});
export type ShiftInput = z.input<typeof ShiftInput>;
