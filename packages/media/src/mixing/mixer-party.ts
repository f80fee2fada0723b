import { copyFrame, FRAME_SAMPLES, type AudioSink, type AudioSource } from '../frames.js';

/**
 * How a party takes part in a mix. Roles are what a supervisor picks on the wallboard:
 * - `Participant`: an ordinary conference member; hears everyone else, everyone hears them.
 * - `Listen`: hears everyone; nobody hears them (silent monitoring).
 * - `Whisper`: hears everyone; only the parties in `whisperTo` (the agent) hear them — the caller does not.
 * - `Barge`: joins openly; everyone hears everyone, as a participant.
 */
export enum PartyRole {
  Participant = 'participant',
  Listen = 'listen',
  Whisper = 'whisper',
  Barge = 'barge',
}

/** One leg in a `Mixer`: feed `input(frame)` each tick, read `output()` after the mixer's tick. */
export class MixerParty {
  /** This tick's input (silence unless `input()` was called since the last tick). */
  readonly inputFrame = new Int16Array(FRAME_SAMPLES);
  /** What this party hears, recomputed by every `Mixer.tick()`; the buffer is reused. */
  readonly outputFrame = new Int16Array(FRAME_SAMPLES);
  hasInput = false;
  role: PartyRole;
  whisperTo: ReadonlySet<string>;

  constructor(
    readonly id: string,
    role: PartyRole,
    whisperTo: Iterable<string>,
  ) {
    this.role = role;
    this.whisperTo = new Set(whisperTo);
  }

  /** Whether everyone in the mix hears this party. */
  get isHeardByAll(): boolean {
    return this.role === PartyRole.Participant || this.role === PartyRole.Barge;
  }

  /** Gives this tick's audio from the party (copied: the caller may reuse its buffer). */
  input(frame: Int16Array): void {
    copyFrame(frame, this.inputFrame);
    this.hasInput = true;
  }

  /** What the party hears: the sum of the parties audible to it, never itself, clipped to int16. */
  output(): Int16Array {
    return this.outputFrame;
  }

  /** The party's output as the source its media session sends (never finishes while in the mix). */
  readonly source: AudioSource = {
    nextFrame: () => this.outputFrame,
    close: () => undefined,
  };

  /** The party's input as the sink its media session writes received audio into. */
  readonly sink: AudioSink = {
    write: (frame) => this.input(frame),
    close: () => undefined,
  };
}
