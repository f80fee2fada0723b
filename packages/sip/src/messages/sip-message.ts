/**
 * The common base of requests and responses: an ordered header list with raw access to every
 * header, typed accessors that parse on first use and cache (RFC 3261 §7.3, §20), and the body.
 * Changing a header through setHeader/addHeader/removeHeader drops its cached typed value.
 */
import { headerKey, printedName } from './header-names';
import { splitTopLevel } from './header-value-scanner';
import { parseNameAddr, type NameAddr } from './name-addr';
import { badRequest } from './sip-parse-error';
import { parseVia, type Via } from './via';
import { parseReplaces, type Replaces } from './replaces';

export interface HeaderField {
  /** Lower-case long name ("via" for "v"). */
  key: string;
  /** Name as printed. */
  name: string;
  value: string;
}

export interface CSeq {
  seq: number;
  method: string;
}

const MAX_CSEQ = 2 ** 32 - 1;

export abstract class SipMessage {
  abstract readonly kind: 'request' | 'response';
  version = 'SIP/2.0';
  headerFields: HeaderField[] = [];
  body: Buffer = Buffer.alloc(0);
  private cache = new Map<string, unknown>();

  abstract startLine(): string;

  /** First value of a header (the whole line for headers written once), or undefined. */
  header(name: string): string | undefined {
    const key = headerKey(name);
    for (const field of this.headerFields) if (field.key === key) return field.value;
    return undefined;
  }

  /** Every line of a header, in order. */
  headers(name: string): string[] {
    const key = headerKey(name);
    const out: string[] = [];
    for (const field of this.headerFields) if (field.key === key) out.push(field.value);
    return out;
  }

  /** Every comma-separated value of a header across all its lines (RFC 3261 §7.3.1). */
  headerValues(name: string): string[] {
    const out: string[] = [];
    for (const line of this.headers(name)) for (const v of splitTopLevel(line)) out.push(v);
    return out;
  }

  hasHeader(name: string): boolean {
    return this.header(name) !== undefined;
  }

  /** Replaces every line of a header with the given value(s), at the place of the first one. */
  setHeader(name: string, value: string | readonly string[]): this {
    const key = headerKey(name);
    const values = typeof value === 'string' ? [value] : value;
    const first = this.headerFields.findIndex((f) => f.key === key);
    const printed = printedName(key, name);
    const fields = values.map((v) => ({ key, name: printed, value: v }));
    this.headerFields = this.headerFields.filter((f) => f.key !== key);
    this.headerFields.splice(first < 0 ? this.headerFields.length : first, 0, ...fields);
    this.cache.delete(key);
    return this;
  }

  /** Adds a header line, at the end or (first: true) before the other lines of that header. */
  addHeader(name: string, value: string, options: { first?: boolean } = {}): this {
    const key = headerKey(name);
    const field = { key, name: printedName(key, name), value };
    const at = options.first ? this.headerFields.findIndex((f) => f.key === key) : -1;
    if (at < 0) this.headerFields.push(field);
    else this.headerFields.splice(at, 0, field);
    this.cache.delete(key);
    return this;
  }

  removeHeader(name: string): this {
    const key = headerKey(name);
    this.headerFields = this.headerFields.filter((f) => f.key !== key);
    this.cache.delete(key);
    return this;
  }

  private cached<T>(key: string, parse: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = parse();
    this.cache.set(key, value);
    return value;
  }

  /** The one value of a header that must appear exactly once (RFC 4475 §3.3.8). */
  singleValue(name: string, what: string): string {
    const lines = this.headers(name);
    if (lines.length === 0) throw badRequest(`Missing ${what}`);
    if (lines.length > 1) throw badRequest(`Multiple ${what} values`);
    return lines[0] as string;
  }

  get vias(): Via[] {
    return this.cached('via', () => this.headerValues('via').map((v) => parseVia(v)));
  }

  get topVia(): Via {
    const via = this.vias[0];
    if (via === undefined) throw badRequest('Missing Via');
    return via;
  }

