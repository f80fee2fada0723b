/**
 * The Chinese words of the validator's messages: how a node, an outcome and a field are named, and
 * schema (zod) issues said in Chinese for the designer's problem list.
 */
import type { IvrNode } from '@rexian/contracts';

/** A schema issue as zod reports it (the type comes through contracts, which owns zod). */
export type SchemaIssue = NonNullable<ReturnType<typeof IvrNode.safeParse>['error']>['issues'][number];

/** `「查询余额」` for a named node, `「n3」` otherwise. */
export function nodeLabel(node: { id: string; name?: string | undefined }): string {
  const name = node.name?.trim();
  return `「${name === undefined || name === '' ? node.id : name}」`;
}

const OUTCOME_LABELS: Record<string, string> = {
  next: '下一步',
  ok: '成功',
  failure: '失败',
  invalid: '输入无效',
  timeout: '超时',
  true: '是',
  false: '否',
  busy: '忙线',
  'no-answer': '无人接听',
  target: '跳转目标',
};

/** `“失败”`, `“按键 1”`. */
export function outcomeLabel(outcome: string): string {
  return `“${OUTCOME_LABELS[outcome] ?? (/^[0-9*#]$/.test(outcome) ? `按键 ${outcome}` : outcome)}”`;
}

const FIELD_LABELS: Record<string, string> = {
  id: '节点 ID', type: '节点类型', name: '名称', next: '分支', prompts: '提示音', invalidPrompts: '输入错误提示音',
  timeoutPrompts: '超时提示音', text: '文字', path: '文件', ms: '时长', hz: '频率', timeoutMs: '超时时间',
  maxRetries: '重试次数', variable: '变量名', minDigits: '最少位数', maxDigits: '最多位数', terminator: '结束键',
  firstDigitTimeoutMs: '首位超时', interDigitTimeoutMs: '位间超时', pattern: '校验规则', sayAs: '读法', bargeIn: '允许打断',
  test: '条件', from: '开始', to: '结束', days: '星期', op: '比较方式', value: '值', url: '地址', method: '请求方法',
  body: '请求内容', assign: '取值', queueId: '队列', priority: '优先级', target: '目标', maxMs: '最长时长', beep: '提示音“嘀”',
  flowId: '子流程', kind: '类型', backKey: '返回上级键', topKey: '返回主菜单键', agentKey: '转人工键',
  agentQueueId: '转人工队列', maxSteps: '最大步数', language: '语言', timeZone: '时区', version: '格式版本', start: '起始节点',
  nodes: '节点', settings: '流程设置', position: '位置',
};

/** `提示音第 1 项的文字` */
export function fieldLabel(path: readonly PropertyKey[]): string {
  let label = '';
  for (const segment of path) {
    if (typeof segment === 'number') label += `第 ${segment + 1} 项`;
    else label += (label === '' ? '' : '的') + (FIELD_LABELS[String(segment)] ?? String(segment));
  }
  return label;
}

const TYPE_LABELS: Record<string, string> = {
  string: '文字', number: '数字', int: '整数', boolean: '是或否', object: '对象', array: '列表', record: '对象',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** An issue's reason in Chinese: the schema's own Chinese message when it has one. */
export function issueReason(issue: SchemaIssue): string {
  if (HAS_CHINESE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '不能为空' : `应为${TYPE_LABELS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `取值应为 ${issue.values.map((v) => String(v)).join(' / ')}`;
    case 'invalid_union':
      if (!('discriminator' in issue)) return '格式不正确';
      return discriminatorReason(issue.input, String(issue.discriminator));
    case 'too_small':
      return issue.origin === 'string' ? `至少 ${issue.minimum} 个字符` : issue.origin === 'array' ? `至少 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `最多 ${issue.maximum} 个字符` : issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
    case 'invalid_key':
      return issue.issues.map((inner) => issueReason(inner)).join('；') || '名称不正确';
    case 'invalid_element':
      return issue.issues.map((inner) => issueReason(inner)).join('；') || '内容不正确';
    default:
      return '格式不正确';
  }
}

/** The union's tag (a node's `type`, a prompt's `kind`) is missing or unknown; zod reports the whole object as input. */
function discriminatorReason(input: unknown, key: string): string {
  const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[key] : input;
  return value === undefined ? '不能为空' : `未知的类型「${String(value)}」`;
}
