/**
 * Values of the `say` node as text that Mandarin text-to-speech reads right (`sayAs`): `digits` key
 * by key, `number` as a quantity, `money` in 元角分. A value that is not a number stays as it is.
 *
 * Measured on espeak-ng 1.51's `cmn` voice (Debian 12, the engine Rexian uses): Arabic digits
 * separated by spaces are read one by one ("0 5 7 1" → líng wǔ qī yī), and numbers up to 9999 as
 * quantities (1050 → yī qiān wǔ shí); many hanzi, 零 一 万 元 角 among them, are missing from its
 * dictionary and come out as spelled letters, and from 10000 on it groups digits wrongly (12345 →
 * "shí èr qiān …"). So numbers stay in Arabic digits in groups of four with the 万/亿 between them
 * (12345 → 1万2345), which that engine reads best and a full Chinese dictionary reads exactly.
 */

const KEY_WORDS: Record<string, string> = { '*': '星号', '#': '井号' };
/** Chinese groups digits by four: 万 = 10⁴, 亿 = 10⁸, 万亿 = 10¹². */
const SECTION_UNITS = ['', '万', '亿', '万亿'] as const;
const MAX_INTEGER_DIGITS = 16;

/** 0571# → "0 5 7 1 井号" */
export function sayDigits(value: string): string {
  return [...value.replace(/\s+/g, '')].map((ch) => KEY_WORDS[ch] ?? ch).join(' ');
}

/** Decimal digits without sign as a quantity in groups of four: 10005 → 1万零5, 100010000 → 1亿零1万. */
function integerSpoken(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length <= 4) return trimmed;
  if (trimmed.length > MAX_INTEGER_DIGITS) return sayDigits(trimmed);
  const sections: string[] = [];
  for (let end = trimmed.length; end > 0; end -= 4) sections.unshift(trimmed.slice(Math.max(0, end - 4), end));
  let spoken = '';
  let zeroPending = false;
  sections.forEach((section, i) => {
    const value = Number(section);
    if (value === 0) {
      zeroPending = spoken !== '';
      return;
    }
    // 一万零五: a zero is said where a group, or the start of a group, is skipped.
    if (spoken !== '' && (zeroPending || section.startsWith('0'))) spoken += '零';
    zeroPending = false;
    spoken += String(value) + (SECTION_UNITS[sections.length - 1 - i] ?? '');
  });
  return spoken;
}

const NUMBER = /^(-)?(\d+)(?:\.(\d+))?$/;

/** 12345 → 1万2345, 3.14 stays, -12 → 负12, 1,200 → 1200. */
export function sayNumber(value: string): string {
  const match = NUMBER.exec(value.trim().replace(/,/g, ''));
  if (match === null) return value;
  const [, minus, integer = '0', fraction] = match;
  return (minus === undefined ? '' : '负') + integerSpoken(integer) + (fraction === undefined ? '' : `.${fraction}`);
}

/** 128.50 → 128元5角, 128.05 → 128元零5分, 100 → 100元整, 0 → 零元. */
export function sayMoney(value: string): string {
  const match = NUMBER.exec(value.trim().replace(/,/g, '').replace(/^[¥￥]/, ''));
  if (match === null) return value;
  const [, minus, integer = '0', fraction = ''] = match;
  if (integer.replace(/^0+/, '').length > MAX_INTEGER_DIGITS - 2) return sayNumber(value);
  // Round to the fen (分) in decimal arithmetic: binary floating point would turn 0.285 into 0.28.
  let fen = BigInt(integer) * 100n + BigInt((fraction + '00').slice(0, 2));
  if (Number(fraction[2] ?? '0') >= 5) fen += 1n;
  const yuan = fen / 100n;
  const jiao = (fen % 100n) / 10n;
  const cents = fen % 10n;
  let spoken = yuan > 0n ? `${integerSpoken(yuan.toString())}元` : '';
  if (jiao > 0n) spoken += `${jiao}角`;
  if (cents > 0n) spoken += `${jiao === 0n && yuan > 0n ? '零' : ''}${cents}分`;
  if (spoken === '') return '零元';
  if (jiao === 0n && cents === 0n) spoken += '整';
  return (minus === undefined ? '' : '负') + spoken;
}
