/**
 * Via header values (RFC 3261 §20.42, §18.2.1; RFC 3581 rport). LWS is allowed around the
 * slashes of the sent-protocol ("SIP / 2.0 / UDP", RFC 4475 §3.1.1.1).
 */
import { badRequest } from './sip-parse-error';
import { formatParams, isToken, parseParams, type Params } from './header-value-scanner';
import { parseHostPort } from './uri';

/** RFC 3261 §8.1.1.7: branches of RFC 3261 elements start with this magic cookie. */
export const BRANCH_MAGIC_COOKIE = 'z9hG4bK';

export class Via {
  constructor(
    public transport: string,
    public host: string,
    public port: number | undefined,
    public params: Params = new Map(),
    public protocol = 'SIP/2.0',
  ) {}

  get branch(): string | undefined {
    return this.params.get('branch') ?? undefined;
  }

  get received(): string | undefined {
    return this.params.get('received') ?? undefined;
  }

  get maddr(): string | undefined {
    return this.params.get('maddr') ?? undefined;
  }

  /** rport value; null when the parameter is present without a value (a request for it). */
  get rport(): number | null | undefined {
    if (!this.params.has('rport')) return undefined;
    const value = this.params.get('rport');
    return value === null || value === undefined ? null : Number(value);
  }

  /** sent-by as "host:port" with the default port filled in, for transaction matching. */
  get sentBy(): string {
    return `${this.host.toLowerCase()}:${this.port ?? (this.transport === 'TLS' ? 5061 : 5060)}`;
  }

  toString(): string {
    return `${this.protocol}/${this.transport} ${this.host}${this.port === undefined ? '' : `:${this.port}`}${formatParams(this.params)}`;
  }
}

export function parseVia(value: string): Via {
  const parts: string[] = [];
  let i = 0;
  const n = value.length;
  // sent-protocol: name SLASH version SLASH transport, each SLASH = SWS "/" SWS.
  for (let part = 0; part < 3; part++) {
    while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
    const start = i;
    while (i < n && value[i] !== '/' && value[i] !== ' ' && value[i] !== '\t') i++;
    parts.push(value.slice(start, i));
    while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
    if (part < 2) {
      if (value[i] !== '/') throw badRequest('Malformed Via');
      i++;
    }
  }
  const [name = '', version = '', transport = ''] = parts;
  if (!isToken(name) || !isToken(version) || !isToken(transport)) throw badRequest('Malformed Via');
  const semi = value.indexOf(';', i);
  const sentBy = (semi < 0 ? value.slice(i) : value.slice(i, semi)).trim();
  if (sentBy === '') throw badRequest('Malformed Via');
  const { host, port } = parseHostPort(sentBy.replace(/[ \t]*:[ \t]*/, ':'), 'Via');
  const params = semi < 0 ? new Map<string, string | null>() : parseParams(value.slice(semi), 'Via');
  return new Via(transport.toUpperCase(), host, port, params, `${name.toUpperCase()}/${version}`);
}
