/**
 * The one catalogue of API errors: a stable code, its HTTP status and a message a person can act on,
 * in Chinese and English. The server answers `{ error: ApiError }`; the web app shows `message` or
 * `messageEn` by the user's language.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据不正确', en: 'The request has invalid fields' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
  NOT_SIGNED_IN: { status: 401, zh: '请先登录', en: 'Please sign in' },
  BAD_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已锁定，请稍后再试或联系管理员', en: 'Too many failed sign-ins: the account is locked; try later or ask an administrator' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'The account is disabled' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You do not have the right to do this' },
  IP_NOT_ALLOWED: { status: 403, zh: '不允许从当前 IP 地址访问', en: 'Access from this IP address is not allowed' },
  CSRF_REJECTED: { status: 403, zh: '请求来源校验失败，请刷新页面后重试', en: 'The request failed the cross-site check; reload the page and try again' },
  WRONG_PASSWORD: { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少 8 位，且须包含字母和数字', en: 'A password needs at least 8 characters with letters and digits' },
  NOT_FOUND: { status: 404, zh: '请求的资源不存在', en: 'Not found' },
  DEPARTMENT_NOT_FOUND: { status: 404, zh: '部门不存在', en: 'Department not found' },
  DEPARTMENT_NOT_EMPTY: { status: 409, zh: '部门下还有子部门或用户，不能删除', en: 'The department still has sub-departments or users' },
  DEPARTMENT_CYCLE: { status: 400, zh: '不能把部门移到它自己的下级', en: 'A department cannot move under itself' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'User not found' },
  ACCOUNT_TAKEN: { status: 409, zh: '账号已存在', en: 'This account name is taken' },
  EXTENSION_TAKEN: { status: 409, zh: '分机号已被占用', en: 'This extension is taken' },
  CANNOT_CHANGE_SELF: { status: 400, zh: '不能停用或删除自己的账号', en: 'You cannot disable or delete your own account' },
  GROUP_NOT_FOUND: { status: 404, zh: '用户组不存在', en: 'User group not found' },
  ROLE_NOT_FOUND: { status: 404, zh: '角色不存在', en: 'Role not found' },
  ROLE_IN_USE: { status: 409, zh: '角色仍被用户或用户组使用', en: 'The role is still given to users or groups' },
  NAME_TAKEN: { status: 409, zh: '名称已存在', en: 'This name is taken' },
  TOKEN_NOT_FOUND: { status: 404, zh: '令牌不存在', en: 'Token not found' },
  DICTIONARY_TYPE_NOT_FOUND: { status: 404, zh: '字典类型不存在', en: 'Dictionary type not found' },
  DICTIONARY_ITEM_NOT_FOUND: { status: 404, zh: '字典项不存在', en: 'Dictionary item not found' },
  DICTIONARY_VALUE_TAKEN: { status: 409, zh: '该字典类型下已有相同的值', en: 'This value already exists in the list' },
  PHONE_NOT_FOUND: { status: 404, zh: '分机不存在', en: 'Phone account not found' },
  PHONE_PASSWORD_REQUIRED: { status: 400, zh: '新建分机需要设置密码', en: 'A new phone account needs a password' },
  TRUNK_NOT_FOUND: { status: 404, zh: '中继不存在', en: 'Trunk not found' },
  TRUNK_PASSWORD_REQUIRED: { status: 400, zh: '注册中继需要设置密码', en: 'A registering trunk needs a password' },
  SHIFT_NOT_FOUND: { status: 404, zh: '班次不存在', en: 'Shift not found' },
  PARAM_NOT_FOUND: { status: 404, zh: '系统参数不存在', en: 'Unknown system parameter' },
  PARAM_INVALID: { status: 400, zh: '参数值不符合要求', en: 'The parameter value is not valid' },
  ANNOUNCEMENT_NOT_FOUND: { status: 404, zh: '公告不存在', en: 'Announcement not found' },
  CALL_NOT_FOUND: { status: 404, zh: '话单不存在', en: 'Call record not found' },
  CUSTOMER_NOT_FOUND: { status: 404, zh: '客户不存在', en: 'Customer not found' },
  RECORDING_NOT_FOUND: { status: 404, zh: '录音不存在或文件已丢失', en: 'Recording not found, or its file is missing' },
  RANGE_NOT_SATISFIABLE: { status: 416, zh: '请求的音频范围超出文件长度', en: 'The requested range lies outside the file' },
  VOICEMAIL_NOT_FOUND: { status: 404, zh: '留言不存在', en: 'Voicemail not found' },
  CALLBACK_NOT_FOUND: { status: 404, zh: '回叫记录不存在', en: 'Callback request not found' },
  TASK_STATUS_INVALID: { status: 400, zh: '状态不适用于此类任务', en: 'This status does not apply to this kind of task' },
  QUEUE_NOT_FOUND: { status: 404, zh: '队列不存在', en: 'Queue not found' },
  QUEUE_IN_USE: { status: 409, zh: '队列仍被号码路由或其他队列的溢出设置使用，不能删除', en: 'A number route or another queue\'s overflow still points at this queue' },
  ROUTE_NOT_FOUND: { status: 404, zh: '号码路由不存在', en: 'Number route not found' },
  NUMBER_TAKEN: { status: 409, zh: '该号码已存在', en: 'This number is already listed' },
  CALLER_LIST_ENTRY_NOT_FOUND: { status: 404, zh: '名单记录不存在', en: 'Caller list entry not found' },
  FLOW_NOT_FOUND: { status: 404, zh: 'IVR 流程或版本不存在', en: 'IVR flow or version not found' },
  FLOW_IN_USE: { status: 409, zh: '流程仍被号码路由或其他已发布流程的子流程使用，不能删除', en: 'A number route or another published flow still uses this flow' },
  FLOW_INVALID: { status: 400, zh: '流程有问题，不能发布，请按提示修改', en: 'The flow has problems and cannot be published; see the list' },
  FLOW_NO_DRAFT: { status: 409, zh: '没有可发布的草稿，请先保存草稿', en: 'There is no draft to publish; save one first' },
  DEMO_ACCOUNT_NOT_FOUND: { status: 404, zh: '演示账户不存在', en: 'Demo account not found' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  /** Dotted path of the field, e.g. `name` or `intervals.0.start`. */
  field: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  messageEn: string;
  fields?: FieldError[];
  /** With FLOW_INVALID: what the IVR flow validator found, each pointing at a node. */
  problems?: { nodeId: string | null; outcome: string | null; message: string }[];
}
