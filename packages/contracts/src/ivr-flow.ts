/**
 * The IVR flow graph (IVR-1, IVR-2): what the web designer (React Flow) draws, the REST API stores as
 * JSON in each flow version, and the switch's interpreter runs. A graph is a list of nodes; each
 * node's `next` maps an outcome (a key pressed, `ok`, `failure` …) to the id of the node that follows.
 * Which outcomes a node kind has is `IVR_NODE_OUTCOMES`; the structural rules (edges point at
 * existing nodes, no silent loops …) are checked by the switch's `validateFlow`, not by this schema.
 *
 * Templates: texts, URLs and values may contain `${variable}` placeholders, replaced by the call's
 * variables (an unknown variable reads as an empty string). The switch presets `callId`,
 * `callerNumber`, `calledNumber` and `serverUrl` on every call.
 */
import { z } from 'zod';
import { CalendarDate, ClockTime } from './common';
import { Weekday } from './reference';

/** One telephone key. */
export const IvrDtmfKey = z.string().regex(/^[0-9*#]$/, '应为一个按键：0–9、* 或 #');

/** A variable name: letters (Chinese too), digits and `_`, not starting with a digit. */
export const IvrVariableName = z
  .string()
  .regex(/^[\p{L}_][\p{L}\p{N}_]{0,63}$/u, '变量名由字母、汉字、数字和下划线组成，不以数字开头，最长 64 个字符');

/**
 * Variables the switch sets on every call before the flow starts (the designer offers them in
 * templates): the call's id, the caller's and the dialled number, and this server's base URL for
 * lookups in Rexian's own API (`${serverUrl}/api/…`).
 */
export const IVR_PRESET_VARIABLES = {
  callId: '呼叫编号',
  callerNumber: '主叫号码',
  calledNumber: '被叫号码（热线号码）',
  serverUrl: '本系统地址',
} as const;

const Template = z.string().max(2000, '最长 2000 个字符');
const Milliseconds = (max: number) => z.number().int('应为整数').min(0, '不能为负数').max(max, `不能超过 ${max}`);
/** How long to wait for the caller's keys: under a second is not a chance to answer. */
const KeyTimeout = Milliseconds(60_000).min(1000, '不能少于 1000 毫秒');
const Retries = z.number().int('应为整数').min(0, '不能为负数').max(9, '不能超过 9');

function isRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** A regular expression the whole input must match, e.g. `\d{8}` or `(010|02\d)`. */
const Pattern = z.string().min(1).max(200).refine(isRegex, '不是有效的正则表达式');

/**
 * Something played to the caller. `bargeIn: false` makes one prompt unskippable (a legal notice)
 * even where the node lets keys stop its prompts.
 */
export const IvrPrompt = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tts'), text: Template.min(1, '朗读文字不能为空'), bargeIn: z.boolean().optional() }),
  z.object({
    kind: z.literal('file'),
    path: z.string().min(1, '语音文件不能为空').max(500).refine((p) => !p.split(/[\\/]/).includes('..'), '语音文件路径不能包含 ..'),
    bargeIn: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('silence'), ms: Milliseconds(60_000), bargeIn: z.boolean().optional() }),
  z.object({ kind: z.literal('tone'), hz: z.number().min(20).max(4000), ms: Milliseconds(60_000), bargeIn: z.boolean().optional() }),
]);
export type IvrPrompt = z.infer<typeof IvrPrompt>;

const Prompts = z.array(IvrPrompt).max(50, '最多 50 段提示音');
const SomePrompts = Prompts.min(1, '至少需要一段提示音');

/**
 * Flow-wide settings. The back, top and agent keys work in every menu of the flow unless the menu
 * uses that key as a branch (the branch wins); `null` switches a key off.
 * - `backKey` (default `*`): back to the menu one level up.
 * - `topKey` (default `#`): back to the first menu of the flow (主菜单), as Chinese hotlines announce it.
 * - `agentKey` (default `0`): to an agent: queue `agentQueueId`, or the route's default queue when null.
 * - `maxSteps` (default 1000): nodes entered per call before the call is ended (a guard against loops).
 * - `timeZone` (default `Asia/Shanghai`): for time, weekday and date conditions.
 */
export const IvrFlowSettings = z.object({
  backKey: IvrDtmfKey.nullable().optional(),
  topKey: IvrDtmfKey.nullable().optional(),
  agentKey: IvrDtmfKey.nullable().optional(),
  agentQueueId: z.number().int().nullable().optional(),
  maxSteps: z.number().int().min(10, '不能少于 10').max(100_000, '不能超过 100000').optional(),
  language: z.literal('zh').optional(),
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, '未知的时区')
    .optional(),
});
export type IvrFlowSettings = z.infer<typeof IvrFlowSettings>;

