import { CallRecorder, type RecordingMode } from '../recording/call-recorder.js';
import type { AudioSink } from '../frames.js';
import type { MediaSession } from '../session/media-session.js';

/**
 * A recording attached to a session: the caller's audio (what the session receives) on the left,
 * on the right what the caller hears: prompts and music the session plays, and the audio of
 * whichever leg it is bridged to at that moment. The partner is followed tick by tick, so one
 * recording started in the queue covers the agent, a transfer target, or nobody (on hold).
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
    const caller = this.recorder.callerSink;
    this.attach(session.rxSinks, {
      write: (frame) => {
        this.followPartner();
        caller.write(frame);
      },
      close: () => undefined,
    });
    this.attach(session.txSinks, this.recorder.agentSink);
    this.followPartner();
    this.detachers.push(() => this.leavePartner());
  }

  private partner: MediaSession | undefined;

  /** Listens to the leg the session is bridged to now (relayed packets never pass its own sinks). */
  private followPartner(): void {
    const current = this.session.relayTarget;
    if (current === this.partner) return;
    this.leavePartner();
    this.partner = current;
    current?.rxSinks.add(this.recorder.agentSink);
  }

  private leavePartner(): void {
    this.partner?.rxSinks.delete(this.recorder.agentSink);
    this.partner = undefined;
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
