import { close as closeFd, closeSync, openSync, write as writeFd, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { SAMPLE_RATE, silentLogger, type AudioSink, type MediaLogger } from '../frames.js';

/** Options of a `WavWriter`. */
export interface WavWriterOptions {
  /** 1 (mono) or 2 (stereo, samples interleaved left/right). Default 1. */
  channels?: number;
  /** Default 8000 Hz. */
  sampleRate?: number;
  /** Buffered audio is written out (and the header sizes updated) every this many ms. Default 1000. */
  flushEveryMs?: number;
  logger?: MediaLogger;
}

const HEADER_BYTES = 44;
const BIG_ENDIAN_HOST = endianness() === 'BE';

/** The 44-byte canonical header of a 16-bit PCM WAV holding `dataBytes` of samples. */
export function wavHeader(dataBytes: number, channels: number, sampleRate: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(Math.min(0xffffffff, 36 + dataBytes), 4);
  h.write('WAVEfmt ', 8, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(Math.min(0xffffffff - 36, dataBytes), 40);
  return h;
}

function writeAt(fd: number, bytes: Buffer, position: number): Promise<void> {
  return new Promise((resolve, reject) => writeFd(fd, bytes, 0, bytes.length, position, (e) => (e ? reject(e) : resolve())));
}

/**
 * A streaming 16-bit PCM WAV writer whose file is a valid WAV at every moment.
 *
 * Crash safety, chosen deliberately: the header (with zero lengths) is written synchronously when the
 * writer is created; samples are buffered and written every `flushEveryMs`, each write followed by a
 * rewrite of the header with the new sizes. Data goes before the header, so the sizes on disk never
 * exceed the data on disk: a process killed at any point leaves a playable file holding everything up
 * to the last completed flush (at most `flushEveryMs` of audio is lost). Writes are asynchronous and
 * queued in order so a slow disk never blocks the 20 ms tick that feeds the writer. We do not fsync:
 * that protects against a dying process (the page cache survives it), not against power loss, which
 * would cost an fsync per call per second that 300 recorded calls cannot afford on one disk.
 */
export class WavWriter implements AudioSink {
  readonly channels: number;
  readonly sampleRate: number;
  private readonly fd: number;
  private readonly logger: MediaLogger;
  private pending: Int16Array;
  private spare: Int16Array | undefined;
  private pendingLength = 0;
  private dataBytes = 0;
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;
  private closing: Promise<void> | undefined;

  constructor(readonly path: string, options: WavWriterOptions = {}) {
    this.channels = options.channels ?? 1;
    this.sampleRate = options.sampleRate ?? SAMPLE_RATE;
    this.logger = options.logger ?? silentLogger;
    const flushMs = options.flushEveryMs ?? 1000;
    this.pending = new Int16Array(Math.max(1, Math.round((flushMs * this.sampleRate) / 1000)) * this.channels);
    this.fd = openSync(path, 'w');
    try {
      writeSync(this.fd, wavHeader(0, this.channels, this.sampleRate), 0, HEADER_BYTES, 0);
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** Milliseconds of audio accepted so far (written or still buffered). */
  get durationMs(): number {
    return ((this.dataBytes / 2 + this.pendingLength) / this.channels / this.sampleRate) * 1000;
  }

  /** Appends interleaved samples (a whole number of sample frames); the writer copies them. */
  write(samples: Int16Array): void {
    if (this.closing) return; // late frames after close (a tick racing the hang-up) are dropped
    let from = 0;
    while (from < samples.length) {
      const n = Math.min(samples.length - from, this.pending.length - this.pendingLength);
      this.pending.set(samples.subarray(from, from + n), this.pendingLength);
      this.pendingLength += n;
      from += n;
      if (this.pendingLength === this.pending.length) void this.flush();
    }
  }

  /** Writes buffered samples and updates the header; resolves when both are on disk (page cache). */
  flush(): Promise<void> {
    if (this.pendingLength > 0) {
      const handedOff = this.pending;
      const bytes = Buffer.from(handedOff.buffer, 0, this.pendingLength * 2);
      // The old buffer belongs to the write until it completes; then it becomes the spare, so a
      // steady recording swaps two buffers instead of allocating one per flush.
      this.pending = this.spare ?? new Int16Array(handedOff.length);
      this.spare = undefined;
      this.pendingLength = 0;
      if (BIG_ENDIAN_HOST) bytes.swap16();
      const position = HEADER_BYTES + this.dataBytes;
      this.dataBytes += bytes.length;
      const header = wavHeader(this.dataBytes, this.channels, this.sampleRate);
      this.queue = this.queue
        .then(() => writeAt(this.fd, bytes, position))
        .then(() => writeAt(this.fd, header, 0))
        .then(() => {
          this.spare = handedOff; // its contents are overwritten before the next flush
        })
        .catch((error: unknown) => {
          this.failure ??= error;
          this.logger.error({ err: error, path: this.path }, 'WAV write failed');
        });
    }
    return this.queue;
  }

  /** Flushes, patches the header and closes the file; safe to call twice. Rejects if a write failed. */
  close(): Promise<void> {
    this.closing ??= this.flush()
      .then(() => new Promise<void>((resolve, reject) => closeFd(this.fd, (e) => (e ? reject(e) : resolve()))))
      .then(() => {
        if (this.failure !== undefined) throw this.failure;
      });
    return this.closing;
  }
}
