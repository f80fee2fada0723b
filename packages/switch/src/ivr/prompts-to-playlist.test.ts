import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate';
import { promptsToPlaylist, sayText } from './prompts-to-playlist';

describe('templates and prompts', () => {
  it('interpolate replaces ${name} by the variable and unknown names by nothing', () => {
    expect(interpolate('您好${name}，尾号${ tail }', { name: '张三', tail: '8888' })).toBe('您好张三，尾号8888');
    expect(interpolate('余额${balance}元', {})).toBe('余额元');
    expect(interpolate('${constructor}${__proto__}', {})).toBe('');
    expect(interpolate('没有占位符 $ {x}', { x: '1' })).toBe('没有占位符 $ {x}');
  });

  it('promptsToPlaylist turns prompts into the media engine\u2019s playlist items, texts filled in', () => {
    expect(
      promptsToPlaylist(
        [
          { kind: 'tts', text: '户号${account}' },
          { kind: 'file', path: 'prompts/welcome.wav', bargeIn: false },
          { kind: 'silence', ms: 500 },
          { kind: 'tone', hz: 1000, ms: 200 },
        ],
        { account: '1234' },
      ),
    ).toEqual([
      { kind: 'tts', text: '户号1234' },
      { kind: 'file', path: 'prompts/welcome.wav', bargeIn: false },
      { kind: 'silence', ms: 500 },
      { kind: 'tone', frequencies: [1000], ms: 200 },
    ]);
  });

  it('sayText reads only the substituted values as digits or money', () => {
    expect(sayText('户号${a}，共1户', 'digits', { a: '907' })).toBe('户号9 0 7，共1户');
    expect(sayText('${name}您好，余额${b}', 'money', { name: '李四', b: '12.30' })).toBe('李四您好，余额12元3角');
  });
});
