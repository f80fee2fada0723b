import { SAMPLE_RATE } from '../frames.js';
import { holdMelody } from '../tones/hold-melody.js';
import { toneSamples } from '../tones/tone-generator.js';
import type { TextToSpeech } from '../tts/text-to-speech.js';
import type { PromptCache } from './prompt-cache.js';

/** Options every item may carry. */
interface ItemOptions {
  /**
   * `false`: a digit while this item plays does not stop the playlist, even with `stopOnDigit`
   * (a legal notice such as "this call may be recorded" must be heard). Default true.
   */
  bargeIn?: boolean;
}

/** One thing a player plays. */
export type PlaylistItem = ItemOptions &
  (
    | { kind: 'file'; path: string }
    | { kind: 'tts'; text: string; voice?: string }
    | { kind: 'silence'; ms: number }
    | { kind: 'tone'; frequencies: number[]; ms: number; amplitude?: number }
    | { kind: 'samples'; samples: Int16Array }
    /** The generated music-on-hold melody (about 4.5 s; play with `loop` for an endless hold). */
    | { kind: 'hold-melody' }
  );

/** What loading a playlist needs. */
export interface PlaylistSources {
  cache: PromptCache;
  /** Needed only for `tts` items. */
  tts?: TextToSpeech;
}

/** A `tts` item in a playlist whose player was given no `TextToSpeech`. */
export class NoTextToSpeechError extends Error {
  override readonly name = 'NoTextToSpeechError';
}

/**
 * Every item as 8 kHz samples, loaded concurrently (files through the shared cache, text through the
 * TTS engine and then the cache), in playlist order.
 */
export function loadPlaylist(items: readonly PlaylistItem[], sources: PlaylistSources): Promise<Int16Array[]> {
  return Promise.all(
    items.map(async (item): Promise<Int16Array> => {
      switch (item.kind) {
        case 'file':
          return sources.cache.load(item.path);
        case 'tts': {
          if (sources.tts === undefined) throw new NoTextToSpeechError(`no text-to-speech engine to say "${item.text}"`);
          return sources.cache.load(await sources.tts.synthesize(item.text, { voice: item.voice }));
        }
        case 'silence':
          return new Int16Array(Math.round((Math.max(0, item.ms) * SAMPLE_RATE) / 1000));
        case 'tone':
          return toneSamples({ frequencies: item.frequencies, durationMs: item.ms, amplitude: item.amplitude });
        case 'samples':
          return item.samples;
        case 'hold-melody':
          return holdMelody();
      }
    }),
  );
}
