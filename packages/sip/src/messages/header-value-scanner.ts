/**
 * Small, backtracking-free scanners for header values (RFC 3261 §25.1): splitting on commas
 * outside quotes and angle brackets, generic `;name=value` parameters, quoted strings.
 * Every loop walks forward once, so hostile input costs linear time.
 */
import { badRequest } from './sip-parse-error';

/** Ordered parameters; a flag parameter (";lr") has the value null. Keys are lower-case. */
export type Params = Map<string, string | null>;

const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9;
}

/** Splits "a, <b,c>, "d,e"" into its comma-separated values, trimmed. Empty values are kept. */
export function splitTopLevel(value: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (quoted) {
      if (ch === 92) i++; // backslash: skip the quoted pair
      else if (ch === 34) quoted = false;
    } else if (ch === 34) quoted = true;
    else if (ch === 60) angle = true;
    else if (ch === 62) angle = false;
    else if (ch === 44 && !angle) {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (quoted) throw badRequest('Unterminated quoted string');
  out.push(value.slice(start).trim());
  return out;
}

/**
 * Reads a quoted string starting at `value[start] === '"'`; returns its unescaped text and the
 * index after the closing quote.
 */
export function readQuotedString(value: string, start: number, what: string): { text: string; end: number } {
  let text = '';
  for (let i = start + 1; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\') {
      text += value[i + 1] ?? '';
      i++;
    } else if (ch === '"') return { text, end: i + 1 };
    else text += ch;
  }
  throw badRequest(`Unterminated quoted string in ${what}`);
}

/**
 * Parses ";a=b;c;d="x"" (the text from the first ';' on) into ordered parameters.
 * Whitespace around ';' and '=' is allowed (§25.1 SEMI and EQUAL are SWS-wrapped).
 */
export function parseParams(text: string, what: string): Params {
  const params: Params = new Map();
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    if (text[i] !== ';') throw badRequest(`Malformed ${what} parameters`);
    i++;
    let j = i;
    while (j < n && text[j] !== ';' && text[j] !== '=') j++;
    const name = text.slice(i, j).trim();
    if (name === '' || !isToken(name)) throw badRequest(`Malformed ${what} parameter`);
    let value: string | null = null;
    if (text[j] === '=') {
      let k = j + 1;
      while (k < n && isWhitespace(text.charCodeAt(k))) k++;
      if (text[k] === '"') {
        const quoted = readQuotedString(text, k, what);
        value = `"${text.slice(k + 1, quoted.end - 1)}"`;
        j = quoted.end;
      } else {
        let e = k;
        while (e < n && text[e] !== ';') e++;
        value = text.slice(k, e).trim();
        if (value === '' || /\s/.test(value)) throw badRequest(`Malformed ${what} parameter value`);
        j = e;
      }
    }
    params.set(name.toLowerCase(), value);
    i = j;
  }
  return params;
}

export function formatParams(params: Params): string {
  let out = '';
  for (const [name, value] of params) out += value === null ? `;${name}` : `;${name}=${value}`;
  return out;
}

/** Removes surrounding double quotes and quoted-pair escapes from a parameter value. */
export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}
