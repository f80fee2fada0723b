import { eventOfDigit, writeTelephoneEvent } from './telephone-event.js';

/** What to put on the wire on one tick while a digit is being sent. */
export interface EventPacket {
  marker: boolean;
  /** Samples since the start of the event (the packet's RTP timestamp is the event's start). */
  duration: number;
  end: boolean;
}

/** Not a DTMF digit (0-9, *, #, A-D). */
export class InvalidDigitError extends Error {
  override readonly name = 'InvalidDigitError';
}

/**
 * Plans the RFC 4733 packets of a queue of digits, one per 20 ms tick: the start packet with the
 * marker bit, duration updates, then the end packet three times, all with the timestamp of the
 * event's start; a 60 ms pause separates two digits.
 */
export class DtmfEventSender {
  private readonly queue: { event: number; ticks: number }[] = [];
  private tick = 0;
  private gap = 0;

  constructor(
    private readonly toneMs = 100,
    private readonly samplesPerTick = 160,
  ) {}

  enqueue(digits: string): void {
    for (const digit of digits) {
      const event = eventOfDigit(digit);
      if (event === undefined) throw new InvalidDigitError(`"${digit}" is not a DTMF digit`);
      this.queue.push({ event, ticks: Math.max(1, Math.round(this.toneMs / 20)) });
    }
  }

  get busy(): boolean {
    return this.queue.length > 0 || this.gap > 0;
  }

  /** Whether this tick starts a new event (the caller then pins its timestamp). */
  get startsEvent(): boolean {
    return this.gap === 0 && this.queue.length > 0 && this.tick === 0;
  }

  /**
   * Writes this tick's 4-byte payload at `out[at]`; returns whether a packet is to be sent (false
   * during the pause between digits: the caller sends audio or nothing then).
   */
  next(out: Uint8Array, at: number): EventPacket | undefined {
    if (this.gap > 0) {
      this.gap--;
      return undefined;
    }
    const current = this.queue[0];
    if (!current) return undefined;
    const n = this.tick++;
    const end = n >= current.ticks - 1;
    const duration = Math.min(n + 1, current.ticks) * this.samplesPerTick;
    // RFC 4733 §2.5.1.4: "the final packet for an event MUST have the E bit set" and "SHOULD be
    // sent a total of three times".
    writeTelephoneEvent(out, at, { event: current.event, end, volume: 10, duration });
    if (n >= current.ticks + 1) {
      this.queue.shift();
      this.tick = 0;
      this.gap = 3;
    }
    return { marker: n === 0, duration, end };
  }
}
