/**
 * Digest challenges and credentials (RFC 3261 §20.7, §20.27, §20.28, §20.44, §25.1; RFC 7616 §3.3,
 * §3.4; RFC 8760): WWW-Authenticate / Proxy-Authenticate values carry challenges, Authorization /
 * Proxy-Authorization carry credentials. Both are `scheme auth-param *(COMMA auth-param)`; one
 * header value may hold several challenges (RFC 7235 §4.1), told apart by a token that has no `=`.
 */

/** A header value that does not follow the challenge / credentials grammar. */
export class AuthHeaderSyntaxError extends Error {
  override readonly name = 'AuthHeaderSyntaxError';
}

/** One auth-param; `quoted` records whether the value was a quoted-string, so round trips keep it. */
export interface AuthParam {
  readonly name: string;
  readonly value: string;
  readonly quoted: boolean;
}

/** One challenge or credentials value: its scheme and auth-params in their order. */
export interface AuthValue {
  readonly scheme: string;
  readonly params: readonly AuthParam[];
}

/** Parses a header value holding one or more challenges (or credentials). */
export function parseAuthValues(value: string): AuthValue[] {
  return parseAuthParamList(value);
}

/** Serialises one challenge or credentials value, quoting exactly as parsed. */
export function serializeAuthValue(value: AuthValue): string {
  const params = value.params.map(serializeAuthParam).join(', ');
  return params === '' ? value.scheme : `${value.scheme} ${params}`;
}

/** A Digest challenge (RFC 7616 §3.3). `algorithm` is as sent (absent means MD5). */
export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly algorithm?: string;
  /** The qop-options list, e.g. ['auth']; empty when the server sent none (RFC 2069 mode). */
  readonly qop: readonly string[];
  readonly opaque?: string;
  readonly domain?: string;
  readonly stale: boolean;
}

/** Digest credentials (RFC 3261 §25.1 digest-response, RFC 7616 §3.4). */
export interface DigestCredentials {
  readonly username: string;
  readonly realm: string;
  readonly nonce: string;
  readonly uri: string;
  readonly response: string;
  readonly algorithm?: string;
  readonly cnonce?: string;
  readonly opaque?: string;
  readonly qop?: string;
  /** nonce-count as the 8 hex digits sent, e.g. '00000001'. */
  readonly nc?: string;
}

function paramMap(value: AuthValue): Map<string, string> {
  const map = new Map<string, string>();
  // RFC 7235 §2.1: "Each parameter name MUST only occur once per challenge"; keep the first.
  for (const p of value.params) if (!map.has(p.name.toLowerCase())) map.set(p.name.toLowerCase(), p.value);
  return map;
}

function required(map: Map<string, string>, name: string): string {
  const v = map.get(name);
  if (v === undefined) throw new AuthHeaderSyntaxError(`Digest value without ${name}`);
  return v;
}

function isDigest(value: AuthValue): boolean {
  return value.scheme.toLowerCase() === 'digest';
}

/** The Digest challenges among the values of one or more WWW-/Proxy-Authenticate headers. */
export function parseDigestChallenges(...headerValues: string[]): DigestChallenge[] {
  return headerValues.flatMap(parseAuthValues).filter(isDigest).map(toDigestChallenge);
}

export function toDigestChallenge(value: AuthValue): DigestChallenge {
  if (!isDigest(value)) throw new AuthHeaderSyntaxError(`not a Digest challenge: ${value.scheme}`);
  const m = paramMap(value);
  const qop = m.get('qop');
  return {
    realm: required(m, 'realm'),
    nonce: required(m, 'nonce'),
    ...optional('algorithm', m.get('algorithm')),
    qop: qop === undefined ? [] : qop.split(',').map((q) => q.trim()).filter((q) => q !== ''),
    ...optional('opaque', m.get('opaque')),
    ...optional('domain', m.get('domain')),
    stale: m.get('stale')?.toLowerCase() === 'true',
  };
}

export function formatDigestChallenge(c: DigestChallenge): string {
  const params: AuthParam[] = [quoted('realm', c.realm)];
  if (c.domain !== undefined) params.push(quoted('domain', c.domain));
  params.push(quoted('nonce', c.nonce));
  if (c.opaque !== undefined) params.push(quoted('opaque', c.opaque));
  if (c.stale) params.push(token('stale', 'true'));
  if (c.algorithm !== undefined) params.push(token('algorithm', c.algorithm));
  // RFC 3261 §25.1: qop-options = "qop" EQUAL LDQUOT qop-value *("," qop-value) RDQUOT
  if (c.qop.length > 0) params.push(quoted('qop', c.qop.join(',')));
  return serializeAuthValue({ scheme: 'Digest', params });
}

