import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('the Range header (RFC 9110 §14.1.2) for a 1000-byte file', () => {
  it('reads first-last, open-ended and suffix ranges, clamped to the file', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
  });

  it('finds a range starting at or past the end, or an empty suffix, unsatisfiable', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=1000-1001', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what it does not serve: no header, other units, several ranges, last before first', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,5-9', 'bytes=50-10', 'bytes=-', 'bytes=abc']) {
      expect(parseByteRange(header, 1000), String(header)).toEqual({ kind: 'whole' });
    }
  });
});
