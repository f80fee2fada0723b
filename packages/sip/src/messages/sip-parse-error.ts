/**
 * The one error a parser throws on bad input. It names the response a server should answer
 * with (RFC 3261 §21: mostly 400 with a reason phrase that says what was wrong), so that the
 * transport can answer without knowing why parsing failed.
 */
import type { SipMessage } from './sip-message';

export class SipParseError extends Error {
  override readonly name = 'SipParseError';
  /** The message as far as it could be read, when the start line and headers were framed. */
  partial: SipMessage | undefined;

  constructor(
    /** Status code to answer with (400, 505, 513 …). */
    readonly status: number,
    /** Reason phrase for that answer, e.g. "Bad Request - Malformed Via". */
    readonly reason: string,
    partial?: SipMessage,
  ) {
    super(`${status} ${reason}`);
    this.partial = partial;
  }
}

/** Shorthand for the common 400 "Bad Request - <what>" case. */
export function badRequest(what: string): SipParseError {
  return new SipParseError(400, `Bad Request - ${what}`);
}
