import { digitOfEvent, parseTelephoneEvent } from './telephone-event.js';

/**
 * Turns RFC 4733 telephone-event packets into digits: one digit per event, reported when the
 * event starts, whatever the packets that follow (updates, the three end packets, or loss of the
 * first packet).
 */
export class DtmfEventReceiver {
  private lastTimestamp: number | undefined;
  private lastEvent = -1;
  private lastEnded = false;

  constructor(private readonly onDigit: (digit: string, durationMs: number) => void) {}

  /** Feeds the payload of one telephone-event packet with its RTP timestamp and marker bit. */
  receive(payload: Uint8Array, timestamp: number, marker = false): void {
    const event = parseTelephoneEvent(payload);
    if (!event) return;
    const digit = digitOfEvent(event.event);
    if (digit === undefined) return;
    // RFC 4733 §2.5.1.2: "the receiver ... uses the RTP timestamp to determine whether a packet
    // belongs to a new event": all packets of one event carry the event's start timestamp, so the
    // retransmitted end packets (§2.5.1.4, "sent three times") and the updates are de-duplicated
    // by timestamp (and event code, for a new digit that reuses a timestamp).
    // A sender that replays a canned capture repeats timestamps too: a start packet (marker bit,
    // §2.5.1.1 "the first RTP packet for a new event SHOULD have the marker bit set") after the
    // end of the previous event is a new press of the same key.
    const same = timestamp === this.lastTimestamp && event.event === this.lastEvent;
    const restarted = marker && this.lastEnded && !event.end;
    if (same && !restarted) {
      this.lastEnded ||= event.end;
      return;
    }
    this.lastTimestamp = timestamp;
    this.lastEvent = event.event;
    this.lastEnded = event.end;
    this.onDigit(digit, Math.round(event.duration / 8));
  }
}
