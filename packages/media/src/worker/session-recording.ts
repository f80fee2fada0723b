import { CallRecorder, type RecordingMode } from '../recording/call-recorder.js';
import type { AudioSink } from '../frames.js';
import type { MediaSession } from '../session/media-session.js';

/**
 * A recording attached to a session: the caller's audio (what the session receives) on the left,
 * the agent's (what the session sends, or what its bridged partner receives) on the right.
 */
export class SessionRecording {
  readonly recorder: CallRecorder;
  private readonly detachers: (() => void)[] = [];
  private closing: Promise<{ path: string; durationMs: number }> | undefined;

  constructor(
    readonly session: MediaSession,
    path: string,
    mode: RecordingMode = 'stereo',
  ) {
    this.recorder = CallRecorder.open(path, { mode });
    this.attach(session.rxSinks, this.recorder.callerSink);
    const partner = session.relayTarget;
    if (partner) this.attach(partner.rxSinks, this.recorder.agentSink);
    else this.attach(session.txSinks, this.recorder.agentSink);
  }

  private attach(set: Set<AudioSink>, sink: AudioSink): void {
    set.add(sink);
    this.detachers.push(() => set.delete(sink));
  }

  pause(): void {
    this.recorder.pause();
  }

  resume(): void {
    this.recorder.resume();
  }

  /** Detaches from the session and closes the file (valid WAV); safe twice. */
  stop(): Promise<{ path: string; durationMs: number }> {
    this.closing ??= (async () => {
      for (const detach of this.detachers.splice(0)) detach();
      await this.recorder.close();
      return { path: this.recorder.path, durationMs: this.recorder.durationMs };
    })();
    return this.closing;
  }
}