  /** Rewrites the top Via after changing it (e.g. received/rport, RFC 3581 §4). */
  replaceTopVia(via: Via): void {
    const first = this.headerFields.find((f) => f.key === 'via');
    if (first === undefined) throw badRequest('Missing Via');
    const values = splitTopLevel(first.value);
    values[0] = via.toString();
    first.value = values.join(', ');
    this.cache.delete('via');
  }

  get from(): NameAddr {
    return this.cached('from', () => parseNameAddr(this.singleValue('from', 'From'), 'From'));
  }

  get to(): NameAddr {
    return this.cached('to', () => parseNameAddr(this.singleValue('to', 'To'), 'To'));
  }

  get callId(): string {
    return this.cached('call-id', () => {
      const value = this.singleValue('call-id', 'Call-ID').trim();
      if (value === '' || /[\s,]/.test(value)) throw badRequest('Malformed Call-ID');
      return value;
    });
  }

  get cseq(): CSeq {
    return this.cached('cseq', () => {
      const parts = this.singleValue('cseq', 'CSeq').trim().split(/[ \t]+/);
      const seqText = parts[0] ?? '';
      if (parts.length !== 2 || !/^[0-9]{1,10}$/.test(seqText) || Number(seqText) > MAX_CSEQ) {
        throw badRequest('Malformed CSeq');
      }
      return { seq: Number(seqText), method: parts[1] as string };
    });
  }

  /** Contact values; empty for `Contact: *` (see contactStar). */
  get contacts(): NameAddr[] {
    return this.cached('contact', () =>
      this.contactStar ? [] : this.headerValues('contact').map((v) => parseNameAddr(v, 'Contact')),
    );
  }

  get contactStar(): boolean {
    const values = this.headerValues('contact');
    return values.length === 1 && values[0] === '*';
  }

  get routes(): NameAddr[] {
    return this.cached('route', () => this.headerValues('route').map((v) => parseNameAddr(v, 'Route')));
  }

  get recordRoutes(): NameAddr[] {
    return this.cached('record-route', () => this.headerValues('record-route').map((v) => parseNameAddr(v, 'Record-Route')));
  }

  get maxForwards(): number | undefined {
    return this.cached('max-forwards', () => this.optionalNumber('max-forwards', 'Max-Forwards', 255));
  }

  get expires(): number | undefined {
    return this.cached('expires', () => this.optionalNumber('expires', 'Expires', MAX_CSEQ));
  }

  get referTo(): NameAddr | undefined {
    return this.cached('refer-to', () => {
      const value = this.header('refer-to');
      return value === undefined ? undefined : parseNameAddr(value, 'Refer-To');
    });
  }

  get replaces(): Replaces | undefined {
    return this.cached('replaces', () => {
      const value = this.header('replaces');
      return value === undefined ? undefined : parseReplaces(value);
    });
  }

  /** Media type without parameters, lower-case ("application/sdp"). */
  get contentType(): string | undefined {
    const value = this.header('content-type');
    return value?.split(';')[0]?.trim().toLowerCase();
  }

  private optionalNumber(key: string, what: string, max: number): number | undefined {
    const lines = this.headers(key);
    if (lines.length === 0) return undefined;
    const text = (lines[0] as string).trim();
    if (lines.length > 1 || !/^[0-9]{1,10}$/.test(text) || Number(text) > max) throw badRequest(`Malformed ${what}`);
    return Number(text);
  }

  /** Wire form; Content-Length always states the body's length. */
  serialize(): Buffer {
    let head = `${this.startLine()}\r\n`;
    let wroteLength = false;
    for (const field of this.headerFields) {
      if (field.key === 'content-length') {
        if (wroteLength) continue;
        wroteLength = true;
        head += `Content-Length: ${this.body.length}\r\n`;
      } else head += `${field.name}: ${field.value}\r\n`;
    }
    if (!wroteLength) head += `Content-Length: ${this.body.length}\r\n`;
    head += '\r\n';
    if (this.body.length === 0) return Buffer.from(head, 'utf8');
    return Buffer.concat([Buffer.from(head, 'utf8'), this.body]);
  }

  toString(): string {
    return this.serialize().toString('utf8');
  }
}
