import { describe, expect, it } from 'vitest';
import { sayDigits, sayMoney, sayNumber } from './spoken-numbers';

describe('numbers as text for Mandarin text-to-speech', () => {
  it('reads digits one by one (spaced, so the engine does not read a quantity), * and # as 星号 and 井号', () => {
    expect(sayDigits('0571')).toBe('0 5 7 1');
    expect(sayDigits('2046')).toBe('2 0 4 6');
    expect(sayDigits('12#')).toBe('1 2 井号');
    expect(sayDigits('*9')).toBe('星号 9');
  });

  it('reads quantities in groups of four with 万 and 亿 and the zeros a person says', () => {
    const cases: [string, string][] = [
      ['0', '0'], ['7', '7'], ['1050', '1050'], ['9999', '9999'], ['0042', '42'], ['10000', '1万'], ['10001', '1万零1'],
      ['10050', '1万零50'], ['12345', '1万2345'], ['100000', '10万'], ['1000000', '100万'], ['100010000', '1亿零1万'],
      ['100000001', '1亿零1'], ['123456789', '1亿2345万6789'], ['1000000000000', '1万亿'],
    ];
    for (const [value, spoken] of cases) expect(sayNumber(value), value).toBe(spoken);
  });

  it('keeps decimals, says the sign, drops thousands separators and leaves other text alone', () => {
    expect(sayNumber('3.14')).toBe('3.14');
    expect(sayNumber('-12')).toBe('负12');
    expect(sayNumber('1,200')).toBe('1200');
    expect(sayNumber('abc')).toBe('abc');
    expect(sayNumber('2026-12-15')).toBe('2026-12-15');
  });

  it('reads money in 元角分', () => {
    const cases: [string, string][] = [
      ['128.50', '128元5角'], ['128.05', '128元零5分'], ['128.55', '128元5角5分'], ['100', '100元整'], ['100.00', '100元整'],
      ['0', '零元'], ['0.05', '5分'], ['0.5', '5角'], ['-35.00', '负35元整'], ['1,000.10', '1000元1角'], ['¥10', '10元整'],
      ['0.285', '2角9分'], ['123456.7', '12万3456元7角'],
    ];
    for (const [value, spoken] of cases) expect(sayMoney(value), value).toBe(spoken);
    expect(sayMoney('欠费')).toBe('欠费');
  });
});
