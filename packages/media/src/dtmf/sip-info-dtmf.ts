import { eventOfDigit } from './telephone-event.js';

/**
 * Digits carried in SIP INFO bodies, for the signalling layer to hand to a media session:
 * `application/dtmf-relay` ("Signal=5\r\nDuration=160") and `application/dtmf` (the digit alone).
 * Returns undefined for other bodies or a value that is not a DTMF digit.
 */
export function digitFromSipInfo(contentType: string, body: string): string | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  let value: string | undefined;
  if (type === 'application/dtmf-relay') {
    value = /^\s*signal\s*=\s*(\S+)\s*$/im.exec(body)?.[1];
  } else if (type === 'application/dtmf') {
    value = body.trim();
  }
  if (value === undefined) return undefined;
  // Some phones send the event number (10 for *, 11 for #) instead of the character.
  if (value === '10') value = '*';
  else if (value === '11') value = '#';
  return eventOfDigit(value) === undefined ? undefined : value.toUpperCase();
}
