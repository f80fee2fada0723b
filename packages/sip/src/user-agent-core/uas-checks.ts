/**
 * The UAS request checks of RFC 3261 §8.2.1–§8.2.3 (method, URI scheme, Require, content),
 * in the RFC's order. Each returns the response to send, or undefined to go on.
 */
import { createResponse } from '../messages/create-response';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';

/** Methods this stack knows of (405 when one has no handler, 501 for anything else). */
export const KNOWN_METHODS = ['INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', 'PRACK', 'SUBSCRIBE', 'NOTIFY', 'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE'];

export interface UasPolicy {
  allow: readonly string[];
  /** Option tags we support (for Require, §8.2.2.3). */
  supported: readonly string[];
  /** Body types we accept (§8.2.3). */
  accept: readonly string[];
}

export function checkRequest(request: SipRequest, policy: UasPolicy): SipResponse | undefined {
  const allow = { Allow: policy.allow.join(', ') };
  // §8.2.1: "If a UAS recognizes but does not support a method, it MUST send a 405 … The UAS
  // MUST also add an Allow header field"; unknown methods get 501 (RFC 4475 §3.1.1.2).
  if (!policy.allow.includes(request.method)) {
    return createResponse(request, KNOWN_METHODS.includes(request.method) ? 405 : 501, undefined, { headers: allow });
  }
  // §8.2.2.1: "If the Request-URI uses a scheme not supported by the UAS, it SHOULD reject the
  // request with a 416 (Unsupported URI Scheme) response."
  if (request.uri.kind === 'absolute') return createResponse(request, 416);
  // §8.2.2.3: "If a UAS does not understand an option-tag listed in a Require header field, it
  // MUST respond by generating a response with status code 420 (Bad Extension)" with Unsupported.
  if (request.method !== 'ACK' && request.method !== 'CANCEL') {
    const unsupported = request.headerValues('require').filter((tag) => !policy.supported.includes(tag.toLowerCase()));
    if (unsupported.length > 0) return createResponse(request, 420, undefined, { headers: { Unsupported: unsupported.join(', ') } });
  }
  // §8.2.3: unsupported body type → 415 with Accept; unknown encoding → 415 with Accept-Encoding.
  if (request.body.length > 0) {
    const type = request.contentType;
    if (type === undefined || !policy.accept.includes(type)) {
      return createResponse(request, 415, undefined, { headers: { Accept: policy.accept.join(', ') } });
    }
    const encodings = request.headerValues('content-encoding').filter((e) => e.toLowerCase() !== 'identity');
    if (encodings.length > 0) return createResponse(request, 415, undefined, { headers: { 'Accept-Encoding': 'identity' } });
  }
  // §21.4.7 / RFC 4475 §3.3.15: an INVITE whose Accept rules out SDP cannot be answered.
  if (request.method === 'INVITE' && request.hasHeader('accept')) {
    const accepted = request.headerValues('accept').map((a) => a.split(';')[0]?.trim().toLowerCase());
    if (!accepted.some((a) => a === 'application/sdp' || a === 'application/*' || a === '*/*' || a === '')) {
      return createResponse(request, 406, undefined, { headers: { Warning: '399 rexian "Only application/sdp bodies are supported"' } });
    }
  }
  return undefined;
}
