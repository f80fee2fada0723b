import { describe, expect, it } from 'vitest';
import { translate } from './translate';
import { zhCN } from './zh-CN';
import { en } from './en';

describe('translate', () => {
  it('fills named placeholders', () => {
    expect(translate({ hi: '欢迎，{name}' }, 'hi', { name: '张三' })).toBe('欢迎，张三');
  });

  it('leaves an unknown placeholder as written', () => {
    expect(translate({ n: '{a} / {b}' }, 'n', { a: 1 })).toBe('1 / {b}');
  });

  it('has an English message for every Chinese one', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });
});