const NodeBase = {
  id: z.string().min(1, '节点 ID 不能为空').max(64, '节点 ID 最长 64 个字符').regex(/^\S+$/, '节点 ID 不能包含空格'),
  name: z.string().max(100, '名称最长 100 个字符').optional(),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  /** Outcome → id of the following node. A missing outcome ends the call (hang up). */
  next: z.record(z.string(), z.string()).default({}),
};

export const IvrPlayNode = z.object({ ...NodeBase, type: z.literal('play'), prompts: SomePrompts, bargeIn: z.boolean().default(true) });
export type IvrPlayNode = z.infer<typeof IvrPlayNode>;

/**
 * One key chooses a branch. No key within `timeoutMs`, or a key without a branch, repeats the menu
 * up to `maxRetries` times (both count together), then takes `timeout` or `invalid`.
 */
export const IvrMenuNode = z.object({
  ...NodeBase,
  type: z.literal('menu'),
  prompts: SomePrompts,
  timeoutMs: KeyTimeout.default(5000),
  maxRetries: Retries.default(2),
  invalidPrompts: Prompts.optional(),
  timeoutPrompts: Prompts.optional(),
});
export type IvrMenuNode = z.infer<typeof IvrMenuNode>;

/** Several keys into `variable`: an account, meter or area number. `pattern` must match the whole input. */
export const IvrCollectNode = z
  .object({
    ...NodeBase,
    type: z.literal('collect'),
    variable: IvrVariableName,
    prompts: Prompts,
    minDigits: z.number().int().min(1, '至少 1 位').max(64).default(1),
    maxDigits: z.number().int().min(1, '至少 1 位').max(64, '最多 64 位'),
    terminator: IvrDtmfKey.optional(),
    firstDigitTimeoutMs: KeyTimeout.default(8000),
    interDigitTimeoutMs: KeyTimeout.default(5000),
    pattern: Pattern.optional(),
    maxRetries: Retries.default(2),
    invalidPrompts: Prompts.optional(),
  })
  .refine((n) => n.minDigits <= n.maxDigits, { message: '最少位数不能大于最多位数', path: ['minDigits'] });
export type IvrCollectNode = z.infer<typeof IvrCollectNode>;

export const IVR_SAY_AS = ['text', 'digits', 'number', 'money'] as const;

/**
 * Text to speech. `sayAs` says how the values put into `${…}` are read: `digits` one by one (an
 * account number), `number` as a quantity, `money` in 元/角/分; the text around them is read as written.
 */
export const IvrSayNode = z.object({
  ...NodeBase,
  type: z.literal('say'),
  text: Template.min(1, '朗读文字不能为空'),
  sayAs: z.enum(IVR_SAY_AS).default('text'),
  bargeIn: z.boolean().default(true),
});
export type IvrSayNode = z.infer<typeof IvrSayNode>;

export const IvrConditionTest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('business-hours') }),
  /** `from` ≤ now < `to`; when `from` is later than `to` the interval crosses midnight. */
  z.object({ kind: z.literal('time'), from: ClockTime, to: ClockTime }),
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  z.object({ kind: z.literal('weekday'), days: z.array(Weekday).min(1, '至少选择一天') }),
  /** Both days included. */
  z.object({ kind: z.literal('date-range'), from: CalendarDate, to: CalendarDate }),
  /**
   * `lt`/`gt` compare as numbers (false when either side is not a number); `matches` is a regular
   * expression the whole value must match; `empty` is true for an unset or empty variable.
   */
  z.object({
    kind: z.literal('variable'),
    variable: IvrVariableName,
    op: z.enum(['eq', 'ne', 'lt', 'gt', 'empty', 'matches']),
    value: Template.optional(),
  }),
]);
export type IvrConditionTest = z.infer<typeof IvrConditionTest>;

export const IvrConditionNode = z.object({ ...NodeBase, type: z.literal('condition'), test: IvrConditionTest });
export type IvrConditionNode = z.infer<typeof IvrConditionNode>;

/**
 * A lookup in a business system. Values put into the URL are URI-encoded, except a placeholder that
 * begins the URL (`${serverUrl}/api/…`), which is the base address. `body` is any JSON whose strings
 * are templates, sent as `application/json`. `assign` maps a variable to a dotted path in the JSON
 * answer (`balance`, `data.owner.name`, `items.0.amount`); a missing or non-scalar value is a failure.
 */
export const IvrHttpNode = z.object({
  ...NodeBase,
  type: z.literal('http'),
  url: Template.min(1, '地址不能为空'),
  method: z.enum(['GET', 'POST']).default('GET'),
  body: z.json().optional(),
  timeoutMs: Milliseconds(60_000).min(100, '不能少于 100').default(5000),
  assign: z.record(IvrVariableName, z.string().min(1).max(200)).default({}),
});
export type IvrHttpNode = z.infer<typeof IvrHttpNode>;

export const IvrSetNode = z.object({ ...NodeBase, type: z.literal('set'), variable: IvrVariableName, value: Template });
export type IvrSetNode = z.infer<typeof IvrSetNode>;

