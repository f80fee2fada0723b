/**
 * Header names: RFC 3261 §7.3.3 compact forms and the spelling we print for well-known headers.
 * Lookups use the lower-case long name as the key.
 */
const COMPACT: Record<string, string> = {
  i: 'call-id', m: 'contact', e: 'content-encoding', l: 'content-length', c: 'content-type',
  f: 'from', s: 'subject', k: 'supported', t: 'to', v: 'via', r: 'refer-to', b: 'referred-by',
  o: 'event', u: 'allow-events', a: 'accept-contact', j: 'reject-contact', d: 'request-disposition',
  x: 'session-expires', y: 'identity', n: 'identity-info',
};

const PRINTED: Record<string, string> = {
  'call-id': 'Call-ID', cseq: 'CSeq', 'www-authenticate': 'WWW-Authenticate', 'mime-version': 'MIME-Version',
  'record-route': 'Record-Route', 'max-forwards': 'Max-Forwards', 'content-length': 'Content-Length',
  'content-type': 'Content-Type', 'content-encoding': 'Content-Encoding', 'refer-to': 'Refer-To',
  'referred-by': 'Referred-By', 'proxy-authenticate': 'Proxy-Authenticate', 'rseq': 'RSeq', 'rack': 'RAck',
  'proxy-authorization': 'Proxy-Authorization', 'proxy-require': 'Proxy-Require', 'allow-events': 'Allow-Events',
  'session-expires': 'Session-Expires', 'user-agent': 'User-Agent', 'sip-etag': 'SIP-ETag', 'sip-if-match': 'SIP-If-Match',
};

/** Lower-case long name for any spelling of a header name ("v", "VIA", "Via" → "via"). */
export function headerKey(name: string): string {
  const lower = name.toLowerCase();
  return COMPACT[lower] ?? lower;
}

/** The name to print for a header key; unknown headers keep the spelling they arrived with. */
export function printedName(key: string, original?: string): string {
  const known = PRINTED[key];
  if (known !== undefined) return known;
  if (original !== undefined && original.length > 1) return original;
  return key.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}
