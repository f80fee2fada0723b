/**
 * Rights: an action on a function (`users.manage`). Roles grant rights; every HTTP route declares the
 * one it needs, and the web app shows only the menus the signed-in user's rights allow.
 */
export const RIGHTS = {
  'departments.view': { zh: '查看部门', en: 'View departments' },
  'departments.manage': { zh: '管理部门', en: 'Manage departments' },
  'users.view': { zh: '查看用户', en: 'View users' },
  'users.manage': { zh: '管理用户', en: 'Manage users' },
  'groups.manage': { zh: '管理用户组', en: 'Manage user groups' },
  'roles.manage': { zh: '管理角色与权限', en: 'Manage roles and rights' },
  'tokens.manage': { zh: '管理 API 令牌', en: 'Manage API tokens' },
  'audit.view': { zh: '查询审计日志', en: 'Search the audit log' },
  'dictionary.manage': { zh: '维护数据字典', en: 'Maintain the data dictionary' },
  'calendar.manage': { zh: '维护工作日历', en: 'Maintain the business calendar' },
  'shifts.manage': { zh: '维护班次', en: 'Maintain shifts' },
  'params.manage': { zh: '维护系统参数', en: 'Maintain system parameters' },
  'announcements.manage': { zh: '发布公告', en: 'Publish announcements' },
  'telephony.manage': { zh: '管理分机与中继', en: 'Manage phones and trunks' },
  'calls.view': { zh: '查询话单', en: 'Search call records' },
  'recordings.play': { zh: '调听录音', en: 'Play call recordings' },
  'voicemail.handle': { zh: '处理留言与回叫', en: 'Handle voicemail and callbacks' },
  'queues.manage': { zh: '管理队列、号码路由与名单', en: 'Manage queues, routing and caller lists' },
  'ivr.manage': { zh: '管理 IVR 流程', en: 'Manage IVR flows' },
  'cti.agent': { zh: '坐席话务（签入、接听、转接、外呼）', en: 'Work as an agent (sign in, answer, transfer, dial)' },
  'cti.supervise': { zh: '班长监控（监听、密语、强插、强制置闲置忙签出）', en: 'Supervise (listen, whisper, barge in, force states)' },
  'customers.view': { zh: '查看客户资料', en: 'View customers' },
  'customers.manage': { zh: '维护客户资料', en: 'Maintain customers' },
  'wallboard.manage': { zh: '设置大屏告警阈值', en: 'Set wallboard thresholds' },
} as const;

export type Right = keyof typeof RIGHTS;
export const ALL_RIGHTS = Object.keys(RIGHTS) as Right[];

/** The function part of a right, used to group rights on the role page. */
export function rightFunction(right: Right): string {
  return right.slice(0, right.indexOf('.'));
}

/**
 * What a route needs: `public` (sign-in page, health), `signedIn` (any signed-in user, e.g. their own
 * profile), one right, or any one of several rights (a list that several pages need).
 */
export type RouteAccess = 'public' | 'signedIn' | Right | readonly Right[];

export const DATA_SCOPES = ['own', 'department', 'all'] as const;
