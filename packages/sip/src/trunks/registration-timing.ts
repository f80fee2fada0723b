/** When a registration lapses and when to refresh it (RFC 3261 §10.2.1, §10.2.4). */
import type { SipResponse } from '../messages/sip-response';

/**
 * The expiry the registrar granted for our contact. RFC 3261 §10.2.4: the 200 lists every
 * binding with an expires parameter; when ours has none, the Expires header, else what we asked.
 */
export function grantedExpires(response: SipResponse, contact: string, requested: number): number {
  for (const value of response.headerValues('contact')) {
    const uri = /<([^>]*)>/.exec(value)?.[1] ?? value.split(';')[0]?.trim();
    const expires = /;\s*expires\s*=\s*(\d+)/i.exec(value)?.[1];
    if (uri !== undefined && sameContact(uri, contact) && expires !== undefined) return Number(expires);
  }
  const header = Number(response.header('expires'));
  return Number.isFinite(header) && header > 0 ? header : requested;
}

function sameContact(a: string, b: string): boolean {
  const strip = (u: string) => u.trim().toLowerCase().replace(/^sips?:/, '');
  return strip(a) === strip(b);
}

/** Seconds after which to refresh: well before expiry, never earlier than half of it. */
export function refreshDelaySeconds(granted: number): number {
  return Math.max(granted / 2, granted - 30);
}
