/**
 * The IVR's view of a live call: prompts go to the caller's media session, keys come back from its
 * DTMF events (RFC 4733, in-band or SIP INFO — the media engine merges them), recordings are
 * written beside the call's other files. Hanging up aborts `signal`, which ends every wait.
 */
import type { MediaSessionHandle, PlaylistItem, SessionEvent } from '@rexian/media';
import type { CollectOptions, CollectResult, IvrChannel, PlayResult, TransferResult } from '../ivr/ivr-channel';

export interface ChannelHooks {
  transfer(target: string, timeoutMs: number): Promise<TransferResult>;
  /** A new file path for a recording of this call. */
  recordingPath(purpose: 'voicemail' | 'recording'): string;
  leaveVoicemail(recording: { path: string; durationMs: number }): Promise<void>;
  saveSurvey(score: number, question: string): Promise<void>;
}

class HangupError extends Error {
  override readonly name = 'AbortError';
}

export class MediaIvrChannel implements IvrChannel {
  private readonly keys: string[] = [];
  private keyWaiter: (() => void) | undefined;
  /** A barge-in key whose own key event has not arrived yet. */
  private swallow: string | undefined;
  private playbackWaiter: ((event: Extract<SessionEvent, { type: 'playback-finished' }>) => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly session: MediaSessionHandle,
    readonly signal: AbortSignal,
    private readonly hooks: ChannelHooks,
  ) {
    this.unsubscribe = session.on((event) => {
      if (event.type === 'dtmf') {
        // The key that stopped a prompt is reported twice: with the prompt's end and as a key.
        if (this.swallow === event.digit) this.swallow = undefined;
        else {
          this.keys.push(event.digit);
          this.keyWaiter?.();
        }
      } else if (event.type === 'playback-finished') this.playbackWaiter?.(event);
    });
    signal.addEventListener('abort', () => {
      this.keyWaiter?.();
      this.playbackWaiter?.({ type: 'playback-finished', reason: 'closed' });
    }, { once: true });
  }

  close(): void {
    this.unsubscribe();
  }

  private checkOpen(): void {
    if (this.signal.aborted) throw new HangupError('caller hung up');
  }

  async play(items: PlaylistItem[], options: { bargeIn: boolean }): Promise<PlayResult> {
    this.checkOpen();
    if (!options.bargeIn) this.keys.length = 0;
    if (options.bargeIn && this.keys.length > 0) return { digit: this.keys.shift()! };
    const finished = new Promise<Extract<SessionEvent, { type: 'playback-finished' }>>((resolve) => (this.playbackWaiter = resolve));
    await this.session.play(items, { bargeIn: options.bargeIn });
    const event = await finished;
    this.playbackWaiter = undefined;
    this.checkOpen();
    if (!options.bargeIn) {
      // Keys pressed during a prompt that cannot be interrupted are not input.
      this.keys.length = 0;
      return {};
    }
    if (event.reason === 'barged-in' && event.digit !== undefined) {
      // Its key event may come before or after the prompt's end: drop it either way.
      const at = this.keys.indexOf(event.digit);
      if (at >= 0) this.keys.splice(at, 1);
      else this.swallow = event.digit;
      return { digit: event.digit };
    }
    return {};
  }

  private nextKey(timeoutMs: number): Promise<string | undefined> {
    if (this.keys.length > 0) return Promise.resolve(this.keys.shift());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.keyWaiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.keyWaiter = () => {
        clearTimeout(timer);
        this.keyWaiter = undefined;
        resolve(this.keys.shift());
      };
    });
  }

  async collect(options: CollectOptions): Promise<CollectResult> {
    this.checkOpen();
    let digits = '';
    for (const key of options.initial ?? '') {
      if (key === options.terminator) return { digits, reason: 'terminator' };
      digits += key;
      if (digits.length >= options.maxDigits) return { digits, reason: 'max' };
    }
    for (;;) {
      const key = await this.nextKey(digits === '' ? options.firstDigitTimeoutMs : options.interDigitTimeoutMs);
      this.checkOpen();
      if (key === undefined) return { digits, reason: 'timeout' };
      if (key === options.terminator) return { digits, reason: 'terminator' };
      digits += key;
      if (digits.length >= options.maxDigits) return { digits, reason: 'max' };
    }
  }

  async transfer(target: string, options: { timeoutMs: number }): Promise<TransferResult> {
    this.checkOpen();
    return this.hooks.transfer(target, options.timeoutMs);
  }

  async record(options: { maxMs: number; beep: boolean; purpose: 'voicemail' | 'recording' }): Promise<{ path: string; durationMs: number }> {
    this.checkOpen();
    if (options.beep) await this.play([{ kind: 'tone', frequencies: [1000], ms: 400 }], { bargeIn: false }).catch(() => {
      this.checkOpen();
    });
    const path = this.hooks.recordingPath(options.purpose);
    this.keys.length = 0;
    const startedAt = Date.now();
    await this.session.startRecording(path, 'mono');
    // Any key ends the recording, as does the time limit or hanging up.
    await this.nextKey(options.maxMs);
    if (this.signal.aborted) {
      // Most callers hang up instead of pressing a key: the session closed and its recorder wrote
      // the file; a voicemail is kept all the same.
      const recording = { path, durationMs: Date.now() - startedAt };
      if (options.purpose === 'voicemail') await this.leaveVoicemail(recording);
      throw new HangupError('caller hung up');
    }
    return this.session.stopRecording();
  }

  private voicemailLeft = false;

  async leaveVoicemail(recording: { path: string; durationMs: number }): Promise<void> {
    if (this.voicemailLeft) return;
    this.voicemailLeft = true;
    await this.hooks.leaveVoicemail(recording);
  }

  saveSurvey(score: number, question: string): Promise<void> {
    return this.hooks.saveSurvey(score, question);
  }
}
