import { describe, expect, it } from 'vitest';
import { InbandDtmfDetector } from './inband-dtmf-detector.js';

const RATE = 8000;
const ROW: Record<string, number> = { '1': 697, '2': 697, '3': 697, A: 697, '4': 770, '5': 770, '6': 770, B: 770, '7': 852, '8': 852, '9': 852, C: 852, '*': 941, '0': 941, '#': 941, D: 941 };
const COL: Record<string, number> = { '1': 1209, '4': 1209, '7': 1209, '*': 1209, '2': 1336, '5': 1336, '8': 1336, '0': 1336, '3': 1477, '6': 1477, '9': 1477, '#': 1477, A: 1633, B: 1633, C: 1633, D: 1633 };

/** Deterministic pseudo-random numbers so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 0x100000000);
}

/**
 * Voice-like audio: a glottal pulse train (pitch gliding 90–250 Hz) with harmonics shaped by three
 * moving formants, syllable-rate amplitude modulation and a little breath noise.
 */
function speech(samples: number, seed: number, level = 6000): Float64Array {
  const rand = rng(seed);
  const out = new Float64Array(samples);
  let phase = 0;
  for (let i = 0; i < samples; i++) {
    const t = i / RATE;
    const pitch = 90 + 160 * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.7 * t + seed));
    phase += (2 * Math.PI * pitch) / RATE;
    const f1 = 500 + 300 * Math.sin(2 * Math.PI * 3.1 * t + seed);
    const f2 = 1500 + 600 * Math.sin(2 * Math.PI * 2.3 * t + 2 * seed);
    const f3 = 2500 + 300 * Math.sin(2 * Math.PI * 1.7 * t);
    let v = 0;
    for (let h = 1; h * pitch < 3800; h++) {
      const f = h * pitch;
      const gain = 1 / (1 + ((f - f1) / 120) ** 2) + 0.6 / (1 + ((f - f2) / 150) ** 2) + 0.3 / (1 + ((f - f3) / 200) ** 2);
      v += gain * Math.sin(h * phase);
    }
    const syllable = 0.3 + 0.7 * Math.abs(Math.sin(2 * Math.PI * 4 * t));
    out[i] = level * 0.5 * syllable * v + 300 * (rand() - 0.5);
  }
  return out;
}

function addTone(into: Float64Array, digit: string, startMs: number, ms: number, level = 6000): void {
  const start = (startMs * RATE) / 1000;
  for (let i = 0; i < (ms * RATE) / 1000; i++) {
    const t = i / RATE;
    into[start + i] = (into[start + i] ?? 0) + level * (Math.sin(2 * Math.PI * (ROW[digit] as number) * t) + 0.8 * Math.sin(2 * Math.PI * (COL[digit] as number) * t));
  }
}

function detect(audio: Float64Array): string {
  const digits: string[] = [];
  const detector = new InbandDtmfDetector((d) => digits.push(d));
  const frame = new Int16Array(160);
  for (let at = 0; at + 160 <= audio.length; at += 160) {
    for (let i = 0; i < 160; i++) frame[i] = Math.max(-32768, Math.min(32767, Math.round(audio[at + i] as number)));
    detector.process(frame);
  }
  return digits.join('');
}

describe('in-band DTMF detection (Goertzel)', () => {
  it('detects every key of the keypad in clean tones (100 ms on, 60 ms off)', () => {
    const keys = '0123456789*#ABCD';
    const audio = new Float64Array(keys.length * 1280 + 800);
    [...keys].forEach((k, i) => addTone(audio, k, 50 + i * 160, 100));
    expect(detect(audio)).toBe(keys);
  });

  it('detects exactly the digits mixed into speech-like audio, at random offsets', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rand = rng(seed * 77);
      const digits = Array.from({ length: 8 }, () => '0123456789*#'[Math.floor(rand() * 12)]).join('');
      const audio = speech(RATE * 6, seed, 2000);
      let at = 300;
      for (const d of digits) {
        addTone(audio, d, at, 80 + Math.floor(rand() * 80));
        at += 400 + Math.floor(rand() * 200);
      }
      expect(detect(audio)).toBe(digits);
    }
  });

  it('does not fire on speech-like audio alone, loud or soft', () => {
    for (let seed = 1; seed <= 8; seed++) {
      expect(detect(speech(RATE * 5, seed, seed % 2 ? 8000 : 2500))).toBe('');
    }
  });

  it('ignores a tone shorter than 40 ms and a single tone (no column)', () => {
    const audio = new Float64Array(RATE);
    addTone(audio, '5', 100, 25);
    const single = new Float64Array(RATE);
    for (let i = 0; i < single.length; i++) single[i] = 8000 * Math.sin((2 * Math.PI * 770 * i) / RATE);
    expect(detect(audio) + detect(single)).toBe('');
  });

  it('the same key pressed twice with a gap counts twice', () => {
    const audio = new Float64Array(RATE);
    addTone(audio, '7', 40, 100);
    addTone(audio, '7', 240, 100);
    expect(detect(audio)).toBe('77');
  });
});
