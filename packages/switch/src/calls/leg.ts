/**
 * One leg of a call: a SIP dialog with one party and the media session that speaks to it. A leg
 * is released exactly once, whatever ends it (BYE either way, CANCEL, ring timeout, failure,
 * shutdown): the pending INVITE is cancelled, a confirmed dialog gets its BYE, the media session
 * (and with it the RTP ports and the worker's slot) is closed.
 */
import type { LegRole } from '@rexian/contracts';
import type { MediaSessionHandle } from '@rexian/media';
import { DialogState, type Dialog, type DialogLayer } from '@rexian/sip';

export type LegState = 'dialling' | 'ringing' | 'answered' | 'ended';

export class Leg {
  state: LegState = 'dialling';
  dialog: Dialog | undefined;
  readonly startedAt: Date;
  answeredAt: Date | undefined;
  ringingAt: Date | undefined;
  endedAt: Date | undefined;
  /** Set while the leg is on hold: when the hold began. */
  heldSince: number | undefined;
  holdMs = 0;
  result: string | undefined;
  /** Aborts the INVITE this leg is still placing (CANCEL). */
  readonly invite = new AbortController();
  private readonly endListeners: ((leg: Leg) => void)[] = [];

  constructor(
    readonly id: string,
    readonly role: LegRole,
    /** The number or extension at the far end. */
    readonly peer: string,
    readonly session: MediaSessionHandle,
    readonly agentId: number | null,
    now: Date,
  ) {
    this.startedAt = now;
  }

  get ended(): boolean {
    return this.state === 'ended';
  }

  get ringMs(): number | undefined {
    if (this.ringingAt === undefined) return undefined;
    return ((this.answeredAt ?? this.endedAt ?? new Date()).getTime() - this.ringingAt.getTime());
  }

  onEnd(listener: (leg: Leg) => void): void {
    if (this.ended) listener(this);
    else this.endListeners.push(listener);
  }

  answered(dialog: Dialog, at: Date): void {
    this.dialog = dialog;
    this.state = 'answered';
    this.answeredAt = at;
  }

  /**
   * Releases everything the leg holds. `byeFrom` says who ended it: 'remote' (they sent BYE, so we
   * must not), 'local' (we end it: BYE or CANCEL).
   */
  end(result: string, byeFrom: 'local' | 'remote', dialogs: DialogLayer | undefined, at: Date): void {
    if (this.ended) return;
    this.state = 'ended';
    this.endedAt = at;
    this.result = result;
    if (this.heldSince !== undefined) this.holdMs += at.getTime() - this.heldSince;
    this.heldSince = undefined;
    if (this.dialog === undefined) this.invite.abort();
    else if (byeFrom === 'local' && this.dialog.state === DialogState.Confirmed && dialogs !== undefined) {
      dialogs.bye(this.dialog).catch(() => {});
    }
    this.session.close(result).catch(() => {});
    for (const listener of this.endListeners.splice(0)) listener(this);
  }
}
