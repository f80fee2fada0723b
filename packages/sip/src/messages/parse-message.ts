/**
 * parseMessage: bytes → SipRequest | SipResponse (RFC 3261 §7). Splits the header block once,
 * unfolds continuation lines, expands compact names, frames the body by Content-Length and
 * checks the headers every request needs (§8.1.1) so that callers only meet well-formed
 * messages. Anything wrong throws SipParseError naming the response to send.
 */
import { headerKey, printedName } from './header-names';
import { isToken } from './header-value-scanner';
import { SipParseError, badRequest } from './sip-parse-error';
import type { SipMessage } from './sip-message';
import { SipRequest } from './sip-request';
import { SipResponse } from './sip-response';

export interface ParseOptions {
  /** Datagram (UDP): without Content-Length the body runs to the end (RFC 3261 §18.3). Default true. */
  datagram?: boolean;
  maxMessageBytes?: number;
  maxHeaders?: number;
  maxLineLength?: number;
}

export const MESSAGE_LIMITS = { maxMessageBytes: 65535, maxHeaders: 256, maxLineLength: 8192 } as const;

const CRLFCRLF = Buffer.from('\r\n\r\n');

export function parseMessage(input: Buffer | string, options: ParseOptions = {}): SipRequest | SipResponse {
  const buffer = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const maxBytes = options.maxMessageBytes ?? MESSAGE_LIMITS.maxMessageBytes;
  if (buffer.length > maxBytes) throw new SipParseError(513, 'Message Too Large');
  // RFC 3261 §7.5: empty lines before the start line are ignored.
  let start = 0;
  while (buffer[start] === 13 || buffer[start] === 10) start++;
  let headEnd = buffer.indexOf(CRLFCRLF, start);
  let bodyStart = headEnd + 4;
  if (headEnd < 0) {
    // A datagram whose header block is not closed (RFC 4475 baddn.dat): headers run to the end.
    headEnd = buffer.length;
    bodyStart = buffer.length;
  }
  const head = buffer.toString('utf8', start, headEnd);
  const lines = head.split('\r\n');
  const startLine = lines[0] ?? '';
  let message: SipRequest | SipResponse;
  let startError: unknown;
  try {
    message = parseStartLine(startLine, options.maxLineLength ?? MESSAGE_LIMITS.maxLineLength);
  } catch (error) {
    // Keep reading the headers of a request with a bad start line, so that it can be answered.
    if (startLine.startsWith('SIP/')) throw error;
    startError = error;
    message = new SipRequest('INVALID', '*');
  }
  try {
    readHeaders(message, lines, options);
    if (startError !== undefined) throw startError;
    frameBody(message, buffer, bodyStart, options.datagram ?? true);
    if (message.kind === 'request') checkRequest(message);
    else checkResponse(message);
  } catch (error) {
    if (error instanceof SipParseError) error.partial = message;
    throw error;
  }
  return message;
}

function parseStartLine(line: string, maxLineLength: number): SipRequest | SipResponse {
  if (line.length > maxLineLength) throw badRequest('Start line too long');
  if (line.startsWith('SIP/')) {
    // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (§7.2)
    const sp1 = line.indexOf(' ');
    const sp2 = line.indexOf(' ', sp1 + 1);
    const code = sp2 < 0 ? line.slice(sp1 + 1) : line.slice(sp1 + 1, sp2);
    if (sp1 < 0 || sp2 < 0 || !/^[1-6][0-9][0-9]$/.test(code)) throw badRequest('Malformed Status-Line');
    const response = new SipResponse(Number(code), line.slice(sp2 + 1));
    response.version = checkVersion(line.slice(0, sp1));
    return response;
  }
  // Request-Line = Method SP Request-URI SP SIP-Version CRLF: exactly single spaces, no LWS
  // inside the URI and none trailing (RFC 4475 §3.1.2.8–§3.1.2.10).
  const parts = line.split(' ');
  const [method = '', uri = '', version = ''] = parts;
  if (parts.length !== 3 || method === '' || uri === '' || version === '') throw badRequest('Malformed Request-Line');
  if (!isToken(method)) throw badRequest('Malformed Method');
  const request = new SipRequest(method, uri);
  request.version = checkVersion(version);
  return request;
}

function checkVersion(version: string): string {
  if (version.toUpperCase() === 'SIP/2.0') return 'SIP/2.0';
  // §8.2.6 / RFC 4475 §3.1.2.16: a well-formed but unknown version gets 505.
  if (/^SIP\/[0-9]+\.[0-9]+$/i.test(version)) throw new SipParseError(505, 'Version Not Supported');
  throw badRequest('Malformed SIP-Version');
}

function readHeaders(message: SipMessage, lines: string[], options: ParseOptions): void {
  const maxHeaders = options.maxHeaders ?? MESSAGE_LIMITS.maxHeaders;
  const maxLine = options.maxLineLength ?? MESSAGE_LIMITS.maxLineLength;
  const fields = message.headerFields;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue; // only the end of an unterminated header block
    if (line.length > maxLine) throw badRequest('Header line too long');
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      // §7.3.1: a line starting with whitespace continues the previous one.
      const previous = fields[fields.length - 1];
      if (previous === undefined) throw badRequest('Malformed header folding');
      previous.value = previous.value === '' ? line.trim() : `${previous.value} ${line.trim()}`;
      if (previous.value.length > maxLine) throw badRequest('Header line too long');
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (name === '' || !isToken(name)) throw badRequest('Malformed header line');
    if (fields.length >= maxHeaders) throw badRequest('Too many headers');
    const key = headerKey(name);
    fields.push({ key, name: printedName(key, name), value: line.slice(colon + 1).trim() });
  }
}

function frameBody(message: SipMessage, buffer: Buffer, bodyStart: number, datagram: boolean): void {
  const lengths = message.headers('content-length');
  if (lengths.length > 1) throw badRequest('Multiple Content-Length values');
  const available = buffer.length - bodyStart;
  if (lengths.length === 0) {
    // §18.3: over UDP the body runs to the end of the datagram; over a stream it is empty.
    message.body = datagram ? buffer.subarray(bodyStart) : Buffer.alloc(0);
    return;
  }
  const text = (lengths[0] as string).trim();
  if (!/^[0-9]{1,10}$/.test(text)) throw badRequest('Malformed Content-Length');
  const length = Number(text);
  if (length > available) throw badRequest('Content-Length larger than body');
  // Octets after Content-Length are discarded (§18.3, RFC 4475 §3.1.1.8).
  message.body = buffer.subarray(bodyStart, bodyStart + length);
}

function checkRequest(request: SipRequest): void {
  // §8.1.1: To, From, CSeq, Call-ID, Max-Forwards and Via are mandatory; Max-Forwards is
  // left out of the check for RFC 2543 peers (RFC 4475 §3.4.1), but must be valid if present.
  if (request.vias.length === 0) throw badRequest('Missing Via');
  void request.from;
  void request.to;
  void request.callId;
  void request.maxForwards;
  void request.expires;
  if (request.cseq.method !== request.method) throw badRequest('CSeq method does not match Request-Line');
  void request.uri;
  if (request.uri.kind === 'sip' && request.uri.headers !== undefined) throw badRequest('Headers in Request-URI');
  if (request.hasHeader('contact')) void request.contacts;
}

function checkResponse(response: SipResponse): void {
  if (response.vias.length === 0) throw badRequest('Missing Via');
  void response.from;
  void response.to;
  void response.callId;
  void response.cseq;
}
