/**
 * The `http` node: a lookup in a business system (balance, repair progress, outage notice). Any
 * failure — network error, timeout, non-2xx status, an answer that is not JSON, an assigned field
 * that is missing — is the node's `failure` outcome; a hang-up during the request is reported as
 * such so that the interpreter can end the call.
 */
import type { IvrHttpNode } from '@rexian/contracts';
import { interpolate } from './interpolate';

export type HttpLookupResult =
  | { kind: 'ok'; values: Record<string, string> }
  | { kind: 'failure'; reason: string }
  | { kind: 'hung-up' };

/**
 * The URL with the call's values URI-encoded, except a placeholder at the very start: that one is
 * the base address (`${serverUrl}/api/…`) and must stay as it is.
 */
export function lookupUrl(template: string, variables: Readonly<Record<string, string>>): string {
  return interpolate(template, variables, (value, offset) => (offset === 0 ? value : encodeURIComponent(value)));
}

/** Every string in a JSON body template with the call's values put in (the result is always valid JSON). */
function fillBody(body: unknown, variables: Readonly<Record<string, string>>): unknown {
  if (typeof body === 'string') return interpolate(body, variables);
  if (Array.isArray(body)) return body.map((item) => fillBody(item, variables));
  if (body !== null && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, fillBody(value, variables)]));
  }
  return body;
}

/** `data.owner.name` or `items.0.amount` in a JSON answer, as a string; undefined unless a string, number or boolean. */
export function valueAtPath(json: unknown, path: string): string | undefined {
  let current: unknown = json;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  if (typeof current === 'string') return current;
  if (typeof current === 'number' || typeof current === 'boolean') return String(current);
  return undefined;
}

export interface HttpLookupProps {
  node: IvrHttpNode;
  variables: Readonly<Record<string, string>>;
  fetch: typeof fetch;
  /** The call's signal: aborted when the caller hangs up. */
  signal: AbortSignal;
}

export async function httpLookup({ node, variables, fetch, signal }: HttpLookupProps): Promise<HttpLookupResult> {
  let url: URL;
  try {
    url = new URL(lookupUrl(node.url, variables));
  } catch {
    return { kind: 'failure', reason: 'bad-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'failure', reason: 'bad-url' };
  const init: RequestInit = {
    method: node.method,
    headers: { accept: 'application/json' },
    signal: AbortSignal.any([signal, AbortSignal.timeout(node.timeoutMs)]),
  };
  if (node.method === 'POST' && node.body !== undefined) {
    init.body = JSON.stringify(fillBody(node.body, variables));
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  let json: unknown;
  try {
    const response = await fetch(url, init);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'failure', reason: `status ${response.status}` };
    }
    json = JSON.parse(await response.text());
  } catch (error) {
    if (signal.aborted) return { kind: 'hung-up' };
    return { kind: 'failure', reason: error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'error' };
  }
  const values: Record<string, string> = {};
  for (const [variable, path] of Object.entries(node.assign)) {
    const value = valueAtPath(json, path);
    if (value === undefined) return { kind: 'failure', reason: `missing ${path}` };
    values[variable] = value;
  }
  return { kind: 'ok', values };
}