/** Parses an Authorization / Proxy-Authorization value holding Digest credentials. */
export function parseDigestCredentials(headerValue: string): DigestCredentials {
  const [first, ...rest] = parseAuthValues(headerValue);
  if (first === undefined || rest.length > 0) throw new AuthHeaderSyntaxError('expected exactly one credentials value');
  if (!isDigest(first)) throw new AuthHeaderSyntaxError(`not Digest credentials: ${first.scheme}`);
  const m = paramMap(first);
  const nc = m.get('nc');
  // RFC 3261 §25.1: nonce-count = "nc" EQUAL nc-value; nc-value = 8LHEX
  if (nc !== undefined && !/^[0-9a-fA-F]{8}$/.test(nc)) throw new AuthHeaderSyntaxError(`bad nc ${nc}`);
  return {
    username: required(m, 'username'),
    realm: required(m, 'realm'),
    nonce: required(m, 'nonce'),
    uri: required(m, 'uri'),
    response: required(m, 'response'),
    ...optional('algorithm', m.get('algorithm')),
    ...optional('cnonce', m.get('cnonce')),
    ...optional('opaque', m.get('opaque')),
    ...optional('qop', m.get('qop')),
    ...optional('nc', nc),
  };
}

export function formatDigestCredentials(c: DigestCredentials): string {
  const params: AuthParam[] = [
    quoted('username', c.username),
    quoted('realm', c.realm),
    quoted('nonce', c.nonce),
    quoted('uri', c.uri),
    quoted('response', c.response),
  ];
  if (c.algorithm !== undefined) params.push(token('algorithm', c.algorithm));
  if (c.cnonce !== undefined) params.push(quoted('cnonce', c.cnonce));
  if (c.opaque !== undefined) params.push(quoted('opaque', c.opaque));
  // RFC 3261 §25.1: message-qop = "qop" EQUAL qop-value (a token, not quoted)
  if (c.qop !== undefined) params.push(token('qop', c.qop));
  if (c.nc !== undefined) params.push(token('nc', c.nc));
  return serializeAuthValue({ scheme: 'Digest', params });
}

function quoted(name: string, value: string): AuthParam {
  return { name, value, quoted: true };
}
function token(name: string, value: string): AuthParam {
  return { name, value, quoted: false };
}
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

// RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
const TOKEN = /[A-Za-z0-9\-.!%*_+`'~]+/y;
// RFC 7235 §2.1: token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*(?=[ \t\r\n]*(?:,|$))/y;
// Unquoted values are read leniently: anything up to whitespace or a comma.
const BARE_VALUE = /[^\s,"]+/y;
const WS = /[ \t\r\n]*/y;
const WS_OR_COMMA = /[ \t\r\n,]*/y;

function match(re: RegExp, input: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(input)?.[0];
}

/** Reads a quoted-string starting at `at` (the opening quote); returns its unescaped text and end. */
function quotedString(input: string, at: number): { value: string; end: number } {
  let value = '';
  for (let i = at + 1; i < input.length; i++) {
    const ch = input[i];
    if (ch === '"') return { value, end: i + 1 };
    // RFC 3261 §25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
    if (ch === '\\') {
      const next = input[++i];
      if (next === undefined || next === '\r' || next === '\n') break;
      value += next;
    } else value += ch;
  }
  throw new AuthHeaderSyntaxError('unterminated quoted-string');
}

function parseAuthParamList(input: string): AuthValue[] {
  const values: { scheme: string; params: AuthParam[] }[] = [];
  let at = 0;
  for (;;) {
    at += match(WS_OR_COMMA, input, at)?.length ?? 0;
    if (at >= input.length) break;
    const current = values[values.length - 1];
    const name = match(TOKEN, input, at);
    if (name === undefined) throw new AuthHeaderSyntaxError(`expected a token at ${at}`);
    const afterName = at + name.length;
    const eq = afterName + (match(WS, input, afterName)?.length ?? 0);
    if (input[eq] !== '=' || current === undefined) {
      // A token without "=" starts the next challenge (RFC 7235 §4.1 allows several in one value).
      values.push({ scheme: name, params: [] });
      at = afterName + (match(WS, input, afterName)?.length ?? 0);
      const t68 = match(TOKEN68, input, at);
      if (t68 !== undefined && (t68.endsWith('=') || input[at + t68.length] !== '=')) {
        values[values.length - 1]?.params.push({ name: '', value: t68, quoted: false });
        at += t68.length;
      }
      continue;
    }
    at = eq + 1 + (match(WS, input, eq + 1)?.length ?? 0);
    if (input[at] === '"') {
      const q = quotedString(input, at);
      current.params.push({ name, value: q.value, quoted: true });
      at = q.end;
    } else {
      const bare = match(BARE_VALUE, input, at);
      if (bare === undefined) throw new AuthHeaderSyntaxError(`auth-param ${name} without a value`);
      current.params.push({ name, value: bare, quoted: false });
      at += bare.length;
    }
  }
  if (values.length === 0) throw new AuthHeaderSyntaxError('empty auth header value');
  return values;
}

function serializeAuthParam(p: AuthParam): string {
  if (/[\r\n]/.test(p.value) || /[\r\n]/.test(p.name)) throw new AuthHeaderSyntaxError('CR or LF in an auth-param');
  if (p.name === '') return p.value;
  if (!p.quoted && match(BARE_VALUE, p.value, 0) === p.value) return `${p.name}=${p.value}`;
  return `${p.name}="${p.value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
