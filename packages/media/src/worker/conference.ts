import { Mixer } from '../mixing/mixer.js';
import { PartyRole } from '../mixing/mixer-party.js';
import type { AudioSink, AudioSource } from '../frames.js';
import type { MediaSession } from '../session/media-session.js';

/**
 * Three or more legs mixed (and supervision: listen, whisper, barge-in). Each member's decoded
 * audio feeds its mixer party; the party's output is what the member's session sends. The mixer
 * ticks between the worker's receive and send phases, so everyone hears this tick's audio.
 */
export class Conference {
  readonly mixer = new Mixer();
  private readonly members = new Map<string, { session: MediaSession; sink: AudioSink }>();
  private closed = false;

  constructor(
    readonly id: string,
    private readonly onEmpty: () => void = () => undefined,
  ) {}

  get size(): number {
    return this.members.size;
  }

  has(sessionId: string): boolean {
    return this.members.has(sessionId);
  }

  /** Adds a leg (or changes its role when already in). `whisperTo` names who hears a whisperer. */
  join(session: MediaSession, role: PartyRole = PartyRole.Participant, whisperTo: string[] = []): void {
    if (this.members.has(session.id)) {
      this.mixer.setRole(session.id, role, whisperTo);
      return;
    }
    const party = this.mixer.addParty(session.id, { role, whisperTo });
    // A leg in a mix no longer relays packets to a bridged partner: the mixer carries its audio.
    if (session.relayTarget) {
      session.relayTarget.relayTarget = undefined;
      session.relayTarget = undefined;
    }
    const sink: AudioSink = { write: (frame) => party.input(frame), close: () => undefined };
    const output: AudioSource = { nextFrame: () => party.output(), close: () => undefined };
    session.rxSinks.add(sink);
    session.play(output);
    this.members.set(session.id, { session, sink });
    session.onClose(() => this.leave(session.id));
  }

  leave(sessionId: string): void {
    const member = this.members.get(sessionId);
    if (!member) return;
    this.members.delete(sessionId);
    this.mixer.removeParty(sessionId);
    member.session.rxSinks.delete(member.sink);
    member.session.stopPlayback();
    if (this.members.size === 0) this.close();
  }

  /** Phase 2 of the worker tick. */
  tick(): void {
    this.mixer.tick();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.members.keys()]) this.leave(id);
    this.mixer.close();
    this.onEmpty();
  }
}
