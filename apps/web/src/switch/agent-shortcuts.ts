/**
 * Keyboard shortcuts of the 话务台 (AGT-1): function keys, so they never clash with typing.
 * F2 接听, F4 挂断, F6 保持/恢复, F7 置闲, F8 置忙, F9 结束话后处理, F10 求助.
 */
import type { CtiCommandInput } from '@rexian/contracts';
import type { ConsoleActions } from './agent-console-state';

export const SHORTCUTS = [
  { key: 'F2', label: 'agent.answer' },
  { key: 'F4', label: 'agent.hangup' },
  { key: 'F6', label: 'agent.holdResume' },
  { key: 'F7', label: 'agent.ready' },
  { key: 'F8', label: 'agent.notReady' },
  { key: 'F9', label: 'agent.wrapUpDone' },
  { key: 'F10', label: 'agent.help' },
] as const;

/**
 * The command a key stands for now, or undefined (not a shortcut, or not possible in this state).
 * `help` is not a CTI command of the call: the page asks for the message first.
 */
export function shortcutCommand(key: string, actions: ConsoleActions, callId: string | null, reason: string): CtiCommandInput | 'help' | undefined {
  switch (key) {
    case 'F2':
      return actions.answer && callId ? { command: 'call.answer', callId } : undefined;
    case 'F4':
      return actions.hangup && callId ? { command: 'call.hangup', callId } : undefined;
    case 'F6':
      if (actions.hold && callId) return { command: 'call.hold', callId };
      return actions.resume && callId ? { command: 'call.resume', callId } : undefined;
    case 'F7':
      return actions.ready ? { command: 'agent.ready' } : undefined;
    case 'F8':
      return actions.notReady ? { command: 'agent.not-ready', reason } : undefined;
    case 'F9':
      return actions.wrapUpDone ? { command: 'agent.wrap-up-done' } : undefined;
    case 'F10':
      return actions.logout || actions.ready || actions.notReady || actions.hangup ? 'help' : undefined;
    default:
      return undefined;
  }
}

/** Keys typed into a field are the field's (a number being dialled, a summary being written). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== 'string') return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable === true;
}
