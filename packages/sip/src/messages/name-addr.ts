/**
 * name-addr / addr-spec values with header parameters (RFC 3261 §20.10, §25.1): From, To,
 * Contact, Route, Record-Route, Refer-To. RFC 4475 §3.1.1.6: a display name directly followed
 * by '<' is accepted.
 */
import { badRequest } from './sip-parse-error';
import { formatParams, isToken, parseParams, readQuotedString, type Params } from './header-value-scanner';
import { parseUri, type Uri } from './uri';

export class NameAddr {
  constructor(
    public uri: Uri,
    public displayName: string | undefined = undefined,
    public params: Params = new Map(),
  ) {}

  get tag(): string | undefined {
    return this.params.get('tag') ?? undefined;
  }

  toString(): string {
    const name = this.displayName === undefined ? '' : `"${this.displayName.replace(/(["\\])/g, '\\$1')}" `;
    return `${name}<${this.uri.toString()}>${formatParams(this.params)}`;
  }
}

/** Parses one name-addr or addr-spec with its parameters. `what` names the header for errors. */
export function parseNameAddr(value: string, what: string): NameAddr {
  const text = value.trim();
  if (text === '') throw badRequest(`Empty ${what}`);
  let displayName: string | undefined;
  let i = 0;
  if (text[0] === '"') {
    const quoted = readQuotedString(text, 0, what);
    displayName = quoted.text;
    i = quoted.end;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '<') throw badRequest(`Malformed ${what} display name`);
  }
  const open = text.indexOf('<', i);
  if (open >= 0) {
    if (displayName === undefined) {
      const words = text.slice(0, open).trim();
      if (words !== '') {
        // display-name = *(token LWS) / quoted-string: unquoted names are tokens only.
        if (!words.split(/[ \t]+/).every(isToken)) throw badRequest(`Malformed ${what} display name`);
        displayName = words;
      }
    }
    const close = text.indexOf('>', open);
    if (close < 0) throw badRequest(`Malformed ${what}: missing '>'`);
    // RFC 4475 §3.1.2.14: a liberal element may ignore spaces inside the brackets.
    const uri = parseUri(text.slice(open + 1, close).trim());
    return new NameAddr(uri, displayName, parseParams(text.slice(close + 1), what));
  }
  // addr-spec form: RFC 3261 §20.10 — the URI cannot hold ',', ';' or '?' here, so the first
  // ';' starts header parameters, and a '?' means the sender forgot the brackets.
  const semi = text.indexOf(';');
  const uriText = semi < 0 ? text : text.slice(0, semi);
  if (uriText.includes('?') || /\s/.test(uriText.trim())) throw badRequest(`Malformed ${what} URI`);
  return new NameAddr(parseUri(uriText.trim()), undefined, semi < 0 ? new Map() : parseParams(text.slice(semi), what));
}
