import { describe, expect, it } from 'vitest';
import { toneSamples } from '../tones/tone-generator.js';
import { toneLevel } from '../tones/level-meter.js';
import { resample } from './resampler.js';

/** Level of `frequency` in the middle of `samples` (edges fade in and out through the filter). */
function midLevel(samples: Int16Array, frequency: number): number {
  return toneLevel(samples.subarray(400, samples.length - 400), frequency);
}

describe('resample', () => {
  it('halves a 16 kHz buffer to exactly half the samples, keeping an in-band 1 kHz tone at its level', () => {
    const input = toneSamples({ frequencies: [1000], amplitude: 10000, durationMs: 500 }, 16000);
    const out = resample(input, 16000, 8000);
    expect(out.length).toBe(input.length / 2);
    expect(midLevel(out, 1000)).toBeGreaterThan(9700);
    expect(midLevel(out, 1000)).toBeLessThan(10300);
  });

  it('removes a 6 kHz tone when going 16 → 8 kHz instead of folding it onto 2 kHz', () => {
    const input = toneSamples({ frequencies: [6000], amplitude: 10000, durationMs: 500 }, 16000);
    const out = resample(input, 16000, 8000);
    expect(midLevel(out, 2000)).toBeLessThan(100); // naive decimation would leave 10000 here
  });

  it('converts espeak-ng’s 22 050 Hz to 8 kHz with the right length and tone level', () => {
    const input = toneSamples({ frequencies: [440], amplitude: 8000, durationMs: 1000 }, 22050);
    const out = resample(input, 22050, 8000);
    expect(out.length).toBe(8000);
    expect(midLevel(out, 440)).toBeGreaterThan(7700);
    expect(midLevel(out, 440)).toBeLessThan(8300);
  });

  it('upsamples 6 kHz to 8 kHz keeping a 1 kHz tone', () => {
    const input = toneSamples({ frequencies: [1000], amplitude: 8000, durationMs: 600 }, 6000);
    const out = resample(input, 6000, 8000);
    expect(out.length).toBe(Math.floor((input.length * 8000) / 6000));
    expect(midLevel(out, 1000)).toBeGreaterThan(7700);
  });

  it('keeps a constant signal constant (unity gain at DC) away from the edges', () => {
    const out = resample(new Int16Array(4410).fill(1234), 44100, 8000);
    for (const v of out.subarray(50, out.length - 50)) expect(Math.abs(v - 1234)).toBeLessThanOrEqual(1);
  });

  it('returns a copy at equal rates and rejects non-integer rates', () => {
    const input = Int16Array.from([1, 2, 3]);
    const out = resample(input, 8000, 8000);
    expect(Array.from(out)).toEqual([1, 2, 3]);
    expect(out).not.toBe(input);
    expect(() => resample(input, 8000.5, 8000)).toThrow(RangeError);
  });
});
