/**
 * RFC 4733 §2.3 telephone-event payload:
 *
 *     0                   1                   2                   3
 *    |     event     |E|R| volume    |          duration             |
 *
 * §3.2: events 0–9 are the digits, 10 is *, 11 is #, 12–15 are A–D.
 */
export const DTMF_DIGITS = '0123456789*#ABCD';

export interface TelephoneEvent {
  event: number;
  end: boolean;
  volume: number;
  duration: number;
}

export function digitOfEvent(event: number): string | undefined {
  return event >= 0 && event < 16 ? DTMF_DIGITS[event] : undefined;
}

export function eventOfDigit(digit: string): number | undefined {
  const index = DTMF_DIGITS.indexOf(digit.toUpperCase());
  return digit.length === 1 && index >= 0 ? index : undefined;
}

export function parseTelephoneEvent(payload: Uint8Array): TelephoneEvent | undefined {
  if (payload.length < 4) return undefined;
  const b1 = payload[1] as number;
  return { event: payload[0] as number, end: (b1 & 0x80) !== 0, volume: b1 & 0x3f, duration: ((payload[2] as number) << 8) | (payload[3] as number) };
}

export function writeTelephoneEvent(out: Uint8Array, at: number, e: TelephoneEvent): void {
  out[at] = e.event;
  out[at + 1] = (e.end ? 0x80 : 0) | (e.volume & 0x3f);
  out[at + 2] = (e.duration >> 8) & 0xff;
  out[at + 3] = e.duration & 0xff;
}
