import { CSRF_HEADER } from '@rexian/contracts';
import { ApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query-string values; undefined, null and '' are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

/** The token from `/api/auth/me` or the login answer, sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the session has ended (a 401 outside `/api/auth/`): the app shows the sign-in page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function toSearch(query: QueryParams): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw ApiError.unreachable();
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  throw ApiError.fromAnswer(response.status, data);
}

/** The server's JSON API, called with the session cookie. */
export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', query ? path + toSearch(query) : path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
