import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidStateError } from '../frames.js';
import { decodeWavChannels } from '../wav/wav-reader.js';
import { CallRecorder, RecorderState } from './call-recorder.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-rec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const frame = (v: number): Int16Array => new Int16Array(160).fill(v);
const channels = (path: string): number[][] => decodeWavChannels(readFileSync(path)).map((c) => Array.from(c.filter((_, i) => i % 160 === 0)));

describe('CallRecorder', () => {
  it('records a missing direction as silence so both channels stay aligned tick by tick', async () => {
    const path = join(dir, 'a.wav');
    const r = new CallRecorder(path);
    r.writeLeft(frame(1));
    r.writeRight(frame(10));
    r.writeLeft(frame(2)); // agent frame lost this tick
    r.writeLeft(frame(3));
    r.writeRight(frame(30));
    r.writeRight(frame(40)); // caller frame lost this tick
    r.writeTick(undefined, frame(50));
    await r.close();
    expect(channels(path)).toEqual([
      [1, 2, 3, 0, 0],
      [10, 0, 30, 40, 50],
    ]);
  });

  it('pairs the directions the same way when the agent side is written first each tick', async () => {
    const path = join(dir, 'b.wav');
    const r = new CallRecorder(path);
    for (let t = 1; t <= 3; t++) {
      r.agentSink.write(frame(10 * t));
      if (t !== 2) r.callerSink.write(frame(t));
    }
    await r.close();
    expect(channels(path)).toEqual([
      [1, 0, 3],
      [10, 20, 30],
    ]);
  });

  it('records silence while paused, keeping the timeline, and real audio again after resume', async () => {
    const path = join(dir, 'p.wav');
    const r = new CallRecorder(path);
    r.writeTick(frame(1), frame(2));
    r.pause();
    r.pause();
    expect(r.state).toBe(RecorderState.Paused);
    r.writeTick(frame(4111), frame(4222)); // the card number
    r.resume();
    r.writeTick(frame(5), frame(6));
    await r.close();
    expect(channels(path)).toEqual([
      [1, 0, 5],
      [2, 0, 6],
    ]);
    expect(r.durationMs).toBe(60);
  });

  it('close() writes the half-filled last tick, is idempotent, and later requests are refused or ignored', async () => {
    const path = join(dir, 'c.wav');
    const r = new CallRecorder(path);
    r.writeLeft(frame(9));
    await Promise.all([r.close(), r.close()]);
    expect(r.state).toBe(RecorderState.Closed);
    r.writeTick(frame(1), frame(1));
    expect(() => r.pause()).toThrow(InvalidStateError);
    expect(() => r.resume()).toThrow(InvalidStateError);
    expect(channels(path)).toEqual([[9], [0]]);
  });

  it('refuses at once to record into a directory that does not exist', () => {
    expect(() => new CallRecorder(join(dir, 'missing', 'x.wav'))).toThrow(/ENOENT/);
  });
});
