import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toneSamples } from '../src/tones/tone-generator.js';
import { toneLevel } from '../src/tones/level-meter.js';
import { readWavFile } from '../src/wav/wav-reader.js';
import { WavWriter } from '../src/wav/wav-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-slices-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loading long prompts inside a media worker', () => {
  it('reading 20 s of 44.1 kHz stereo music lets a 5 ms timer keep running (no long stall)', async () => {
    const path = join(dir, 'music.wav');
    const second = toneSamples({ frequencies: [440], amplitude: 6000, durationMs: 1000 }, 44100);
    const stereo = new Int16Array(second.length * 2);
    second.forEach((v, i) => stereo.set([v, v], 2 * i));
    const writer = new WavWriter(path, { channels: 2, sampleRate: 44100 });
    for (let s = 0; s < 20; s++) writer.write(stereo);
    await writer.close();

    let last = performance.now();
    let worstGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    last = started;
    const audio = await readWavFile(path).finally(() => clearInterval(timer));
    const total = performance.now() - started;
    expect(audio.samples.length).toBe(20 * 8000);
    expect(toneLevel(audio.samples.subarray(8000, 16000), 440)).toBeCloseTo(6000, -2);
    // Decoding and resampling this file in one go would stall the loop for the whole load time
    // (≈150 ms here, more on a busy machine); in slices no gap comes close to it.
    expect(worstGap).toBeLessThan(Math.max(60, total / 2));
  });
});
