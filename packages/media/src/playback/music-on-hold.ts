import { holdMelody } from '../tones/hold-melody.js';
import { sharedPromptCache, type PromptCache } from './prompt-cache.js';
import { PromptPlayer } from './prompt-player.js';

export interface MusicOnHoldOptions {
  /** A WAV to loop; without one a generated soft melody plays. */
  path?: string;
  cache?: PromptCache;
}

/**
 * An endless player for a caller on hold: the given WAV (through the shared prompt cache, so every
 * held call loops the same buffer) or the generated melody. It never finishes on its own; the
 * session stops or closes it when the call comes off hold.
 */
export async function loadMusicOnHold(options: MusicOnHoldOptions = {}): Promise<PromptPlayer> {
  const clip = options.path === undefined ? holdMelody() : await (options.cache ?? sharedPromptCache).load(options.path);
  return new PromptPlayer([clip], { loop: true });
}
