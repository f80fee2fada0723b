import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallRecorder } from '../src/recording/call-recorder.js';
import { ToneGenerator } from '../src/tones/tone-generator.js';
import { toneLevel } from '../src/tones/level-meter.js';
import { decodeWav, decodeWavChannels } from '../src/wav/wav-reader.js';

// The caller's phone plays 440 Hz at amplitude 6000, the agent's 1 kHz at 9000, for one second.
const CALLER = { frequencies: [440], amplitude: 6000 };
const AGENT = { frequencies: [1000], amplitude: 9000 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-rec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function playCall(recorder: CallRecorder, ticks: number): void {
  const caller = new ToneGenerator(CALLER);
  const agent = new ToneGenerator(AGENT);
  for (let t = 0; t < ticks; t++) {
    // The session writes what it receives (caller) and what it sends (agent) each tick.
    recorder.writeLeft(caller.nextFrame() ?? new Int16Array(160));
    recorder.writeRight(agent.nextFrame() ?? new Int16Array(160));
  }
}

describe('call recording (by tones)', () => {
  it('stereo: each end’s tone is in its own channel at the level it was played', async () => {
    const path = join(dir, 'call.wav');
    const recorder = CallRecorder.open(path, { mode: 'stereo' });
    playCall(recorder, 50);
    await recorder.close();
    const [left = new Int16Array(0), right = new Int16Array(0)] = decodeWavChannels(readFileSync(path));
    expect(left.length).toBe(8000);
    expect(toneLevel(left, 440)).toBeCloseTo(6000, -1);
    expect(toneLevel(right, 1000)).toBeCloseTo(9000, -1);
    expect(toneLevel(left, 1000)).toBeLessThan(30); // no agent bleeding into the caller's channel
    expect(toneLevel(right, 440)).toBeLessThan(30);
  });

  it('mono: both tones are mixed into one channel at their own levels', async () => {
    const path = join(dir, 'mixed.wav');
    const recorder = CallRecorder.open(path, { mode: 'mono' });
    playCall(recorder, 50);
    await recorder.close();
    const audio = decodeWav(readFileSync(path));
    expect(audio.source.channels).toBe(1);
    expect(toneLevel(audio.samples, 440)).toBeCloseTo(6000, -1);
    expect(toneLevel(audio.samples, 1000)).toBeCloseTo(9000, -1);
  });

  it('a call that ends abruptly (no close) leaves a valid stereo WAV with the audio up to the last flush', async () => {
    const path = join(dir, 'abrupt.wav');
    const recorder = CallRecorder.open(path, { flushEveryMs: 200 });
    playCall(recorder, 37); // 740 ms: three whole flushes (600 ms) reach the disk by themselves
    await new Promise((r) => setTimeout(r, 50));
    // The process "dies" here: nobody calls close(). The file on disk must be playable as it is.
    const [left = new Int16Array(0), right = new Int16Array(0)] = decodeWavChannels(readFileSync(path));
    expect(left.length).toBe(4800);
    expect(toneLevel(left, 440)).toBeCloseTo(6000, -1);
    expect(toneLevel(right, 1000)).toBeCloseTo(9000, -1);
    await recorder.close(); // only to release the descriptor in the test run
  });
});
