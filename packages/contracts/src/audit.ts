import { z } from 'zod';
import { PageQuery, Timestamp } from './common';

export const AUDIT_OUTCOMES = ['success', 'failed', 'denied'] as const;
export const AuditOutcome = z.enum(AUDIT_OUTCOMES);

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  userId: z.number().int().nullable(),
  account: z.string().nullable(),
  ip: z.string().nullable(),
  /** `users.create`, `auth.login`, `request.denied` … */
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** Before/after of the fields that changed, or a reason for a failure. */
  summary: z.record(z.string(), z.unknown()).nullable(),
  outcome: AuditOutcome,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  account: z.string().trim().max(50).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(50).optional(),
  objectId: z.string().trim().max(100).optional(),
  outcome: AuditOutcome.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

/** Every action the audit log records, with what a person reads for it. */
export const AUDIT_ACTIONS = {
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'request.denied': { zh: '请求被拒绝', en: 'Request refused' },
  'user.create': { zh: '新建用户', en: 'Create user' },
  'user.update': { zh: '修改用户', en: 'Update user' },
  'user.lock': { zh: '账号锁定', en: 'Account locked' },
  'user.unlock': { zh: '解除锁定', en: 'Unlock account' },
  'user.password.change': { zh: '修改密码', en: 'Change password' },
  'user.password.reset': { zh: '重置密码', en: 'Reset password' },
  'department.create': { zh: '新建部门', en: 'Create department' },
  'department.update': { zh: '修改部门', en: 'Update department' },
  'department.delete': { zh: '删除部门', en: 'Delete department' },
  'group.create': { zh: '新建用户组', en: 'Create user group' },
  'group.update': { zh: '修改用户组', en: 'Update user group' },
  'group.delete': { zh: '删除用户组', en: 'Delete user group' },
  'role.create': { zh: '新建角色', en: 'Create role' },
  'role.update': { zh: '修改角色', en: 'Update role' },
  'role.delete': { zh: '删除角色', en: 'Delete role' },
  'token.create': { zh: '创建 API 令牌', en: 'Create API token' },
  'token.revoke': { zh: '吊销 API 令牌', en: 'Revoke API token' },
  'dictionary.type.create': { zh: '新建字典类型', en: 'Create dictionary type' },
  'dictionary.type.update': { zh: '修改字典类型', en: 'Update dictionary type' },
  'dictionary.type.delete': { zh: '删除字典类型', en: 'Delete dictionary type' },
  'dictionary.item.create': { zh: '新建字典项', en: 'Create dictionary item' },
  'dictionary.item.update': { zh: '修改字典项', en: 'Update dictionary item' },
  'dictionary.item.delete': { zh: '删除字典项', en: 'Delete dictionary item' },
  'calendar.week.update': { zh: '修改每周工作时间', en: 'Update weekly hours' },
  'calendar.day.set': { zh: '设置特殊日期', en: 'Set special day' },
  'calendar.day.delete': { zh: '删除特殊日期', en: 'Remove special day' },
  'shift.create': { zh: '新建班次', en: 'Create shift' },
  'shift.update': { zh: '修改班次', en: 'Update shift' },
  'shift.delete': { zh: '删除班次', en: 'Delete shift' },
  'phone.create': { zh: '新建分机', en: 'Create phone account' },
  'phone.update': { zh: '修改分机', en: 'Update phone account' },
  'phone.delete': { zh: '删除分机', en: 'Delete phone account' },
  'trunk.create': { zh: '新建中继', en: 'Create trunk' },
  'trunk.update': { zh: '修改中继', en: 'Update trunk' },
  'trunk.delete': { zh: '删除中继', en: 'Delete trunk' },
  'sip.source.blocked': { zh: 'SIP 认证失败过多，来源地址被暂时封禁', en: 'SIP source blocked after failed authentications' },
  'queue.create': { zh: '新建队列', en: 'Create queue' },
  'queue.update': { zh: '修改队列', en: 'Update queue' },
  'queue.delete': { zh: '删除队列', en: 'Delete queue' },
  'route.create': { zh: '新建号码路由', en: 'Create number route' },
  'route.update': { zh: '修改号码路由', en: 'Update number route' },
  'route.delete': { zh: '删除号码路由', en: 'Delete number route' },
  'callerlist.add': { zh: '加入名单', en: 'Add number to caller list' },
  'callerlist.remove': { zh: '移出名单', en: 'Remove number from caller list' },
  'ivr.flow.create': { zh: '新建 IVR 流程', en: 'Create IVR flow' },
  'ivr.flow.save': { zh: '保存 IVR 流程草稿', en: 'Save IVR flow draft' },
  'ivr.flow.publish': { zh: '发布 IVR 流程', en: 'Publish IVR flow' },
  'ivr.flow.rollback': { zh: '回滚 IVR 流程', en: 'Roll back IVR flow' },
  'ivr.flow.delete': { zh: '删除 IVR 流程', en: 'Delete IVR flow' },
  'recording.play': { zh: '调听录音', en: 'Play recording' },
  'voicemail.update': { zh: '处理留言', en: 'Handle voicemail' },
  'callback.update': { zh: '处理回叫', en: 'Handle callback' },
  'agent.login': { zh: '坐席签入', en: 'Agent signed in' },
  'agent.logout': { zh: '坐席签出', en: 'Agent signed out' },
  'cti.command': { zh: '话务操作', en: 'CTI command' },
  'customer.create': { zh: '新建客户', en: 'Create customer' },
  'customer.update': { zh: '修改客户', en: 'Update customer' },
  'customer.delete': { zh: '删除客户', en: 'Delete customer' },
  'interaction.create': { zh: '记录服务', en: 'Record an interaction' },
  'wallboard.thresholds.update': { zh: '设置大屏告警阈值', en: 'Set wallboard thresholds' },
  'parameter.update': { zh: '修改系统参数', en: 'Update system parameter' },
  'announcement.publish': { zh: '发布公告', en: 'Publish announcement' },
  'announcement.update': { zh: '修改公告', en: 'Edit announcement' },
  'announcement.delete': { zh: '删除公告', en: 'Delete announcement' },
  'system.seed': { zh: '创建演示单位', en: 'Create demo organisation' },
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
