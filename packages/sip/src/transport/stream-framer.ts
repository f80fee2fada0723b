/**
 * Frames SIP messages on a byte stream (RFC 3261 §18.3): the header block ends at CRLFCRLF and
 * the body is Content-Length octets. Keep-alive CRLFs between messages are skipped (RFC 5626
 * §3.5.1). Buffered bytes are bounded so a peer cannot make us hold unbounded memory.
 */
import { badRequest } from '../messages/sip-parse-error';

const CRLFCRLF = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^(?:content-length|l)[ \t]*:[ \t]*([0-9]+)[ \t]*$/im;

export class StreamFramer {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBufferedBytes = 65535 + 4096) {}

  /** Adds bytes and returns the complete messages now available. Throws SipParseError. */
  push(chunk: Buffer): Buffer[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      let start = 0;
      while (this.buffered[start] === 13 || this.buffered[start] === 10) start++;
      if (start > 0) this.buffered = this.buffered.subarray(start);
      const headEnd = this.buffered.indexOf(CRLFCRLF);
      if (headEnd < 0) break;
      const head = this.buffered.toString('latin1', 0, headEnd);
      const match = CONTENT_LENGTH.exec(head);
      // §18.3: Content-Length MUST be present on streams; we treat a missing one as 0.
      const length = match ? Number(match[1]) : 0;
      if (length > this.maxBufferedBytes) throw badRequest('Content-Length too large');
      const total = headEnd + 4 + length;
      if (this.buffered.length < total) break;
      out.push(this.buffered.subarray(0, total));
      this.buffered = this.buffered.subarray(total);
    }
    if (this.buffered.length > this.maxBufferedBytes) throw badRequest('Message too large for stream');
    return out;
  }

  get pending(): number {
    return this.buffered.length;
  }
}
