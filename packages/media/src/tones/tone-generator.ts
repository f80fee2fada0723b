import { clip16, FRAME_SAMPLES, SAMPLE_RATE, type AudioSource } from '../frames.js';

/** What a tone is made of: one frequency (a sine) or several summed (dual-tone, chords). */
export interface ToneSpec {
  /** Frequencies in Hz, summed with equal weight. */
  frequencies: readonly number[];
  /** Peak amplitude of each component, in int16 units (default 8000, about -12 dBFS). */
  amplitude?: number;
  /** Length in ms; omitted means endless. */
  durationMs?: number;
}

/** Fills `out` with the tone's samples starting at absolute sample index `start`. */
function fillTone(out: Int16Array, spec: ToneSpec, start: number, sampleRate: number): void {
  const amplitude = spec.amplitude ?? 8000;
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (const f of spec.frequencies) sum += Math.sin((2 * Math.PI * f * (start + i)) / sampleRate);
    const v = Math.round(sum * amplitude);
    out[i] = clip16(v);
  }
}

/** The whole tone as one buffer (its `durationMs` is required here). */
export function toneSamples(spec: ToneSpec & { durationMs: number }, sampleRate = SAMPLE_RATE): Int16Array {
  const out = new Int16Array(Math.round((spec.durationMs * sampleRate) / 1000));
  fillTone(out, spec, 0, sampleRate);
  return out;
}

/**
 * An `AudioSource` playing a tone frame by frame with continuous phase across frames (restarting
 * the phase each frame would click 50 times a second).
 */
export class ToneGenerator implements AudioSource {
  private readonly frame = new Int16Array(FRAME_SAMPLES);
  private position = 0;
  private readonly totalSamples: number;
  private closed = false;

  constructor(private readonly spec: ToneSpec) {
    this.totalSamples =
      spec.durationMs === undefined ? Infinity : Math.round((spec.durationMs * SAMPLE_RATE) / 1000);
  }

  nextFrame(): Int16Array | undefined {
    if (this.closed || this.position >= this.totalSamples) return undefined;
    fillTone(this.frame, this.spec, this.position, SAMPLE_RATE);
    const remaining = this.totalSamples - this.position;
    // A tone ending mid-frame is padded with silence so the frame stays 160 samples.
    if (remaining < FRAME_SAMPLES) this.frame.fill(0, remaining);
    this.position += FRAME_SAMPLES;
    return this.frame;
  }

  close(): void {
    this.closed = true;
  }
}
