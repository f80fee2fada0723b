/** Replaces header (RFC 3891 §6.1): callid *(;to-tag / ;from-tag / ;early-only / generic). */
import { badRequest } from './sip-parse-error';
import { parseParams } from './header-value-scanner';

export interface Replaces {
  callId: string;
  toTag: string;
  fromTag: string;
  earlyOnly: boolean;
}

export function parseReplaces(value: string): Replaces {
  const semi = value.indexOf(';');
  const callId = (semi < 0 ? value : value.slice(0, semi)).trim();
  const params = semi < 0 ? new Map<string, string | null>() : parseParams(value.slice(semi), 'Replaces');
  const toTag = params.get('to-tag');
  const fromTag = params.get('from-tag');
  if (callId === '' || !toTag || !fromTag) throw badRequest('Malformed Replaces');
  return { callId, toTag, fromTag, earlyOnly: params.has('early-only') };
}

export function formatReplaces(replaces: Replaces): string {
  return `${replaces.callId};to-tag=${replaces.toTag};from-tag=${replaces.fromTag}${replaces.earlyOnly ? ';early-only' : ''}`;
}

/** RFC 3891 §5 / RFC 3515: the Replaces carried as an escaped header of a Refer-To URI. */
export function replacesInUriHeaders(headers: string | undefined): Replaces | undefined {
  if (headers === undefined) return undefined;
  for (const pair of headers.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).toLowerCase() === 'replaces') return parseReplaces(decodeURIComponent(pair.slice(eq + 1)));
  }
  return undefined;
}

/** The escaped `Replaces=…` URI header to append to a Refer-To URI after '?'. */
export function replacesUriHeader(replaces: Replaces): string {
  return `Replaces=${encodeURIComponent(formatReplaces(replaces))}`;
}
