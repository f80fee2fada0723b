/**
 * createResponse (RFC 3261 §8.2.6.2): copies Via, From, To, Call-ID and CSeq from the request,
 * adds a To tag when the response is not 100 and the request has none. Works on raw header
 * text, so it can also answer a request that failed to parse (partial message).
 */
import { randomBytes } from 'node:crypto';
import type { SipMessage } from './sip-message';
import { SipResponse } from './sip-response';
import { reasonPhrase } from './reason-phrases';

export interface ResponseOptions {
  /** To tag to add (default: a new random tag; ignored when the request's To has a tag). */
  toTag?: string;
  headers?: Record<string, string | readonly string[]>;
  body?: Buffer | string;
  contentType?: string;
}

let pool = Buffer.alloc(0);
let offset = 0;

/** Random hex of `bytes` bytes, drawn from a pooled buffer (one CSPRNG call per 4 KiB). */
export function randomHex(bytes: number): string {
  if (offset + bytes > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += bytes;
  return pool.toString('hex', offset - bytes, offset);
}

/** A tag for From/To (§19.3: at least 32 bits of randomness). */
export function newTag(): string {
  return randomHex(6);
}

export function createResponse(request: SipMessage, status: number, reason?: string, options: ResponseOptions = {}): SipResponse {
  const response = new SipResponse(status, reason ?? reasonPhrase(status));
  for (const field of request.headerFields) {
    if (field.key === 'via' || field.key === 'from' || field.key === 'call-id' || field.key === 'cseq') {
      response.headerFields.push({ ...field });
    } else if (field.key === 'to') {
      // §8.2.6.2: "if the request did not contain a tag in the To header field, the UAS MUST add one"
      // (a 100 Trying may go without). Checked on raw text so that an unparsable To is still echoed.
      const hasTag = /;\s*tag\s*=/i.test(field.value);
      const value = hasTag || status === 100 ? field.value : `${field.value};tag=${options.toTag ?? newTag()}`;
      response.headerFields.push({ ...field, value });
    }
  }
  // §8.2.6.1: a 100 Trying copies any Timestamp header.
  const timestamp = request.header('timestamp');
  if (status === 100 && timestamp !== undefined) response.addHeader('Timestamp', timestamp);
  for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
  if (options.body !== undefined) {
    response.body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
    if (options.contentType !== undefined) response.setHeader('Content-Type', options.contentType);
  }
  return response;
}
