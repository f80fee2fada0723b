/**
 * The REST calls bench/switch.ts makes to set up its agents, as an administrator or as each
 * agent: a tiny client that signs in (session cookie + CSRF token) and fails loudly with the
 * server's answer, so a bench never runs on a half-made setup.
 */
export interface ApiSession {
  /** JSON request; throws on any status but 200, with the server's message. */
  call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T>;
}

export async function signIn(baseUrl: string, account: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${account} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  return {
    async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
      const reply = await fetch(`${baseUrl}${path.replace(/^\//, '')}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await reply.text();
      if (reply.status !== 200) throw new Error(`${method} ${path} → ${reply.status}: ${text.slice(0, 500)}`);
      return JSON.parse(text) as T;
    },
  };
}

/** Runs `task` over `items`, at most `width` at a time, in order of start. */
export async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return results;
}
