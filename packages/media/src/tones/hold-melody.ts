import { SAMPLE_RATE } from '../frames.js';

// A slow, soft arpeggio (C major, then A minor) with plucked-string envelopes: pleasant enough to
// wait on, never a steady tone that could be mistaken for a dial or busy signal or trigger DTMF.
const NOTES_HZ = [523.25, 659.25, 783.99, 659.25, 440.0, 523.25, 659.25, 523.25];
const NOTE_MS = 450;
const PAUSE_MS = 900;
const PEAK = 3000;

let melody: Int16Array | undefined;

/** The generated music-on-hold loop (about 4.5 s), built once and shared by every caller on hold. */
export function holdMelody(): Int16Array {
  melody ??= buildMelody();
  return melody;
}

function buildMelody(): Int16Array {
  const noteSamples = (NOTE_MS * SAMPLE_RATE) / 1000;
  const out = new Int16Array(NOTES_HZ.length * noteSamples + (PAUSE_MS * SAMPLE_RATE) / 1000);
  NOTES_HZ.forEach((f, n) => {
    for (let i = 0; i < noteSamples; i++) {
      const t = i / SAMPLE_RATE;
      const attack = Math.min(1, i / 80); // 10 ms attack: no click at note start
      const decay = Math.exp(-t * 5);
      const release = Math.min(1, (noteSamples - i) / 160); // fade out in the last 20 ms
      // Fundamental plus a quieter octave gives a gentle bell-like timbre.
      const wave = Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
      out[n * noteSamples + i] = Math.round(PEAK * attack * decay * release * wave);
    }
  });
  return out;
}
