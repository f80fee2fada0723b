import type { MediaSession } from '../session/media-session.js';

/**
 * Connects two legs back to back: each leg's received packets go out on the other as they arrive,
 * without decoding when the codecs match and through a G.711 table when they do not (µ-law ↔ A-law
 * is one byte lookup). No jitter buffer: the far end's own buffer absorbs the network's jitter once,
 * not twice. What a leg plays stops, so the two peers hear each other only.
 */
export class SessionBridge {
  private closed = false;

  constructor(
    readonly a: MediaSession,
    readonly b: MediaSession,
  ) {
    a.stopPlayback();
    b.stopPlayback();
    a.relayTarget = b;
    b.relayTarget = a;
    a.onClose(() => this.close());
    b.onClose(() => this.close());
  }

  /** Decoded audio of one leg as the other leg "sends" it: for the recorder's far channel. */
  partnerOf(session: MediaSession): MediaSession {
    return session === this.a ? this.b : this.a;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.a.relayTarget === this.b) this.a.relayTarget = undefined;
    if (this.b.relayTarget === this.a) this.b.relayTarget = undefined;
  }
}
