import { describe, expect, it } from 'vitest';
import { demoAccount } from './demo-account';

describe('the demo billing accounts', () => {
  const today = new Date('2026-11-22T08:00:00Z');

  it('give the same holder, balance and due day for the same number, and differ between neighbours', () => {
    const a = demoAccount('12345678', today)!;
    expect(demoAccount('12345678', today)).toEqual(a);
    expect(a.name).toMatch(/^\p{Script=Han}\*\p{Script=Han}$/u);
    expect(a.balance).toMatch(/^\d{1,3}\.\d{2}$/);
    expect(a.dueDate.startsWith('2026-12-')).toBe(true);
    expect(demoAccount('12345679', today)!.balance).not.toBe(a.balance);
  });

  it('have no account starting with 9, nor one outside 4–12 digits', () => {
    expect(demoAccount('9123', today)).toBeUndefined();
    expect(demoAccount('123', today)).toBeUndefined();
    expect(demoAccount('1234567890123', today)).toBeUndefined();
    expect(demoAccount('12a4', today)).toBeUndefined();
  });
});
