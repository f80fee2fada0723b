import { describe, expect, it } from 'vitest';
import { NO_ACTIONS } from './agent-console-state';
import { isTyping, shortcutCommand } from './agent-shortcuts';

const talking = { ...NO_ACTIONS, hangup: true, hold: true, logout: false };
const held = { ...NO_ACTIONS, hangup: true, resume: true };

describe('the 话务台 shortcuts', () => {
  it('maps function keys to what is possible now', () => {
    expect(shortcutCommand('F4', talking, 'c1', 'rest')).toEqual({ command: 'call.hangup', callId: 'c1' });
    expect(shortcutCommand('F6', talking, 'c1', 'rest')).toEqual({ command: 'call.hold', callId: 'c1' });
    expect(shortcutCommand('F6', held, 'c1', 'rest')).toEqual({ command: 'call.resume', callId: 'c1' });
    expect(shortcutCommand('F2', talking, 'c1', 'rest')).toBeUndefined();
    expect(shortcutCommand('F8', { ...NO_ACTIONS, notReady: true }, null, '就餐')).toEqual({ command: 'agent.not-ready', reason: '就餐' });
    expect(shortcutCommand('F10', talking, 'c1', 'rest')).toBe('help');
    expect(shortcutCommand('KeyA', talking, 'c1', 'rest')).toBeUndefined();
  });

  it('leaves keys typed into a field alone', () => {
    expect(isTyping({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