export const IvrQueueNode = z.object({ ...NodeBase, type: z.literal('queue'), queueId: z.number().int(), priority: z.number().int().min(0).max(100).optional() });
export type IvrQueueNode = z.infer<typeof IvrQueueNode>;

export const IvrTransferNode = z.object({
  ...NodeBase,
  type: z.literal('transfer'),
  /** An extension or outside number; a template, e.g. `${managerExtension}`. */
  target: Template.min(1, '转接号码不能为空'),
  timeoutMs: Milliseconds(300_000).min(1000, '不能少于 1000').default(30_000),
});
export type IvrTransferNode = z.infer<typeof IvrTransferNode>;

export const IvrVoicemailNode = z.object({
  ...NodeBase,
  type: z.literal('voicemail'),
  prompts: Prompts,
  maxMs: Milliseconds(600_000).min(1000, '不能少于 1000').default(120_000),
  beep: z.boolean().default(true),
});
export type IvrVoicemailNode = z.infer<typeof IvrVoicemailNode>;

export const IvrRecordNode = z.object({
  ...NodeBase,
  type: z.literal('record'),
  variable: IvrVariableName,
  prompts: Prompts,
  maxMs: Milliseconds(600_000).min(1000, '不能少于 1000').default(60_000),
  beep: z.boolean().default(true),
});
export type IvrRecordNode = z.infer<typeof IvrRecordNode>;

/** A satisfaction score: one key 1–5, saved for the call and put into `variable`. */
export const IvrSurveyNode = z.object({
  ...NodeBase,
  type: z.literal('survey'),
  prompts: SomePrompts,
  variable: IvrVariableName,
  timeoutMs: KeyTimeout.default(8000),
  maxRetries: Retries.default(1),
  invalidPrompts: Prompts.optional(),
});
export type IvrSurveyNode = z.infer<typeof IvrSurveyNode>;

/** Runs another flow's published graph; when it reaches a `return` node the call continues at `next`. */
export const IvrSubflowNode = z.object({ ...NodeBase, type: z.literal('subflow'), flowId: z.number().int() });
export type IvrSubflowNode = z.infer<typeof IvrSubflowNode>;

export const IvrGotoNode = z.object({ ...NodeBase, type: z.literal('goto'), target: z.string().min(1, '跳转目标不能为空') });
export type IvrGotoNode = z.infer<typeof IvrGotoNode>;

export const IvrHangupNode = z.object({ ...NodeBase, type: z.literal('hangup'), prompts: Prompts.optional() });
export type IvrHangupNode = z.infer<typeof IvrHangupNode>;

/** The end of a sub-flow: the calling flow continues. In a flow run on its own it hangs up. */
export const IvrReturnNode = z.object({ ...NodeBase, type: z.literal('return') });
export type IvrReturnNode = z.infer<typeof IvrReturnNode>;

export const IvrNode = z.discriminatedUnion('type', [
  IvrPlayNode, IvrMenuNode, IvrCollectNode, IvrSayNode, IvrConditionNode, IvrHttpNode, IvrSetNode, IvrQueueNode,
  IvrTransferNode, IvrVoicemailNode, IvrRecordNode, IvrSurveyNode, IvrSubflowNode, IvrGotoNode, IvrHangupNode, IvrReturnNode,
]);
export type IvrNode = z.infer<typeof IvrNode>;
export type IvrNodeType = IvrNode['type'];

export const IVR_MENU_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;

/**
 * The outcomes each node kind can have in `next` (the designer's handles). An empty list is a
 * terminal node; `goto` jumps to its `target` instead.
 */
export const IVR_NODE_OUTCOMES: Record<IvrNodeType, readonly string[]> = {
  play: ['next'],
  menu: [...IVR_MENU_KEYS, 'timeout', 'invalid'],
  collect: ['ok', 'invalid', 'timeout'],
  say: ['next'],
  condition: ['true', 'false'],
  http: ['ok', 'failure'],
  set: ['next'],
  queue: [],
  transfer: ['busy', 'no-answer', 'failure'],
  voicemail: [],
  record: ['next'],
  survey: ['next'],
  subflow: ['next'],
  goto: [],
  hangup: [],
  return: [],
};
export const IVR_NODE_TYPES = Object.keys(IVR_NODE_OUTCOMES) as IvrNodeType[];

export const IvrGraph = z.object({
  version: z.literal(1),
  start: z.string().min(1, '请指定起始节点'),
  settings: IvrFlowSettings.default({}),
  nodes: z.array(IvrNode).min(1, '流程至少需要一个节点').max(2000, '最多 2000 个节点'),
});
export type IvrGraph = z.infer<typeof IvrGraph>;
/** A graph as written (defaults not yet filled in), e.g. by the designer or the demo flow. */
export type IvrGraphInput = z.input<typeof IvrGraph>;
