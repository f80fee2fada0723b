import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { silentLogger, type MediaLogger } from '../frames.js';
import { decodeWavTo8kInSlices, type WavAudio } from '../wav/wav-reader.js';
import { wavHeader } from '../wav/wav-writer.js';
import { TtsFailedError, TtsUnavailableError, type SynthesisOptions, type TextToSpeech } from './text-to-speech.js';

export interface EspeakOptions {
  /** Directory of synthesized prompts, created when needed; entries are never removed by us. */
  cacheDir: string;
  /** Program to run. Default `espeak-ng` (Debian package espeak-ng). */
  binary?: string;
  /**
   * Voice when a request names none. Default `cmn-latn-pinyin` (Mandarin): Debian's plain `cmn`
   * turns each character into its pinyin and then reads that pinyin as English ("nin2" → "nin two");
   * the pinyin variant reads every character as Mandarin (checked with `espeak-ng -x`).
   */
  defaultVoice?: string;
  /** Speaking rate in words per minute (espeak-ng `-s`); default espeak-ng's own (175). */
  wordsPerMinute?: number;
  /** espeak-ng processes running at once at most; more requests wait their turn. Default 2. */
  maxConcurrent?: number;
  /** A synthesis running longer than this is killed. Default 20 000 ms. */
  timeoutMs?: number;
  logger?: MediaLogger;
}

/**
 * Text-to-speech through the espeak-ng program, cached on disk.
 *
 * The cache key is a hash of (engine, voice, rate, text), so a prompt is synthesized once and every
 * later call — in this process or after a restart — reads the file. Concurrent requests for the same
 * key share one running synthesis. Files are written to a temporary name and renamed, so a crash
 * never leaves a half-written prompt under a cache name. espeak-ng writes 22.05 kHz WAV to stdout;
 * we resample to 8 kHz with our own resampler (no sox dependency). Text goes in on stdin, so text
 * that starts with `-` is never taken for an option.
 */
/** See `EspeakOptions.defaultVoice`. */
export const DEFAULT_ESPEAK_VOICE = 'cmn-latn-pinyin';

export class EspeakTextToSpeech implements TextToSpeech {
  readonly engine = 'espeak-ng';
  /** How many espeak-ng processes this instance has started (the cache keeps it low). */
  synthesisCount = 0;
  private readonly inFlight = new Map<string, Promise<string>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly logger: MediaLogger;

  constructor(private readonly options: EspeakOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /** The cache file a request maps to (whether or not it exists yet). */
  cachePath(text: string, options: SynthesisOptions = {}): string {
    const key = JSON.stringify([this.engine, this.voiceOf(options), this.options.wordsPerMinute ?? null, text]);
    return join(this.options.cacheDir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.wav`);
  }

  private voiceOf(options: SynthesisOptions): string {
    return options.voice ?? this.options.defaultVoice ?? DEFAULT_ESPEAK_VOICE;
  }

  synthesize(text: string, options: SynthesisOptions = {}): Promise<string> {
    if (text.trim() === '') return Promise.reject(new RangeError('nothing to say: the text is empty'));
    const path = this.cachePath(text, options);
    const running = this.inFlight.get(path);
    if (running) return running;
    const job = this.cachedOrSynthesized(path, text, this.voiceOf(options)).finally(() => this.inFlight.delete(path));
    this.inFlight.set(path, job);
    return job;
  }

  private async cachedOrSynthesized(path: string, text: string, voice: string): Promise<string> {
    if (await stat(path).then((s) => s.size > 44, () => false)) return path;
    await mkdir(this.options.cacheDir, { recursive: true });
    const wav = await this.withSlot(() => this.run(text, voice));
    let audio: WavAudio;
    try {
      audio = await decodeWavTo8kInSlices(wav);
    } catch (error) {
      throw new TtsFailedError(`espeak-ng output is not a WAV: ${(error as Error).message}`);
    }
    if (audio.samples.length === 0) throw new TtsFailedError(`espeak-ng produced no audio for voice ${voice}`);
    const pcm = Buffer.from(audio.samples.buffer, audio.samples.byteOffset, audio.samples.byteLength);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, Buffer.concat([wavHeader(pcm.length, 1, 8000), pcm]));
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
    this.logger.debug({ path, voice, ms: (audio.samples.length / 8000) * 1000 }, 'synthesized prompt');
    return path;
  }

  /**
   * Runs `task` when fewer than `maxConcurrent` syntheses are running: 300 calls each reading out a
   * different balance must not start 300 processes on a 2-core machine that also carries the audio.
   */
  private async withSlot<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
    if (this.running >= (this.options.maxConcurrent ?? 2)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Runs espeak-ng once; resolves to the WAV bytes it wrote on stdout. */
  private run(text: string, voice: string): Promise<Buffer> {
    const binary = this.options.binary ?? 'espeak-ng';
    const args = ['-v', voice, '--stdin', '--stdout'];
    if (this.options.wordsPerMinute !== undefined) args.push('-s', String(this.options.wordsPerMinute));
    this.synthesisCount++;
    return new Promise((resolve, reject) => {
      const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), this.options.timeoutMs ?? 20_000);
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.stdin.on('error', () => undefined); // reported through 'error'/'close' below
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          e.code === 'ENOENT'
            ? new TtsUnavailableError(`${binary} is not installed (Debian: apt-get install espeak-ng)`)
            : new TtsFailedError(`${binary} could not start: ${e.message}`),
        );
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const stderr = Buffer.concat(err).toString('utf8').trim();
        if (code === 0 && out.length > 0) resolve(Buffer.concat(out));
        else reject(new TtsFailedError(`${binary} -v ${voice} failed (${signal ?? `exit ${code}`})${stderr ? `: ${stderr}` : ''}`));
      });
      child.stdin.end(text, 'utf8');
    });
  }
}
