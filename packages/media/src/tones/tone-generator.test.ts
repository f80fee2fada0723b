import { describe, expect, it } from 'vitest';
import { ToneGenerator, toneSamples } from './tone-generator.js';
import { rmsLevel, toneLevel } from './level-meter.js';

describe('tone generator and level meter', () => {
  it('a dual tone holds both components at their amplitude and nothing at a third frequency', () => {
    const tone = toneSamples({ frequencies: [697, 1209], amplitude: 5000, durationMs: 500 });
    expect(toneLevel(tone, 697)).toBeCloseTo(5000, -1);
    expect(toneLevel(tone, 1209)).toBeCloseTo(5000, -1);
    expect(toneLevel(tone, 941)).toBeLessThan(50);
  });

  it('frame by frame output equals the whole tone (phase continues across frames, no clicks)', () => {
    const whole = toneSamples({ frequencies: [440], amplitude: 3000, durationMs: 100 });
    const gen = new ToneGenerator({ frequencies: [440], amplitude: 3000, durationMs: 100 });
    const frames: number[] = [];
    for (let f = gen.nextFrame(); f; f = gen.nextFrame()) frames.push(...f);
    expect(frames).toEqual(Array.from(whole));
  });

  it('ends after its duration, padding the last frame with silence', () => {
    const gen = new ToneGenerator({ frequencies: [1000], durationMs: 30 });
    expect(gen.nextFrame()).toBeDefined();
    const last = gen.nextFrame();
    expect(rmsLevel(last?.subarray(80) ?? [1])).toBe(0);
    expect(gen.nextFrame()).toBeUndefined();
  });

  it('RMS of a sine is its amplitude over √2', () => {
    expect(rmsLevel(toneSamples({ frequencies: [500], amplitude: 10000, durationMs: 100 }))).toBeCloseTo(10000 / Math.SQRT2, -1);
  });
});
