/**
 * The `Range: bytes=…` request header (RFC 9110 §14.1.2) for one file of `size` bytes. One range
 * only: a server may ignore a Range header it does not want to serve (RFC 9110 §14.2), so several
 * ranges, another unit or bad syntax get the whole file.
 */
export type ByteRangeAnswer =
  | { kind: 'whole' }
  | { kind: 'part'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export function parseByteRange(header: string | undefined, size: number): ByteRangeAnswer {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '') {
    // RFC 9110 §14.1.2: "bytes=-N" is a suffix range, the last N bytes; a suffix of 0 is unsatisfiable.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  // "A last-pos less than first-pos is invalid": ignored as bad syntax.
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  // RFC 9110 §14.1.2: satisfiable only if the first position is less than the length.
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
