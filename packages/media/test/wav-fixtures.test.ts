import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWavFile } from '../src/wav/wav-reader.js';
import { WavEncoding } from '../src/wav/wav-chunks.js';
import { toneLevel } from '../src/tones/level-meter.js';

// Fixtures made with sox (`sox -n -r RATE -e ENC -c CH FILE synth 0.3 sine F vol 0.5`): 300 ms of a
// tone at half full scale (peak ≈ 16384).
const fixture = (name: string): string => join(import.meta.dirname, 'fixtures', 'wav', name);
const HALF_SCALE = 16384;

/** Level of `f` in the middle 200 ms of an 8 kHz buffer. */
const level = (samples: Int16Array, f: number): number => toneLevel(samples.subarray(400, 2000), f);

describe('WAV prompts from sox', () => {
  it.each([
    ['tone-1k-ulaw-8k.wav', WavEncoding.Mulaw],
    ['tone-1k-alaw-8k.wav', WavEncoding.Alaw],
    ['tone-1k-pcm8-8k.wav', WavEncoding.Pcm],
    ['tone-1k-pcm16-16k.wav', WavEncoding.Pcm],
  ])('%s plays as 300 ms of a 1 kHz tone at 8 kHz', async (name, encoding) => {
    const audio = await readWavFile(fixture(name));
    expect(audio.source.encoding).toBe(encoding);
    expect(audio.sampleRate).toBe(8000);
    expect(audio.samples.length).toBe(2400);
    expect(level(audio.samples, 1000) / HALF_SCALE).toBeGreaterThan(0.95);
    expect(level(audio.samples, 1000) / HALF_SCALE).toBeLessThan(1.05);
    expect(level(audio.samples, 2000)).toBeLessThan(300); // no harmonics from a wrong decode
  });

  it('down-mixes a 44.1 kHz stereo file (440 Hz left, 1 kHz right) to mono 8 kHz holding both at half level', async () => {
    const audio = await readWavFile(fixture('tone-440L-1000R-stereo-44k.wav'));
    expect(audio.source.channels).toBe(2);
    expect(audio.samples.length).toBe(2400);
    expect(level(audio.samples, 440) / (HALF_SCALE / 2)).toBeCloseTo(1, 1);
    expect(level(audio.samples, 1000) / (HALF_SCALE / 2)).toBeCloseTo(1, 1);
  });

  it('keeps a 3.5 kHz tone of a 16 kHz file and drops a 6 kHz one (low-pass before decimation)', async () => {
    const kept = await readWavFile(fixture('tone-3500-pcm16-16k.wav'));
    expect(level(kept.samples, 3500) / HALF_SCALE).toBeGreaterThan(0.8);
    const dropped = await readWavFile(fixture('tone-6k-pcm16-16k.wav'));
    expect(level(dropped.samples, 2000)).toBeLessThan(200);
  });
});
