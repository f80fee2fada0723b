/** Options of one synthesis. */
export interface SynthesisOptions {
  /** Engine-specific voice name; for espeak-ng e.g. `cmn` (Mandarin), `yue` (Cantonese), `en`. */
  voice?: string;
}

/**
 * Text-to-speech as the media engine sees it: text in, a WAV file (8 kHz mono 16-bit PCM) out.
 * Small on purpose, so a better engine can replace espeak-ng without touching players or the IVR.
 */
export interface TextToSpeech {
  /** Name of the engine; part of every cache key so two engines never share a cached file. */
  readonly engine: string;
  /** Resolves to the path of an 8 kHz mono WAV speaking `text`. */
  synthesize(text: string, options?: SynthesisOptions): Promise<string>;
}

/** The engine's program is not installed (or not on PATH). */
export class TtsUnavailableError extends Error {
  override readonly name = 'TtsUnavailableError';
}

/** The engine ran but produced no usable audio (bad voice, crash, timeout). */
export class TtsFailedError extends Error {
  override readonly name = 'TtsFailedError';
}
