import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { CSRF_HEADER, SESSION_COOKIE } from '@rexian/contracts';
import { departments } from '../src/db/schema';
import { DATABASE_KINDS } from './databases';
import { startTestApp, type Session, type TestApp } from './test-app';

describe.each(DATABASE_KINDS)('sign-in and protection (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterAll(() => t?.close());

  const login = (account: string, password: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account, password }, remoteAddress });
  const departmentCount = async () => (await t.database.db.select({ n: count() }).from(departments))[0]!.n;
  const auditOf = async (query: string) =>
    (await admin.request({ method: 'GET', url: `/api/audit?pageSize=200&${query}` })).json().items as Record<string, unknown>[];

  it('sets an HttpOnly SameSite=Strict session cookie and never returns the password hash', async () => {
    const response = await login('agent2', 'Staff12345');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(response.body).not.toMatch(/scrypt|passwordHash/);
  });

  it('answers a wrong password with 401 in Chinese and English, and audits it', async () => {
    const response = await login('agent2', 'wrong-password');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'BAD_CREDENTIALS', message: '账号或密码错误' });
    const entries = await auditOf('action=auth.login&account=agent2&outcome=failed');
    expect(entries[0]).toMatchObject({ summary: { reason: 'wrong password' }, ip: '127.0.0.1' });
  });

  it('locks the account after five wrong passwords, even against the right one, until an administrator unlocks it', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('agent3', `bad-${i}`)).statusCode).toBe(401);
    const fifth = await login('agent3', 'bad-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login('agent3', 'Staff12345')).statusCode).toBe(423);

    const users = (await admin.request({ method: 'GET', url: '/api/users?q=agent3' })).json().items;
    expect(users[0]).toMatchObject({ account: 'agent3', locked: true });
    expect((await admin.request({ method: 'POST', url: `/api/users/${users[0].id}/unlock` })).statusCode).toBe(200);
    expect((await login('agent3', 'Staff12345')).statusCode).toBe(200);
    expect((await auditOf('action=user.lock')).length).toBe(1);
  });

  it('refuses a request from outside a role\'s IP ranges with 403 and an audit entry', async () => {
    const roles = (await admin.request({ method: 'GET', url: '/api/roles' })).json() as { id: number; name: string; rights: string[] }[];
    const leaderRole = roles.find((r) => r.name === '班长')!;
    const restrict = await admin.request({
      method: 'PUT', url: `/api/roles/${leaderRole.id}`,
      payload: { name: '班长', rights: leaderRole.rights, dataScope: 'department', allowedIps: ['10.8.0.0/16'] },
    });
    expect(restrict.statusCode).toBe(200);

    const inside = await t.signIn('leader', undefined, '10.8.3.4');
    expect((await inside.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    // The same session cookie used from elsewhere is refused too, not only the sign-in.
    const outside = await t.app.inject({
      method: 'GET', url: '/api/users', remoteAddress: '192.168.1.20', headers: { cookie: `${SESSION_COOKIE}=${inside.cookie}` },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('IP_NOT_ALLOWED');
    expect((await login('leader', 'Staff12345', '192.168.1.20')).json().error.code).toBe('IP_NOT_ALLOWED');

    const denied = await auditOf('account=leader&outcome=denied');
    expect(denied.map((e) => e.ip)).toContain('192.168.1.20');
  });

  it('refuses a forged cross-site request: no CSRF token, or a foreign Origin, changes nothing', async () => {
    const before = await departmentCount();
    const noToken = await admin.request({ method: 'POST', url: '/api/departments', payload: { name: '伪造部门' }, csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_REJECTED');
    const wrongToken = await admin.request({
      method: 'POST', url: '/api/departments', payload: { name: '伪造部门' }, csrf: false, headers: { [CSRF_HEADER]: 'guessed' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const foreign = await admin.request({
      method: 'POST', url: '/api/departments', payload: { name: '伪造部门' }, headers: { origin: 'https://evil.example', host: 'localhost' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(await departmentCount()).toBe(before);
    expect((await auditOf('action=request.denied&account=admin')).some((e) => (e.summary as { code: string }).code === 'CSRF_REJECTED')).toBe(true);
  });

  it('answers a malformed body with 400 naming the field, and changes nothing', async () => {
    const before = await departmentCount();
    const missing = await admin.request({ method: 'POST', url: '/api/departments', payload: { sort: 'first' } });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'sort']));

    const notJson = await admin.request({
      method: 'POST', url: '/api/departments', payload: '{"name": "半截', headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('BAD_REQUEST');

    const badIp = await admin.request({
      method: 'POST', url: '/api/users',
      payload: { account: 'ipuser', name: '测试', password: 'Passw0rd!', allowedIps: ['10.0.0.0/8', '999.1.1.1'] },
    });
    expect(badIp.statusCode).toBe(400);
    expect(badIp.json().error.fields[0].field).toBe('allowedIps.1');
    expect(await departmentCount()).toBe(before);
    expect((await admin.request({ method: 'GET', url: '/api/users?q=ipuser' })).json().total).toBe(0);
  });

  it('lets an integration call with an API token and no CSRF token; a revoked token stops working', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: '工单系统对接' } });
    expect(created.statusCode).toBe(200);
    const { token, id } = created.json();
    const call = () => t.app.inject({
      method: 'POST', url: '/api/departments', payload: { name: '接口创建的部门' }, headers: { authorization: `Bearer ${token}` },
    });
    expect((await call()).statusCode).toBe(200);
    expect((await admin.request({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(200);
    expect((await call()).statusCode).toBe(401);
  });

  it('lets a user change their own password only with the current one; an administrator reset signs them out', async () => {
    const agent = await t.signIn('agent4');
    const wrong = await agent.request({ method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'nope', newPassword: 'NewPass123' } });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const weak = await agent.request({ method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'Staff12345', newPassword: 'abcdefgh' } });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const ok = await agent.request({ method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'Staff12345', newPassword: 'NewPass123' } });
    expect(ok.statusCode).toBe(200);
    expect((await login('agent4', 'NewPass123')).statusCode).toBe(200);

    const reset = await admin.request({ method: 'POST', url: `/api/users/${agent.me.id}/password`, payload: { password: 'Reset2026x' } });
    expect(reset.statusCode).toBe(200);
    expect((await agent.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('agent4', 'Reset2026x')).statusCode).toBe(200);
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
