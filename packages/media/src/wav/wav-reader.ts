import { readFile } from 'node:fs/promises';
import { clip16, SAMPLE_RATE } from '../frames.js';
import { ALAW_TO_LINEAR, ULAW_TO_LINEAR } from '../codecs/g711.js';
import { resample, resampleInSlices } from './resampler.js';
import { runInSlices } from './run-in-slices.js';
import { locateWavChunks, WavEncoding, type WavFormat, type WavLayout } from './wav-chunks.js';
import { WavFormatError } from './wav-format-error.js';

/** Decoded audio ready for the engine, with what the file originally held. */
export interface WavAudio {
  /** Mono 16-bit PCM at `sampleRate`. */
  samples: Int16Array;
  sampleRate: number;
  /** The file's own format (before down-mixing and resampling). */
  source: WavFormat;
}

/** The sample at byte `offset`, scaled to the int16 range (G.711 through M1's decode tables). */
function sampleAt(view: DataView, format: WavFormat, offset: number): number {
  switch (format.encoding) {
    case WavEncoding.Mulaw:
      return ULAW_TO_LINEAR[view.getUint8(offset)] ?? 0;
    case WavEncoding.Alaw:
      return ALAW_TO_LINEAR[view.getUint8(offset)] ?? 0;
    case WavEncoding.Float:
      return (format.bitsPerSample === 32 ? view.getFloat32(offset, true) : view.getFloat64(offset, true)) * 32767;
    default:
      switch (format.bitsPerSample) {
        case 8:
          return (view.getUint8(offset) - 128) << 8; // 8-bit WAV is unsigned, centred on 128
        case 16:
          return view.getInt16(offset, true);
        case 24:
          return (view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getInt8(offset + 2) << 16)) / 256;
        default:
          return view.getInt32(offset, true) / 65536;
      }
  }
}

/**
 * Sample frames `from … to - 1` of the channels picked by `channelWeights`, summed with those weights,
 * into `out`: `[1/n, …]` down-mixes, `[1, 0]` extracts the left channel.
 */
function decodeWeighted(bytes: Uint8Array, layout: WavLayout, channelWeights: readonly number[], out: Int16Array, from: number, to: number): void {
  const { format, dataOffset } = layout;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = format.bitsPerSample / 8;
  for (let i = from; i < to; i++) {
    let sum = 0;
    const frameAt = dataOffset + i * format.blockAlign;
    for (let c = 0; c < format.channels; c++) {
      const weight = channelWeights[c] ?? 0;
      if (weight !== 0) sum += weight * sampleAt(view, format, frameAt + c * width);
    }
    out[i] = clip16(Math.round(sum));
  }
}

const frameCount = (layout: WavLayout): number => layout.dataLength / layout.format.blockAlign;
const downMix = (channels: number): number[] => new Array<number>(channels).fill(1 / channels);

/** Decodes a WAV held in memory to mono int16 at the file's own sample rate. */
export function decodeWav(bytes: Uint8Array): WavAudio {
  const layout = locateWavChunks(bytes);
  const samples = new Int16Array(frameCount(layout));
  decodeWeighted(bytes, layout, downMix(layout.format.channels), samples, 0, samples.length);
  return { samples, sampleRate: layout.format.sampleRate, source: layout.format };
}

/** Each channel of a WAV separately, at the file's own rate (to check a stereo call recording). */
export function decodeWavChannels(bytes: Uint8Array): Int16Array[] {
  const layout = locateWavChunks(bytes);
  const { channels } = layout.format;
  return Array.from({ length: channels }, (_, c) => {
    const out = new Int16Array(frameCount(layout));
    decodeWeighted(bytes, layout, Array.from({ length: channels }, (_, k) => (k === c ? 1 : 0)), out, 0, out.length);
    return out;
  });
}

/** Decodes a WAV held in memory to the engine's format: mono int16 at 8 kHz, in one go. */
export function decodeWavTo8k(bytes: Uint8Array): WavAudio {
  const audio = decodeWav(bytes);
  if (audio.sampleRate === SAMPLE_RATE) return audio;
  return { samples: resample(audio.samples, audio.sampleRate, SAMPLE_RATE), sampleRate: SAMPLE_RATE, source: audio.source };
}

/** Sample frames decoded per slice: about 2 ms of work. */
const SLICE_FRAMES = 32768;

/** Like `decodeWavTo8k`, yielding to the event loop every ~2 ms of work (for use inside media workers). */
export async function decodeWavTo8kInSlices(bytes: Uint8Array): Promise<WavAudio> {
  const layout = locateWavChunks(bytes);
  const samples = new Int16Array(frameCount(layout));
  const weights = downMix(layout.format.channels);
  await runInSlices(samples.length, SLICE_FRAMES, (from, to) => decodeWeighted(bytes, layout, weights, samples, from, to));
  const rate = layout.format.sampleRate;
  const converted = rate === SAMPLE_RATE ? samples : await resampleInSlices(samples, rate, SAMPLE_RATE);
  return { samples: converted, sampleRate: SAMPLE_RATE, source: layout.format };
}

/**
 * Reads a WAV file into mono int16 at 8 kHz, in slices so a long file does not stall the worker
 * that reads it; a malformed file throws `WavFormatError` naming it.
 */
export async function readWavFile(path: string): Promise<WavAudio> {
  const bytes = await readFile(path);
  try {
    return await decodeWavTo8kInSlices(bytes);
  } catch (error) {
    if (error instanceof WavFormatError && error.path === undefined) throw new WavFormatError(error.message, path);
    throw error;
  }
}
