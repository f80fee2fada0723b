import { SAMPLE_RATE } from '../frames.js';

/**
 * Peak amplitude of the `frequency` component of `samples`, by correlating with a sine and a
 * cosine at that frequency (one DFT bin evaluated directly; no Goertzel so that it checks the
 * DTMF detector independently). For a pure tone of amplitude A over a whole number of periods the
 * result is A; other frequencies leak in only slightly when the window holds many periods.
 */
export function toneLevel(samples: ArrayLike<number>, frequency: number, sampleRate = SAMPLE_RATE): number {
  const n = samples.length;
  if (n === 0) return 0;
  let re = 0;
  let im = 0;
  const w = (2 * Math.PI * frequency) / sampleRate;
  for (let i = 0; i < n; i++) {
    const x = samples[i] ?? 0;
    re += x * Math.cos(w * i);
    im += x * Math.sin(w * i);
  }
  return (2 / n) * Math.sqrt(re * re + im * im);
}

/** Root-mean-square level of `samples` in int16 units (a sine of amplitude A has RMS A/√2). */
export function rmsLevel(samples: ArrayLike<number>): number {
  const n = samples.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = samples[i] ?? 0;
    sum += x * x;
  }
  return Math.sqrt(sum / n);
}
