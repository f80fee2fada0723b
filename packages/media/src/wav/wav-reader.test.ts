import { describe, expect, it } from 'vitest';
import { wavHeader } from './wav-writer.js';
import { decodeWav, decodeWavTo8k } from './wav-reader.js';
import { WavFormatError } from './wav-format-error.js';

/** A RIFF chunk with id, little-endian size, body and the pad byte for odd sizes. */
function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'ascii');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

function riff(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WAVE'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

function fmt(tag: number, channels: number, rate: number, bits: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(tag, 0);
  b.writeUInt16LE(channels, 2);
  b.writeUInt32LE(rate, 4);
  b.writeUInt32LE((rate * channels * bits) / 8, 8);
  b.writeUInt16LE((channels * bits) / 8, 12);
  b.writeUInt16LE(bits, 14);
  return b;
}

const pcm16 = (...values: number[]): Buffer => Buffer.from(Int16Array.from(values).buffer);

describe('WAV reader', () => {
  it('skips unknown chunks (LIST, odd-sized with pad byte) before and after fmt', () => {
    const file = riff(chunk('LIST', Buffer.from('INFOabc')), chunk('fmt ', fmt(1, 1, 8000, 16)), chunk('junk', Buffer.alloc(3)), chunk('data', pcm16(1, -2, 300)));
    expect(Array.from(decodeWav(file).samples)).toEqual([1, -2, 300]);
  });

  it('reads the canonical header our writer produces', () => {
    const file = Buffer.concat([wavHeader(6, 1, 8000), pcm16(7, 8, 9)]);
    expect(Array.from(decodeWavTo8k(file).samples)).toEqual([7, 8, 9]);
  });

  it('reads a data chunk cut short (crash before the header was patched) up to the last whole frame', () => {
    const file = Buffer.concat([wavHeader(1000, 2, 8000), pcm16(1, 2, 3, 4, 5)]);
    expect(Array.from(decodeWav(file).samples)).toEqual([2, 4]); // stereo pairs (1,2) (3,4) averaged; 5 is half a frame
  });

  it('decodes 24-bit and 32-bit float PCM to int16', () => {
    const s24 = Buffer.from([0x00, 0x00, 0x40, 0x00, 0x00, 0xc0]); // +0.5, -0.5 full scale
    expect(Array.from(decodeWav(riff(chunk('fmt ', fmt(1, 1, 8000, 24)), chunk('data', s24))).samples)).toEqual([16384, -16384]);
    const f32 = Buffer.from(Float32Array.from([0.5, -1]).buffer);
    expect(Array.from(decodeWav(riff(chunk('fmt ', fmt(3, 1, 8000, 32)), chunk('data', f32))).samples)).toEqual([16384, -32767]);
  });

  it.each([
    ['not RIFF', Buffer.from('RIFX0000WAVE'), /not a RIFF\/WAVE/],
    ['no data chunk', riff(chunk('fmt ', fmt(1, 1, 8000, 16))), /no data chunk/],
    ['no fmt chunk', riff(chunk('LIST', Buffer.alloc(4))), /no fmt chunk/],
    ['data before fmt', riff(chunk('data', pcm16(1)), chunk('fmt ', fmt(1, 1, 8000, 16))), /data chunk before fmt/],
    ['short fmt', riff(chunk('fmt ', Buffer.alloc(10)), chunk('data', pcm16(1))), /fmt chunk too short/],
    ['ADPCM', riff(chunk('fmt ', fmt(2, 1, 8000, 4)), chunk('data', pcm16(1))), /unsupported WAV encoding \(format tag 2\)/],
    ['bad block align', riff(chunk('fmt ', Buffer.from(fmt(1, 2, 8000, 16)).fill(3, 12, 13)), chunk('data', pcm16(1))), /block align/],
  ])('rejects a malformed file (%s) with a WavFormatError saying why', (_name, bytes, message) => {
    expect(() => decodeWav(bytes)).toThrow(WavFormatError);
    expect(() => decodeWav(bytes)).toThrow(message);
  });
});
