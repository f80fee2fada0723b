/**
 * The demo organisation's hotline flow (issue 6, IVR-6): business hours first (after hours an
 * announcement and voicemail), then the main menu — 1 bill inquiry by account number against
 * `${serverUrl}/api/demo-billing/accounts/${account}`, 2 fault report by area code, 3 consultation,
 * 0 an agent. The switch presets `serverUrl` (this server's base URL) with `callId`,
 * `callerNumber` and `calledNumber` on every call.
 */
import { IvrGraph, type IvrGraphInput } from '@rexian/contracts';

export interface DemoHotlineFlowOptions {
  queues: { billing: number; fault: number; consult: number };
}

const tts = (text: string) => ({ kind: 'tts' as const, text });
const at = (column: number, row: number) => ({ x: column * 280, y: row * 140 });

export function demoHotlineFlow({ queues }: DemoHotlineFlowOptions): IvrGraph {
  const graph: IvrGraphInput = {
    version: 1,
    start: 'hours',
    settings: { backKey: '*', topKey: '#', agentKey: '0', agentQueueId: queues.consult, timeZone: 'Asia/Shanghai', language: 'zh' },
    nodes: [
      { id: 'hours', type: 'condition', name: '工作时间判断', position: at(0, 2), test: { kind: 'business-hours' }, next: { true: 'main-menu', false: 'after-hours' } },
      {
        id: 'after-hours', type: 'play', name: '非工作时间提示', position: at(1, 5), bargeIn: false,
        prompts: [tts('您好，欢迎致电演示热线。现在是非工作时间，我们的工作时间为工作日上午九点至下午六点。')],
        next: { next: 'after-hours-voicemail' },
      },
      {
        id: 'after-hours-voicemail', type: 'voicemail', name: '非工作时间留言', position: at(2, 5), maxMs: 120_000, beep: true,
        prompts: [tts('请在听到嘀声后留言，我们上班后将尽快给您回复。留言完毕请挂机。')],
      },
      {
        id: 'main-menu', type: 'menu', name: '主菜单', position: at(1, 2), timeoutMs: 5000, maxRetries: 2,
        prompts: [tts('您好，欢迎致电演示热线。查询账单请按1，故障报修请按2，业务咨询请按3，人工服务请按0。')],
        timeoutPrompts: [tts('对不起，您没有按键。')],
        next: { '1': 'billing-account', '2': 'fault-area', '3': 'consult-queue', timeout: 'goodbye', invalid: 'consult-queue' },
      },
      {
        id: 'billing-account', type: 'collect', name: '输入户号', position: at(2, 0), variable: 'account',
        prompts: [tts('请输入您的户号，以井号键结束。')], minDigits: 4, maxDigits: 12, terminator: '#',
        firstDigitTimeoutMs: 8000, interDigitTimeoutMs: 5000, maxRetries: 2, invalidPrompts: [tts('户号应为4到12位数字，请重新输入。')],
        next: { ok: 'billing-lookup', invalid: 'billing-queue', timeout: 'billing-queue' },
      },
      {
        id: 'billing-lookup', type: 'http', name: '查询账单', position: at(3, 0), method: 'GET', timeoutMs: 5000,
        url: '${serverUrl}/api/demo-billing/accounts/${account}',
        assign: { name: 'name', balance: 'balance', dueDate: 'dueDate' },
        next: { ok: 'billing-say-balance', failure: 'billing-sorry' },
      },
      {
        id: 'billing-say-balance', type: 'say', name: '播报余额', position: at(4, 0), sayAs: 'money', bargeIn: true,
        text: '${name}您好，您的账户余额为${balance}。',
        next: { next: 'billing-menu' },
      },
      {
        id: 'billing-menu', type: 'menu', name: '账单菜单', position: at(5, 0), timeoutMs: 5000, maxRetries: 2,
        prompts: [tts('重听请按1，返回上级菜单请按星号键，人工服务请按0。')],
        next: { '1': 'billing-say-balance', '0': 'billing-queue', timeout: 'goodbye', invalid: 'billing-queue' },
      },
      {
        id: 'billing-sorry', type: 'play', name: '查询失败致歉', position: at(4, 1), bargeIn: false,
        prompts: [tts('抱歉，暂时无法查询到该户号的账单信息，正在为您转接账务人工服务，请稍候。')],
        next: { next: 'billing-queue' },
      },
      { id: 'billing-queue', type: 'queue', name: '账务队列', position: at(6, 1), queueId: queues.billing },
      {
        id: 'fault-area', type: 'collect', name: '输入区号', position: at(2, 3), variable: 'areaCode',
        prompts: [tts('请输入您所在地区的区号，以井号键结束。')], minDigits: 3, maxDigits: 4, terminator: '#', pattern: '0\\d{2,3}',
        firstDigitTimeoutMs: 8000, interDigitTimeoutMs: 5000, maxRetries: 2, invalidPrompts: [tts('区号应为以0开头的3到4位数字，请重新输入。')],
        next: { ok: 'fault-confirm', invalid: 'fault-queue', timeout: 'fault-queue' },
      },
      {
        id: 'fault-confirm', type: 'say', name: '确认区号', position: at(3, 3), sayAs: 'digits', bargeIn: false,
        text: '您输入的区号是${areaCode}，正在为您转接故障报修人工服务，请稍候。',
        next: { next: 'fault-queue' },
      },
      { id: 'fault-queue', type: 'queue', name: '故障报修队列', position: at(4, 3), queueId: queues.fault },
      { id: 'consult-queue', type: 'queue', name: '业务咨询队列', position: at(2, 4), queueId: queues.consult },
      { id: 'goodbye', type: 'hangup', name: '结束语', position: at(2, 2), prompts: [tts('感谢您的来电，再见。')] },
    ],
  };
  return IvrGraph.parse(graph);
}
