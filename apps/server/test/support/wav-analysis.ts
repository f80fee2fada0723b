/**
 * What a test can hear in a WAV (a phone's recording, a stereo call recording): loudness per
 * channel over the whole file and over windows, and the level of one tone by the Goertzel
 * algorithm (one DFT bin, G. Goertzel 1958), so a supervisor test can tell which side hears
 * which tone (e.g. the caller's 1000 Hz on the left, the agent's 600 Hz on the right).
 */
import { readFileSync } from 'node:fs';
import { decodeWav, decodeWavChannels, rmsLevel } from '@rexian/media';

export interface WavSignal {
  sampleRate: number;
  /** One int16 array per channel (0 = left / mono). */
  channels: Int16Array[];
  durationMs: number;
}

/** Reads a PCM or G.711 WAV, keeping each channel apart at the file's own rate. */
export function readWavSignal(file: string): WavSignal {
  const bytes = new Uint8Array(readFileSync(file));
  const { sampleRate } = decodeWav(bytes);
  const channels = decodeWavChannels(bytes);
  return { sampleRate, channels, durationMs: ((channels[0]?.length ?? 0) * 1000) / sampleRate };
}

function channelOf(signal: WavSignal, channel: number): Int16Array {
  const samples = signal.channels[channel];
  if (samples === undefined) throw new RangeError(`the WAV has ${signal.channels.length} channel(s), not channel ${channel}`);
  return samples;
}

/** RMS of a whole channel, in int16 units (a sine of amplitude A has RMS A/√2). */
export function channelRms(signal: WavSignal, channel = 0): number {
  return rmsLevel(channelOf(signal, channel));
}

/** RMS of consecutive `windowMs` windows of a channel (the last, shorter window dropped). */
export function windowRms(signal: WavSignal, channel = 0, windowMs = 100): number[] {
  const samples = channelOf(signal, channel);
  const size = Math.max(1, Math.round((signal.sampleRate * windowMs) / 1000));
  const out: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) out.push(rmsLevel(samples.subarray(start, start + size)));
  return out;
}

/** Whether a channel carries sound: its RMS over the whole file reaches `minRms` (int16 units). */
export function hasEnergy(signal: WavSignal, channel = 0, minRms = 100): boolean {
  return channelRms(signal, channel) >= minRms;
}

/**
 * Amplitude (int16 units) of the `hz` component of a channel, or of samples `fromMs … toMs`:
 * for a pure tone of amplitude A it is about A; other tones far from `hz` give little.
 */
export function toneLevel(signal: WavSignal, channel: number, hz: number, range?: { fromMs: number; toMs: number }): number {
  const all = channelOf(signal, channel);
  const at = (ms: number) => Math.min(all.length, Math.max(0, Math.round((ms * signal.sampleRate) / 1000)));
  const samples = range ? all.subarray(at(range.fromMs), at(range.toMs)) : all;
  const n = samples.length;
  if (n === 0) return 0;
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / signal.sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (const x of samples) {
    const current = x + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return (2 * Math.sqrt(Math.max(0, power))) / n;
}
