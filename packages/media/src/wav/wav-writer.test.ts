import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeWav } from './wav-reader.js';
import { WavWriter } from './wav-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rexian-wav-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('WavWriter', () => {
  it('is a valid empty WAV the moment it is created', async () => {
    const writer = new WavWriter(join(dir, 'a.wav'));
    const audio = decodeWav(readFileSync(join(dir, 'a.wav')));
    expect(audio.samples.length).toBe(0);
    expect(audio.sampleRate).toBe(8000);
    await writer.close();
  });

  it('round-trips any samples written in any frame sizes, mono and stereo', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 400 }), { maxLength: 8 }),
        fc.constantFrom(1, 2),
        async (chunks, channels) => {
          const path = join(dir, `p${channels}.wav`);
          const writer = new WavWriter(path, { channels, flushEveryMs: 10 });
          const all: number[] = [];
          for (const c of chunks) {
            const whole = c.slice(0, c.length - (c.length % channels));
            writer.write(Int16Array.from(whole));
            all.push(...whole);
          }
          await writer.close();
          const bytes = readFileSync(path);
          expect(bytes.readUInt32LE(40)).toBe(all.length * 2);
          expect(bytes.readUInt32LE(4)).toBe(36 + all.length * 2);
          const interleaved = new Int16Array(bytes.buffer, bytes.byteOffset + 44, all.length);
          expect(Array.from(interleaved)).toEqual(all);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves a readable file holding everything up to the last flush when abandoned without close', async () => {
    const path = join(dir, 'crash.wav');
    const writer = new WavWriter(path, { flushEveryMs: 100 }); // 800 samples per flush
    for (let i = 0; i < 13; i++) writer.write(new Int16Array(160).fill(i + 1)); // 2080 samples
    await writer.flush(); // what a periodic flush had reached when the process died
    writer.write(new Int16Array(160).fill(99)); // buffered, never flushed
    const audio = decodeWav(readFileSync(path));
    expect(audio.samples.length).toBe(2080);
    expect(audio.samples[2079]).toBe(13);
    expect(statSync(path).size).toBe(44 + 2080 * 2);
    await writer.close(); // tidy up the descriptor for the test run
  });

  it('flushes by itself every flushEveryMs of audio', async () => {
    const path = join(dir, 'auto.wav');
    const writer = new WavWriter(path, { flushEveryMs: 40 }); // 320 samples
    writer.write(new Int16Array(480).fill(5));
    await new Promise((r) => setTimeout(r, 20));
    expect(decodeWav(readFileSync(path)).samples.length).toBe(320);
    await writer.close();
    expect(decodeWav(readFileSync(path)).samples.length).toBe(480);
  });

  it('close() is idempotent and ignores frames written after it', async () => {
    const path = join(dir, 'twice.wav');
    const writer = new WavWriter(path);
    writer.write(new Int16Array(160));
    await Promise.all([writer.close(), writer.close()]);
    writer.write(new Int16Array(160));
    await writer.close();
    expect(decodeWav(readFileSync(path)).samples.length).toBe(160);
    expect(writer.durationMs).toBe(20);
  });
});
