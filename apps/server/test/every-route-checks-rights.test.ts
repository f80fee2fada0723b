import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './databases';
import { startTestApp, type Session, type TestApp } from './test-app';

/** Fills path parameters with plausible values so that the request reaches the route's checks. */
function concreteUrl(url: string): string {
  return url
    .replace(':id', '1')
    .replace(':code', 'ticket_category')
    .replace(':date', '2027-01-01')
    .replace(':key', 'system.name')
    .replace('*', 'index.html');
}

describe.each(DATABASE_KINDS)('every route declares and enforces its right (%s)', (kind) => {
  let t: TestApp;
  let agent: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    // agent1 holds the 座席 role: agent work (cti.agent, own calls.view) and no administration rights.
    agent = await t.signIn('agent1');
  });
  afterAll(() => t?.close());

  it('has routes to walk', () => {
    expect(t.app.routeAccess.filter((r) => r.url.startsWith('/api/') && r.access !== 'public').length).toBeGreaterThan(40);
  });

  it('refuses an anonymous caller with 401 on every route that is not public', async () => {
    const guarded = t.app.routeAccess.filter((r) => r.access !== 'public');
    for (const route of guarded) {
      const response = await t.app.inject({ method: route.method as 'GET', url: concreteUrl(route.url), payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {} });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== 'HEAD') expect(response.json().error.code).toBe('NOT_SIGNED_IN');
    }
  });

  it('refuses a signed-in caller without the right with 403 on every route that needs one', async () => {
    const held = new Set<string>(agent.me.rights);
    const needingRights = t.app.routeAccess.filter((r) => r.access !== 'public' && r.access !== 'signedIn' && ![r.access].flat().some((right) => held.has(right)));
    expect(needingRights.length).toBeGreaterThan(30);
    for (const route of needingRights) {
      const response = await agent.request({ method: route.method as 'GET', url: concreteUrl(route.url), payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {} });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      if (route.method !== 'HEAD') expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('records each refusal in the audit log with the caller and the route', async () => {
    const admin = await t.signIn('admin');
    const response = await admin.request({ method: 'GET', url: '/api/audit?action=request.denied&account=agent1&pageSize=200' });
    const entries = response.json().items as { objectId: string; outcome: string; ip: string }[];
    expect(entries.some((e) => e.objectId === 'POST /api/users' && e.outcome === 'denied' && e.ip === '127.0.0.1')).toBe(true);
    const anonymous = (await admin.request({ method: 'GET', url: '/api/audit?action=request.denied&objectId=POST%20%2Fapi%2Fusers&pageSize=200' })).json().items as { account: string | null; summary: { code: string } }[];
    expect(anonymous.some((e) => e.account === null && e.summary.code === 'NOT_SIGNED_IN')).toBe(true);
  });

  it('answers malformed input on every route with a 4xx naming the problem, never a 500', async () => {
    const admin = await t.signIn('admin');
    const bodies: unknown[] = [null, [], 'text', 42, { name: 12, parentId: 'x', rights: 'all', week: {}, value: { nested: true } }, { name: 'x'.repeat(100_000) }];
    const routes = t.app.routeAccess.filter((r) => r.url.startsWith('/api/') && !['GET', 'HEAD', 'DELETE'].includes(r.method) && r.url !== '/api/auth/logout');
    for (const route of routes) {
      for (const payload of bodies) {
        const response = await admin.request({ method: route.method as 'POST', url: concreteUrl(route.url), payload: payload as object });
        const what = `${route.method} ${route.url} ${JSON.stringify(payload)?.slice(0, 40)}`;
        if (route.takesBody) expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, what).toBeLessThan(500);
      }
    }
    for (const bad of ['abc', '-1', '1.5', '99999999999999999999']) {
      const response = await admin.request({ method: 'GET', url: `/api/users/${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.fields[0].field).toBe('id');
    }
    const query = await admin.request({ method: 'GET', url: '/api/audit?from=yesterday&pageSize=100000' });
    expect(query.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['from', 'pageSize']);
  });

  it('refuses to start when a route forgets to declare its access', async () => {
    const { default: Fastify } = await import('fastify');
    const { accessControl } = await import('../src/http/access-control');
    const bare = Fastify();
    await bare.register(accessControl, { db: t.database.db });
    expect(() => bare.get('/api/forgotten', async () => 'oops')).toThrow(/declares no access/);
    await bare.close();
  });
});
