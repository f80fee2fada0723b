import { WavFormatError } from './wav-format-error.js';

/** WAVE format tags we decode (the `wFormatTag` of the fmt chunk). */
export enum WavEncoding {
  Pcm = 1,
  Float = 3,
  Alaw = 6,
  Mulaw = 7,
  Extensible = 0xfffe,
}

/** What the fmt chunk says, with WAVE_FORMAT_EXTENSIBLE already resolved to its sub-format. */
export interface WavFormat {
  encoding: WavEncoding.Pcm | WavEncoding.Float | WavEncoding.Alaw | WavEncoding.Mulaw;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  blockAlign: number;
}

/** The located parts of a WAV file: its format and the byte range of its sample data. */
export interface WavLayout {
  format: WavFormat;
  dataOffset: number;
  dataLength: number;
}

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function parseFmt(view: DataView, at: number, size: number): WavFormat {
  if (size < 16) throw new WavFormatError(`fmt chunk too short (${size} bytes, need 16)`);
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (tag === WavEncoding.Extensible) {
    // WAVE_FORMAT_EXTENSIBLE: cbSize(2) validBits(2) channelMask(4), then a GUID whose first two
    // bytes are the ordinary format tag.
    if (size < 40) throw new WavFormatError('WAVE_FORMAT_EXTENSIBLE fmt chunk too short');
    tag = view.getUint16(at + 24, true);
  }
  if (tag !== WavEncoding.Pcm && tag !== WavEncoding.Float && tag !== WavEncoding.Alaw && tag !== WavEncoding.Mulaw) {
    throw new WavFormatError(`unsupported WAV encoding (format tag ${tag}); use PCM, float, A-law or µ-law`);
  }
  if (channels < 1) throw new WavFormatError('WAV declares no channels');
  if (sampleRate < 1000 || sampleRate > 384000) throw new WavFormatError(`implausible sample rate ${sampleRate}`);
  const bitsOk =
    tag === WavEncoding.Pcm
      ? [8, 16, 24, 32].includes(bitsPerSample)
      : tag === WavEncoding.Float
        ? bitsPerSample === 32 || bitsPerSample === 64
        : bitsPerSample === 8;
  if (!bitsOk) throw new WavFormatError(`unsupported ${bitsPerSample}-bit samples for format tag ${tag}`);
  if (blockAlign !== (channels * bitsPerSample) / 8) {
    throw new WavFormatError(`block align ${blockAlign} does not match ${channels} × ${bitsPerSample} bits`);
  }
  return { encoding: tag as WavFormat['encoding'], channels, sampleRate, bitsPerSample, blockAlign };
}

/**
 * Walks the RIFF chunks of a WAVE file, skipping the ones we do not need (LIST, fact, cue …).
 * A data chunk longer than the file (a recording cut off before its header was patched, or the
 * 0xFFFFFFFF "unknown length" of streamed WAVs) is read up to the last whole sample frame.
 */
export function locateWavChunks(bytes: Uint8Array): WavLayout {
  if (bytes.length < 12 || fourcc(bytes, 0) !== 'RIFF' || fourcc(bytes, 8) !== 'WAVE') {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: WavFormat | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = fourcc(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (body + size > bytes.length) throw new WavFormatError('fmt chunk runs past the end of the file');
      format = parseFmt(view, body, size);
    } else if (id === 'data') {
      if (format === undefined) throw new WavFormatError('data chunk before fmt chunk');
      const available = Math.min(size, bytes.length - body);
      const dataLength = available - (available % format.blockAlign);
      return { format, dataOffset: body, dataLength };
    }
    at = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new WavFormatError(format === undefined ? 'no fmt chunk' : 'no data chunk');
}
