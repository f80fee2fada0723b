/**
 * The frame contract shared by every part of the media engine: audio moves as 8 kHz mono signed
 * 16-bit linear PCM, one 20 ms frame (160 samples) per tick, as an `Int16Array`.
 *
 * Everything that produces audio (prompt players, music on hold, the mixer's outputs) is an
 * `AudioSource` pulled once per tick; everything that consumes audio (recorders, the mixer's inputs,
 * the RTP sender) is an `AudioSink` written once per tick. Both are synchronous per frame so a media
 * session can drive them from its 20 ms timer without awaiting anything.
 */

/** Samples per second of every frame in the engine (G.711 narrowband). */
export const SAMPLE_RATE = 8000;
/** Duration of one frame in milliseconds (RTP packetisation time for G.711). */
export const FRAME_MS = 20;
/** Samples in one frame: 8000 Hz × 20 ms. */
export const FRAME_SAMPLES = 160;

/** A producer of audio, pulled once per 20 ms tick. */
export interface AudioSource {
  /**
   * The next 160-sample frame, or `undefined` once the source has finished (a player at the end of
   * its playlist). A source may return the same buffer on every call: the caller must consume or
   * copy it before pulling again.
   */
  nextFrame(): Int16Array | undefined;
  /** Releases the source; safe to call twice. `nextFrame()` returns `undefined` afterwards. */
  close(): void;
}

/** A consumer of audio, written once per 20 ms tick. */
export interface AudioSink {
  /** Consumes one 160-sample frame; the sink copies what it keeps (the caller may reuse the buffer). */
  write(frame: Int16Array): void;
  /** Flushes and releases the sink; safe to call twice. */
  close(): Promise<void> | void;
}

/** Optional pino-compatible logger accepted by media classes; default is a no-op. */
export interface MediaLogger {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

const noop = (): void => undefined;
/** The logger used when none is injected. */
export const silentLogger: MediaLogger = { debug: noop, info: noop, warn: noop, error: noop };

/** A new frame of digital silence (all zeros). */
export function silentFrame(): Int16Array {
  return new Int16Array(FRAME_SAMPLES);
}

/** One shared silent frame for callers that only read it: never write into it. */
export const SILENT_FRAME: Int16Array = new Int16Array(FRAME_SAMPLES);

/** Clips a 32-bit sum to the signed 16-bit range (saturation instead of wrap-around). */
export function clip16(value: number): number {
  return value > 32767 ? 32767 : value < -32768 ? -32768 : value;
}

/**
 * Copies a frame into `target` (160 samples): a longer frame is cut, a shorter one padded with
 * silence, so a stale tail of the previous tick never leaks into this one.
 */
export function copyFrame(frame: Int16Array, target: Int16Array): void {
  if (frame.length >= target.length) target.set(frame.subarray(0, target.length));
  else {
    target.set(frame);
    target.fill(0, frame.length);
  }
}

/** Milliseconds of audio to a whole number of frames, rounded up (a 30 ms pause is 2 frames). */
export function framesForMs(ms: number): number {
  return Math.max(0, Math.ceil(ms / FRAME_MS));
}

/** A request to a media object (player, recorder, mixer) that has already been closed. */
export class InvalidStateError extends Error {
  override readonly name = 'InvalidStateError';
}
