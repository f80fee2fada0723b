import { clip16 } from '../frames.js';
import { runInSlices } from './run-in-slices.js';

/**
 * Sample-rate conversion for prompts (16 kHz WAVs, espeak-ng's 22.05 kHz output, 44.1 kHz music).
 *
 * A windowed-sinc interpolator: each output sample is the input convolved with a Blackman-windowed
 * low-pass kernel centred at the output instant. The cut-off sits a little below the lower of the two
 * Nyquist frequencies, so decimation does not fold high frequencies back into the band (the plain
 * "keep every other sample" 2:1 would alias 4–8 kHz onto 0–4 kHz). Kernel weights depend only on the
 * fractional position, which for rational rate ratios takes `to / gcd(from, to)` values: those are
 * computed once per call (an exact 2:1 uses a single phase), so the inner loop is multiply-adds.
 * Prompts are converted once and cached, so this runs off the per-frame path.
 */

/** Zero crossings of the kernel on each side of the centre: more taps, a sharper band edge. */
const ZERO_CROSSINGS = 32;
/** Cut-off as a fraction of the lower Nyquist frequency: leaves a transition band for the window. */
const CUTOFF_FRACTION = 0.95;
/** Above this many distinct phases the kernel is evaluated per sample instead of tabulated. */
const MAX_TABULATED_PHASES = 4096;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Normalised kernel weights for taps at input offsets `first - t .. first + taps - 1 - t`. */
function kernel(taps: number, offset: number, halfWidth: number, cutoff: number, out: Float64Array): void {
  let total = 0;
  for (let j = 0; j < taps; j++) {
    const x = j + offset; // distance from the output instant, in input samples
    const a = Math.abs(x) / halfWidth;
    const window = a >= 1 ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * a) + 0.08 * Math.cos(2 * Math.PI * a);
    const arg = Math.PI * cutoff * x;
    const w = (arg === 0 ? 1 : Math.sin(arg) / arg) * window;
    out[j] = w;
    total += w;
  }
  // Unity gain at DC, whatever the truncation: a constant input stays the same constant.
  for (let j = 0; j < taps; j++) out[j] = (out[j] ?? 0) / total;
}

/** Everything about a conversion that does not depend on the samples: kernel size and weights. */
interface ResamplingPlan {
  fromRate: number;
  toRate: number;
  halfWidth: number;
  taps: number;
  cutoff: number;
  phases: number;
  gcd: number;
  /** `phases × taps` weights, or empty when there are too many phases to tabulate. */
  table: Float64Array;
  scratch: Float64Array;
}

function plan(fromRate: number, toRate: number): ResamplingPlan {
  if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
    throw new RangeError(`sample rates must be positive integers (got ${fromRate} → ${toRate})`);
  }
  // Cut-off in cycles per input sample ×2 (1 = input Nyquist).
  const cutoff = (CUTOFF_FRACTION * Math.min(fromRate, toRate)) / fromRate;
  const halfWidth = Math.ceil(ZERO_CROSSINGS / cutoff);
  const taps = 2 * halfWidth;
  const g = gcd(fromRate, toRate);
  const phases = toRate / g;
  const table = phases <= MAX_TABULATED_PHASES ? new Float64Array(phases * taps) : new Float64Array(0);
  const scratch = new Float64Array(taps);
  if (table.length > 0) {
    for (let p = 0; p < phases; p++) {
      kernel(taps, -halfWidth + 1 - p / phases, halfWidth, cutoff, scratch);
      table.set(scratch, p * taps);
    }
  }
  return { fromRate, toRate, halfWidth, taps, cutoff, phases, gcd: g, table, scratch };
}

/** Computes output samples `from … to - 1` of the conversion into `out`. */
function convert(p: ResamplingPlan, input: Int16Array, out: Int16Array, from: number, to: number): void {
  const { fromRate, toRate, halfWidth, taps, table, scratch } = p;
  for (let n = from; n < to; n++) {
    const numerator = n * fromRate;
    const base = Math.floor(numerator / toRate);
    const phase = (numerator % toRate) / p.gcd;
    let weights = table;
    let weightStart = phase * taps;
    if (table.length === 0) {
      kernel(taps, -halfWidth + 1 - phase / p.phases, halfWidth, p.cutoff, scratch);
      weights = scratch;
      weightStart = 0;
    }
    let acc = 0;
    const first = base - halfWidth + 1;
    for (let j = 0; j < taps; j++) {
      const k = first + j;
      // Outside the input counts as silence (the prompt starts and ends in silence).
      if (k >= 0 && k < input.length) acc += (input[k] ?? 0) * (weights[weightStart + j] ?? 0);
    }
    const v = Math.round(acc);
    out[n] = clip16(v);
  }
}

/** `input` sampled at `fromRate` converted to `toRate` (both in Hz, positive integers), in one go. */
export function resample(input: Int16Array, fromRate: number, toRate: number): Int16Array {
  const p = plan(fromRate, toRate);
  if (fromRate === toRate) return input.slice();
  const out = new Int16Array(Math.floor((input.length * toRate) / fromRate));
  convert(p, input, out, 0, out.length);
  return out;
}

/** Output samples per slice of `resampleInSlices`: about 2 ms of work at 44.1 kHz. */
const SLICE_OUTPUT_SAMPLES = 2000;

/** Like `resample`, yielding to the event loop every ~2 ms of work (for use inside media workers). */
export async function resampleInSlices(input: Int16Array, fromRate: number, toRate: number): Promise<Int16Array> {
  const p = plan(fromRate, toRate);
  if (fromRate === toRate) return input.slice();
  const out = new Int16Array(Math.floor((input.length * toRate) / fromRate));
  await runInSlices(out.length, SLICE_OUTPUT_SAMPLES, (from, to) => convert(p, input, out, from, to));
  return out;
}
