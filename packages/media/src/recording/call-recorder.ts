import { clip16, copyFrame, FRAME_SAMPLES, InvalidStateError, silentLogger, type AudioSink, type MediaLogger } from '../frames.js';
import { WavWriter } from '../wav/wav-writer.js';

/**
 * Recorder states.
 * ```
 *   Recording ⇄ Paused
 *       \        /
 *        Closed
 * ```
 */
export enum RecorderState {
  Recording = 'recording',
  Paused = 'paused',
  Closed = 'closed',
}

const ALLOWED: Record<RecorderState, readonly RecorderState[]> = {
  [RecorderState.Recording]: [RecorderState.Paused, RecorderState.Closed],
  [RecorderState.Paused]: [RecorderState.Recording, RecorderState.Closed],
  [RecorderState.Closed]: [],
};

/** `stereo`: caller left, agent right. `mono`: both directions mixed into one channel. */
export type RecordingMode = 'stereo' | 'mono';

export interface CallRecorderOptions {
  mode?: RecordingMode;
  /** Audio reaches the disk (with a valid header) at least this often; a crash loses at most this much. Default 1000. */
  flushEveryMs?: number;
  logger?: MediaLogger;
}

/**
 * Records both directions of a call into one WAV, fed once per 20 ms tick.
 *
 * Alignment: each tick is one frame per direction; a direction with no frame that tick (a lost
 * packet, nothing playing) is recorded as silence, so caller and agent never drift apart.
 * Pause (for card numbers) records silence rather than skipping: the timeline stays honest, so a
 * reviewer sees where and how long the recording was paused and timestamps keep matching the CDR.
 * The file is valid at every flush (see `WavWriter`), so a call that ends abruptly — even a process
 * that dies without `close()` — leaves a playable recording.
 */
export class CallRecorder {
  readonly mode: RecordingMode;
  private stateValue = RecorderState.Recording;
  private readonly writer: WavWriter;
  private readonly logger: MediaLogger;
  private readonly out: Int16Array;
  private readonly left = new Int16Array(FRAME_SAMPLES);
  private readonly right = new Int16Array(FRAME_SAMPLES);
  private hasLeft = false;
  private hasRight = false;

  constructor(readonly path: string, options: CallRecorderOptions = {}) {
    this.mode = options.mode ?? 'stereo';
    this.logger = options.logger ?? silentLogger;
    this.writer = new WavWriter(path, { channels: this.mode === 'stereo' ? 2 : 1, flushEveryMs: options.flushEveryMs, logger: this.logger });
    this.out = new Int16Array(this.mode === 'stereo' ? FRAME_SAMPLES * 2 : FRAME_SAMPLES);
  }

  /** Opens `path` (created or truncated) and starts recording. */
  static open(path: string, options: CallRecorderOptions = {}): CallRecorder {
    return new CallRecorder(path, options);
  }

  get state(): RecorderState {
    return this.stateValue;
  }

  /** Milliseconds of call recorded so far, paused stretches included. */
  get durationMs(): number {
    return this.writer.durationMs;
  }

  /** Records one tick: the caller's and the agent's frame; a missing one is silence. */
  writeTick(caller: Int16Array | undefined, agent: Int16Array | undefined): void {
    if (this.hasLeft || this.hasRight) this.commitPending(); // keep order when both APIs are mixed
    this.writeFrames(caller, agent);
  }

  private writeFrames(caller: Int16Array | undefined, agent: Int16Array | undefined): void {
    if (this.stateValue === RecorderState.Closed) return; // a tick racing the hang-up
    const paused = this.stateValue === RecorderState.Paused;
    const out = this.out;
    if (this.mode === 'stereo') {
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        out[2 * i] = paused ? 0 : (caller?.[i] ?? 0);
        out[2 * i + 1] = paused ? 0 : (agent?.[i] ?? 0);
      }
    } else {
      for (let i = 0; i < FRAME_SAMPLES; i++) out[i] = paused ? 0 : clip16((caller?.[i] ?? 0) + (agent?.[i] ?? 0));
    }
    this.writer.write(out);
  }

  /**
   * The caller's frame for this tick (what the session receives). With `writeRight` this pairs the
   * two directions without an explicit tick: a tick is written once both arrived, or when one side
   * arrives twice (the other side missed that tick and is recorded as silence).
   */
  writeLeft(frame: Int16Array): void {
    if (this.hasLeft) this.commitPending();
    copyFrame(frame, this.left);
    this.hasLeft = true;
    if (this.hasRight) this.commitPending();
  }

  /** The agent's frame for this tick (what the session sends); see `writeLeft`. */
  writeRight(frame: Int16Array): void {
    if (this.hasRight) this.commitPending();
    copyFrame(frame, this.right);
    this.hasRight = true;
    if (this.hasLeft) this.commitPending();
  }

  /** The two directions as sinks, for code that only knows `AudioSink`. Closing a sink closes nothing. */
  get callerSink(): AudioSink {
    return { write: (frame) => this.writeLeft(frame), close: () => undefined };
  }

  get agentSink(): AudioSink {
    return { write: (frame) => this.writeRight(frame), close: () => undefined };
  }

  /** Records silence until `resume()` (card numbers are not kept). Pausing twice is harmless. */
  pause(): void {
    if (this.stateValue === RecorderState.Recording) this.transitionTo(RecorderState.Paused);
    else if (this.stateValue === RecorderState.Closed) throw new InvalidStateError('recorder is closed');
  }

  resume(): void {
    if (this.stateValue === RecorderState.Paused) this.transitionTo(RecorderState.Recording);
    else if (this.stateValue === RecorderState.Closed) throw new InvalidStateError('recorder is closed');
  }

  /** Writes any half-filled tick, closes the file with correct sizes; safe to call twice. */
  close(): Promise<void> {
    if (this.stateValue !== RecorderState.Closed) {
      if (this.hasLeft || this.hasRight) this.commitPending();
      this.transitionTo(RecorderState.Closed);
    }
    return this.writer.close();
  }

  private commitPending(): void {
    const left = this.hasLeft ? this.left : undefined;
    const right = this.hasRight ? this.right : undefined;
    this.hasLeft = false;
    this.hasRight = false;
    this.writeFrames(left, right);
  }

  private transitionTo(next: RecorderState): void {
    if (!ALLOWED[this.stateValue].includes(next)) {
      throw new InvalidStateError(`recorder cannot go from ${this.stateValue} to ${next}`);
    }
    this.logger.debug({ path: this.path, from: this.stateValue, to: next }, 'recorder state');
    this.stateValue = next;
  }
}
