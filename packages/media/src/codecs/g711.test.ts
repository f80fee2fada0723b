import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALAW_TO_LINEAR, ALAW_TO_ULAW, decodeAlaw, decodeUlaw, encodeAlaw, encodeUlaw, linearToAlaw, linearToUlaw, transcodeInPlace, ULAW_TO_ALAW, ULAW_TO_LINEAR } from './g711.js';

describe('G.711', () => {
  it('µ-law decodes the reference values of ITU-T G.711 table 2', () => {
    expect(ULAW_TO_LINEAR[0xff]).toBe(0);
    expect(ULAW_TO_LINEAR[0x00]).toBe(-32124);
    expect(ULAW_TO_LINEAR[0x80]).toBe(32124);
    expect(ULAW_TO_LINEAR[0xfe]).toBe(8);
    expect(ULAW_TO_LINEAR[0x7e]).toBe(-8);
    expect(ULAW_TO_LINEAR[0xef]).toBe(132);
  });

  it('A-law decodes the reference values of ITU-T G.711 table 1 (even bits inverted)', () => {
    expect(ALAW_TO_LINEAR[0xd5]).toBe(8);
    expect(ALAW_TO_LINEAR[0x55]).toBe(-8);
    expect(ALAW_TO_LINEAR[0xaa]).toBe(32256);
    expect(ALAW_TO_LINEAR[0x2a]).toBe(-32256);
  });

  it('encodes silence as 0xFF (µ-law) and 0xD5 (A-law), full scale to the extreme codes', () => {
    expect(linearToUlaw(0)).toBe(0xff);
    expect(linearToAlaw(0)).toBe(0xd5);
    expect(linearToUlaw(32767)).toBe(0x80);
    expect(linearToUlaw(-32768)).toBe(0x00);
    expect(linearToAlaw(32767)).toBe(0xaa);
    expect(linearToAlaw(-32768)).toBe(0x2a);
  });

  it('every code survives decode → encode unchanged (except µ-law negative zero)', () => {
    for (let c = 0; c < 256; c++) {
      if (c !== 0x7f) expect(linearToUlaw(ULAW_TO_LINEAR[c] as number)).toBe(c);
      expect(linearToAlaw(ALAW_TO_LINEAR[c] as number)).toBe(c);
    }
  });

  it('a round trip keeps any sample within the quantisation step of its segment', () => {
    fc.assert(
      fc.property(fc.integer({ min: -32768, max: 32767 }), (x) => {
        const pcm = Int16Array.of(x);
        const u = decodeUlaw(encodeUlaw(pcm, new Uint8Array(1)), new Int16Array(1))[0] as number;
        const a = decodeAlaw(encodeAlaw(pcm, new Uint8Array(1)), new Int16Array(1))[0] as number;
        const bound = Math.max(16, Math.abs(x) / 16);
        return Math.abs(u - x) <= bound + 132 / 8 && Math.abs(a - x) <= bound;
      }),
    );
  });

  it('transcoding µ-law → A-law → µ-law loses at most one step', () => {
    const codes = Uint8Array.from({ length: 256 }, (_, i) => i);
    transcodeInPlace(codes, ULAW_TO_ALAW);
    transcodeInPlace(codes, ALAW_TO_ULAW);
    for (let c = 0; c < 256; c++) {
      const before = ULAW_TO_LINEAR[c] as number;
      const after = ULAW_TO_LINEAR[codes[c] as number] as number;
      expect(Math.abs(after - before)).toBeLessThanOrEqual(Math.max(16, Math.abs(before) / 8));
    }
  });
});
