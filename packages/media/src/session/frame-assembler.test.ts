import { describe, expect, it } from 'vitest';
import { JitterBuffer } from '../jitter/jitter-buffer.js';
import { FrameAssembler } from './frame-assembler.js';

/** "Decoder" that maps code c to sample c, so the output shows which bytes went where. */
const identity = (codes: Uint8Array, out: Int16Array): Int16Array => {
  codes.forEach((c, i) => (out[i] = c));
  return out;
};
const packet = (from: number, n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i) % 251);

describe('frame assembler', () => {
  it('turns 30 ms packets into 20 ms frames without losing or repeating a sample', () => {
    const jitter = new JitterBuffer({ depth: 2, payloadSize: 480 });
    const assembler = new FrameAssembler(jitter, identity);
    for (let k = 0; k < 8; k++) jitter.push(100 + k, packet(k * 240, 240));
    const out = new Int16Array(160);
    const samples: number[] = [];
    for (let t = 0; t < 12; t++) {
      assembler.next(out);
      samples.push(...out);
    }
    expect(samples).toEqual(Array.from({ length: 1920 }, (_, i) => i % 251));
  });

  it('conceals a missing packet with the previous one and plays silence when idle', () => {
    const jitter = new JitterBuffer({ depth: 2, payloadSize: 480 });
    const assembler = new FrameAssembler(jitter, identity);
    jitter.push(1, new Uint8Array(160).fill(7));
    jitter.push(3, new Uint8Array(160).fill(9));
    const out = new Int16Array(160);
    const frames: number[] = [];
    for (let t = 0; t < 4; t++) {
      assembler.next(out);
      frames.push(out[0] as number);
    }
    expect(frames).toEqual([7, 7, 9, 0]);
  });
});
