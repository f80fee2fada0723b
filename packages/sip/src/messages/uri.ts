/**
 * URIs (RFC 3261 §19.1, §25.1; tel: RFC 3966). SIP/SIPS URIs are split into their parts with
 * escapes kept as written, so that serialising gives back the same text; `unescape` decodes
 * % HEX HEX once (RFC 4475 §3.1.1.3: never recursively).
 */
import { badRequest } from './sip-parse-error';
import { formatParams, parseParams, type Params } from './header-value-scanner';

export class SipUri {
  readonly kind = 'sip';
  constructor(
    public scheme: 'sip' | 'sips',
    public user: string | undefined,
    public password: string | undefined,
    public host: string,
    public port: number | undefined,
    public params: Params = new Map(),
    /** Header part after '?', as written (escaped). */
    public headers: string | undefined = undefined,
  ) {}

  /** Host as used to open a socket: IPv6 references without brackets. */
  get hostAddress(): string {
    return this.host.startsWith('[') ? this.host.slice(1, -1) : this.host;
  }

  get transportParam(): string | undefined {
    return this.params.get('transport') ?? undefined;
  }

  toString(): string {
    let out = `${this.scheme}:`;
    if (this.user !== undefined) out += this.password !== undefined ? `${this.user}:${this.password}@` : `${this.user}@`;
    out += this.host;
    if (this.port !== undefined) out += `:${this.port}`;
    out += formatParams(this.params);
    if (this.headers !== undefined) out += `?${this.headers}`;
    return out;
  }
}

export class TelUri {
  readonly kind = 'tel';
  readonly scheme = 'tel';
  constructor(
    public number: string,
    public params: Params = new Map(),
  ) {}

  toString(): string {
    return `tel:${this.number}${formatParams(this.params)}`;
  }
}

/** Any other scheme (http:, isbn:, soap.beep: …): kept as text. */
export class AbsoluteUri {
  readonly kind = 'absolute';
  constructor(
    public scheme: string,
    public text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

export type Uri = SipUri | TelUri | AbsoluteUri;

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const HOSTNAME = /^[A-Za-z0-9.-]+$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const PORT = /^[0-9]{1,5}$/;
const USERINFO = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/;
const PASSWORD = /^[A-Za-z0-9\-_.!~*'()&=+$,%]*$/;

export function parseUri(text: string): Uri {
  const colon = text.indexOf(':');
  const scheme = colon > 0 ? text.slice(0, colon) : '';
  if (!SCHEME.test(scheme)) throw badRequest('Malformed URI scheme');
  if (/[\s<>"]/.test(text)) throw badRequest('Malformed URI');
  const lower = scheme.toLowerCase();
  const rest = text.slice(colon + 1);
  if (lower === 'sip' || lower === 'sips') return parseSipUri(lower, rest);
  if (lower === 'tel') {
    const semi = rest.indexOf(';');
    const number = semi < 0 ? rest : rest.slice(0, semi);
    if (number === '') throw badRequest('Malformed tel URI');
    return new TelUri(number, semi < 0 ? new Map() : parseParams(rest.slice(semi), 'URI'));
  }
  return new AbsoluteUri(lower, text);
}

function parseSipUri(scheme: 'sip' | 'sips', rest: string): SipUri {
  // The user part may hold '?', ';' and '/' (RFC 3261 §25.1 user-unreserved), so split at '@'
  // first; the headers start at the first '?' after the host.
  const at = rest.indexOf('@');
  let user: string | undefined;
  let password: string | undefined;
  let afterUser = rest;
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    afterUser = rest.slice(at + 1);
    const pc = userinfo.indexOf(':');
    user = pc < 0 ? userinfo : userinfo.slice(0, pc);
    password = pc < 0 ? undefined : userinfo.slice(pc + 1);
    if (user === '' || !USERINFO.test(user) || (password !== undefined && !PASSWORD.test(password))) {
      throw badRequest('Malformed URI user part');
    }
  }
  const question = afterUser.indexOf('?');
  const hostPart = question < 0 ? afterUser : afterUser.slice(0, question);
  const headers = question < 0 ? undefined : afterUser.slice(question + 1);
  const semi = hostPart.indexOf(';');
  const hostport = semi < 0 ? hostPart : hostPart.slice(0, semi);
  const params = semi < 0 ? new Map<string, string | null>() : parseParams(hostPart.slice(semi), 'URI');
  const { host, port } = parseHostPort(hostport, 'URI');
  return new SipUri(scheme, user, password, host, port, params, headers);
}

/** host[:port] with IPv6 references in brackets (RFC 3261 §25.1 hostport). */
export function parseHostPort(text: string, what: string): { host: string; port: number | undefined } {
  let host: string;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    host = text.slice(0, close + 1);
    if (close < 0 || !IPV6.test(host)) throw badRequest(`Malformed ${what} host`);
    const after = text.slice(close + 1).trim();
    if (after !== '') {
      if (!after.startsWith(':')) throw badRequest(`Malformed ${what} host`);
      portText = after.slice(1).trim();
    }
  } else {
    const c = text.indexOf(':');
    host = (c < 0 ? text : text.slice(0, c)).trim();
    portText = c < 0 ? undefined : text.slice(c + 1).trim();
    if (!HOSTNAME.test(host)) throw badRequest(`Malformed ${what} host`);
  }
  let port: number | undefined;
  if (portText !== undefined) {
    if (!PORT.test(portText) || Number(portText) > 65535) throw badRequest(`Malformed ${what} port`);
    port = Number(portText);
  }
  return { host, port };
}

/** Decodes % HEX HEX escapes once (UTF-8); invalid escapes stay as written. */
export function unescape(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else for (const b of Buffer.from(text[i] ?? '', 'utf8')) bytes.push(b);
  }
  return Buffer.from(bytes).toString('utf8');
}
