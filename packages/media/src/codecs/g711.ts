/**
 * G.711 (ITU-T G.711) µ-law and A-law companding with lookup tables: decoding is one table read
 * per sample, encoding one read in a 64 Ki table indexed by the 16-bit sample, so the hot path of
 * a media worker never branches per sample. Tables are built once at module load (≈ 130 KiB).
 */

const BIAS = 0x84;
const CLIP = 32635;

function linearToUlawSlow(sample: number): number {
  // G.711 µ-law: add the bias 0x84, find the segment (exponent), keep 4 mantissa bits, invert.
  let s = sample;
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

function ulawToLinearSlow(code: number): number {
  const u = ~code & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? -magnitude : magnitude;
}

function linearToAlawSlow(sample: number): number {
  // G.711 A-law works on 13-bit magnitudes; even bits are inverted (XOR 0x55) on the wire.
  let s = sample >> 3;
  let sign = 0x80;
  if (s < 0) {
    sign = 0;
    s = -s - 1;
  }
  let code: number;
  if (s < 32) code = s >> 1;
  else {
    let segment = 1;
    while (segment < 7 && s >= 64 << (segment - 1)) segment++;
    if (s >= 4096) code = 0x7f;
    else code = (segment << 4) | ((s >> segment) & 0x0f);
  }
  return (sign | code) ^ 0x55;
}

function alawToLinearSlow(code: number): number {
  const a = code ^ 0x55;
  const segment = (a >> 4) & 0x07;
  let magnitude = ((a & 0x0f) << 4) + 8;
  if (segment > 0) magnitude = (magnitude + 0x100) << (segment - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

/** Decoded linear value for each of the 256 µ-law codes. */
export const ULAW_TO_LINEAR = new Int16Array(256);
/** Decoded linear value for each of the 256 A-law codes. */
export const ALAW_TO_LINEAR = new Int16Array(256);
const LINEAR_TO_ULAW = new Uint8Array(65536);
const LINEAR_TO_ALAW = new Uint8Array(65536);
/** Direct µ-law → A-law code mapping (transcoding without a trip through 16-bit arrays). */
export const ULAW_TO_ALAW = new Uint8Array(256);
/** Direct A-law → µ-law code mapping. */
export const ALAW_TO_ULAW = new Uint8Array(256);

for (let c = 0; c < 256; c++) {
  ULAW_TO_LINEAR[c] = ulawToLinearSlow(c);
  ALAW_TO_LINEAR[c] = alawToLinearSlow(c);
}
for (let i = 0; i < 65536; i++) {
  const sample = i - 32768;
  LINEAR_TO_ULAW[i] = linearToUlawSlow(sample);
  LINEAR_TO_ALAW[i] = linearToAlawSlow(sample);
}
for (let c = 0; c < 256; c++) {
  ULAW_TO_ALAW[c] = LINEAR_TO_ALAW[(ULAW_TO_LINEAR[c] ?? 0) + 32768] ?? 0;
  ALAW_TO_ULAW[c] = LINEAR_TO_ULAW[(ALAW_TO_LINEAR[c] ?? 0) + 32768] ?? 0;
}

/** Encodes one 16-bit sample to a µ-law code. */
export function linearToUlaw(sample: number): number {
  return LINEAR_TO_ULAW[(sample | 0) + 32768] ?? 0xff;
}
/** Encodes one 16-bit sample to an A-law code. */
export function linearToAlaw(sample: number): number {
  return LINEAR_TO_ALAW[(sample | 0) + 32768] ?? 0xd5;
}

/** Encodes `pcm` into `out` (same length) as µ-law; returns `out`. */
export function encodeUlaw(pcm: Int16Array, out: Uint8Array): Uint8Array {
  for (let i = 0; i < pcm.length; i++) out[i] = LINEAR_TO_ULAW[(pcm[i] as number) + 32768] as number;
  return out;
}
/** Encodes `pcm` into `out` (same length) as A-law; returns `out`. */
export function encodeAlaw(pcm: Int16Array, out: Uint8Array): Uint8Array {
  for (let i = 0; i < pcm.length; i++) out[i] = LINEAR_TO_ALAW[(pcm[i] as number) + 32768] as number;
  return out;
}
/** Decodes µ-law `codes` into `out`; returns `out`. */
export function decodeUlaw(codes: Uint8Array, out: Int16Array): Int16Array {
  for (let i = 0; i < codes.length; i++) out[i] = ULAW_TO_LINEAR[codes[i] as number] as number;
  return out;
}
/** Decodes A-law `codes` into `out`; returns `out`. */
export function decodeAlaw(codes: Uint8Array, out: Int16Array): Int16Array {
  for (let i = 0; i < codes.length; i++) out[i] = ALAW_TO_LINEAR[codes[i] as number] as number;
  return out;
}
/** Rewrites codes in place through a 256-entry table (ULAW_TO_ALAW or ALAW_TO_ULAW). */
export function transcodeInPlace(codes: Uint8Array, table: Uint8Array): void {
  for (let i = 0; i < codes.length; i++) codes[i] = table[codes[i] as number] as number;
}
