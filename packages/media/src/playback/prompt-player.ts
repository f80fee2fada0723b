import { FRAME_SAMPLES, InvalidStateError, silentLogger, type AudioSource, type MediaLogger } from '../frames.js';
import type { TextToSpeech } from '../tts/text-to-speech.js';
import { sharedPromptCache, type PromptCache } from './prompt-cache.js';
import { loadPlaylist, type PlaylistItem } from './playlist.js';

/**
 * Player states.
 * ```
 *   Playing ──end of playlist──▶ Finished
 *      │ ──barge-in / stop()──▶ Stopped
 *      └──────── close() ──────▶ Closed  (also from Finished and Stopped)
 * ```
 */
export enum PlayerState {
  Playing = 'playing',
  Finished = 'finished',
  Stopped = 'stopped',
  Closed = 'closed',
}

const ALLOWED: Record<PlayerState, readonly PlayerState[]> = {
  [PlayerState.Playing]: [PlayerState.Finished, PlayerState.Stopped, PlayerState.Closed],
  [PlayerState.Finished]: [PlayerState.Closed],
  [PlayerState.Stopped]: [PlayerState.Closed],
  [PlayerState.Closed]: [],
};

/** Why playback ended: the whole playlist played, a digit barged in, `stop()`, or `close()`. */
export interface PlaybackEnd {
  reason: 'completed' | 'barged-in' | 'stopped' | 'closed';
  /** The digit that barged in. */
  digit?: string;
}

export interface PromptPlayerOptions {
  /** Stop on the first DTMF digit (barge-in). Default false: the prompt must be heard to the end. */
  stopOnDigit?: boolean;
  /** Start again after the last item (music on hold, "please hold" loops). Default false. */
  loop?: boolean;
  /** Indexes of items a digit cannot interrupt (from items with `bargeIn: false`). */
  protectedItems?: readonly number[];
  /** Called after the last frame of each item was handed out (index in the playlist). */
  onItemFinished?: (index: number) => void;
  /** Called once when playback ends, whatever the reason. */
  onFinished?: (end: PlaybackEnd) => void;
  logger?: MediaLogger;
}

export interface PromptPlayerLoadOptions extends PromptPlayerOptions {
  cache?: PromptCache;
  tts?: TextToSpeech;
}

/**
 * Plays a playlist as an `AudioSource`, one 20 ms frame per `nextFrame()`. Each item starts on a
 * frame boundary (its last frame is padded with silence), so item events line up with ticks.
 * Loading is asynchronous (`PromptPlayer.load`) and playing synchronous: a tick never waits on a file.
 */
export class PromptPlayer implements AudioSource {
  private stateValue = PlayerState.Playing;
  private readonly frame = new Int16Array(FRAME_SAMPLES);
  /** The item whose audio was last handed out (the one the caller is hearing). */
  private item = 0;
  private offset = 0;
  private readonly logger: MediaLogger;
  private resolveEnded!: (end: PlaybackEnd) => void;
  /** Resolves when playback ends, with why. */
  readonly ended = new Promise<PlaybackEnd>((resolve) => (this.resolveEnded = resolve));

  constructor(
    private readonly clips: readonly Int16Array[],
    private readonly options: PromptPlayerOptions = {},
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Decodes (or takes from the cache) every item, then returns a player ready to play. */
  static async load(items: readonly PlaylistItem[], options: PromptPlayerLoadOptions = {}): Promise<PromptPlayer> {
    const clips = await loadPlaylist(items, { cache: options.cache ?? sharedPromptCache, tts: options.tts });
    const protectedItems = items.flatMap((item, index) => (item.bargeIn === false ? [index] : []));
    return new PromptPlayer(clips, { ...options, protectedItems: [...(options.protectedItems ?? []), ...protectedItems] });
  }

  get state(): PlayerState {
    return this.stateValue;
  }

  nextFrame(): Int16Array | undefined {
    if (this.stateValue !== PlayerState.Playing) return undefined;
    // Skip empty clips (a 0 ms silence) without emitting a frame for them.
    while (this.item < this.clips.length && this.offset >= (this.clips[this.item]?.length ?? 0)) {
      this.finishItem();
      if (this.item >= this.clips.length && this.options.loop && this.clips.some((c) => c.length > 0)) this.item = 0;
    }
    const clip = this.clips[this.item];
    if (clip === undefined) {
      this.end({ reason: 'completed' }, PlayerState.Finished);
      return undefined;
    }
    const n = Math.min(FRAME_SAMPLES, clip.length - this.offset);
    this.frame.set(clip.subarray(this.offset, this.offset + n));
    if (n < FRAME_SAMPLES) this.frame.fill(0, n);
    this.offset += n;
    return this.frame;
  }

  /**
   * Offers a DTMF digit: with `stopOnDigit` the prompt stops now (barge-in), unless the item playing
   * is protected. Returns whether it stopped; a digit that did not stop it is the caller's to keep.
   */
  handleDigit(digit: string): boolean {
    if (!this.options.stopOnDigit || this.stateValue !== PlayerState.Playing) return false;
    if (this.options.protectedItems?.includes(this.item)) return false;
    this.end({ reason: 'barged-in', digit }, PlayerState.Stopped);
    return true;
  }

  /** Stops playback at once (the session moves on); harmless when already ended. */
  stop(): void {
    if (this.stateValue === PlayerState.Closed) throw new InvalidStateError('player is closed');
    if (this.stateValue === PlayerState.Playing) this.end({ reason: 'stopped' }, PlayerState.Stopped);
  }

  close(): void {
    if (this.stateValue === PlayerState.Closed) return;
    if (this.stateValue === PlayerState.Playing) this.end({ reason: 'closed' }, PlayerState.Closed);
    else this.transitionTo(PlayerState.Closed);
  }

  private finishItem(): void {
    const index = this.item;
    this.item++;
    this.offset = 0;
    this.safely(() => this.options.onItemFinished?.(index));
  }

  private end(end: PlaybackEnd, state: PlayerState): void {
    this.transitionTo(state);
    this.resolveEnded(end);
    this.safely(() => this.options.onFinished?.(end));
  }

  /** A throwing listener must not break the media tick that called us. */
  private safely(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.logger.error({ err: error }, 'player listener threw');
    }
  }

  private transitionTo(next: PlayerState): void {
    if (!ALLOWED[this.stateValue].includes(next)) throw new InvalidStateError(`player cannot go from ${this.stateValue} to ${next}`);
    this.stateValue = next;
  }
}
