/**
 * RFC 3261 §13.3.1.4: the UAS core retransmits a 2xx to an INVITE until the ACK arrives — "with
 * an interval that starts at T1 seconds and doubles for each retransmission until it reaches T2
 * seconds … If the server retransmits the 2xx response for 64*T1 seconds without receiving an
 * ACK, the dialog is confirmed, but the session SHOULD be terminated" (the owner sends BYE).
 */
import type { Clock, TimerHandle } from '../transactions/clock';
import type { TimerSettings } from '../transactions/timers';

interface Pending {
  timer: TimerHandle;
  onGiveUp: () => void;
}

export class OkRetransmitter {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clock: Clock,
    private readonly timers: TimerSettings,
  ) {}

  /** Key an ACK and a 2xx share: Call-ID, CSeq number and the dialog's tags. */
  static key(callId: string, cseq: number, fromTag: string | undefined): string {
    return `${callId}|${cseq}|${fromTag ?? ''}`;
  }

  get count(): number {
    return this.pending.size;
  }

  start(key: string, resend: () => void, onGiveUp: () => void): void {
    this.stop(key);
    const started = this.clock.now();
    const schedule = (interval: number): TimerHandle =>
      this.clock.setTimeout(() => {
        const entry = this.pending.get(key);
        if (entry === undefined) return;
        if (this.clock.now() - started >= 64 * this.timers.T1) {
          this.pending.delete(key);
          entry.onGiveUp();
          return;
        }
        resend();
        entry.timer = schedule(Math.min(interval * 2, this.timers.T2));
      }, interval);
    this.pending.set(key, { timer: schedule(this.timers.T1), onGiveUp });
  }

  /** The ACK arrived: stop. Returns whether a 2xx was waiting for it. */
  stop(key: string): boolean {
    const entry = this.pending.get(key);
    if (entry === undefined) return false;
    this.clock.clearTimeout(entry.timer);
    this.pending.delete(key);
    return true;
  }

  close(): void {
    for (const key of [...this.pending.keys()]) this.stop(key);
  }
}
