import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from './databases';
import { startTestApp, type Session, type TestApp } from './test-app';

describe.each(DATABASE_KINDS)('administration (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterAll(() => t?.close());

  const get = async (url: string, as = admin) => (await as.request({ method: 'GET', url })).json();

  it('builds a department tree and refuses to move a department under its own child', async () => {
    const parent = (await admin.request({ method: 'POST', url: '/api/departments', payload: { name: '热线二部' } })).json();
    const child = (await admin.request({ method: 'POST', url: '/api/departments', payload: { name: '夜班组', parentId: parent.id } })).json();
    expect(child.parentId).toBe(parent.id);
    const cycle = await admin.request({ method: 'PUT', url: `/api/departments/${parent.id}`, payload: { name: '热线二部', parentId: child.id } });
    expect(cycle.json().error).toMatchObject({ code: 'DEPARTMENT_CYCLE', fields: [{ field: 'parentId' }] });
    const notEmpty = await admin.request({ method: 'DELETE', url: `/api/departments/${parent.id}` });
    expect(notEmpty.json().error.code).toBe('DEPARTMENT_NOT_EMPTY');
  });

  it('creates a user with a role; the user signs in with exactly that role\'s rights', async () => {
    const role = (await admin.request({
      method: 'POST', url: '/api/roles', payload: { name: '质检员', rights: ['audit.view', 'users.view'], dataScope: 'all' },
    })).json();
    const created = await admin.request({
      method: 'POST', url: '/api/users',
      payload: { account: 'qc01', name: '质检小周', password: 'Quality2026', departmentId: 1, extension: '1101', roleIds: [role.id] },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ account: 'qc01', extension: '1101', roleIds: [role.id], locked: false });
    const qc = await t.signIn('qc01', 'Quality2026');
    expect(qc.me.rights).toEqual(['audit.view', 'users.view']);
    expect((await qc.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
    expect((await qc.request({ method: 'GET', url: '/api/parameters' })).statusCode).toBe(403);
  });

  it('refuses a taken account or extension with a clear error on the field', async () => {
    const dupAccount = await admin.request({ method: 'POST', url: '/api/users', payload: { account: 'AGENT1', name: 'x', password: 'Passw0rd1' } });
    expect(dupAccount.json().error).toMatchObject({ code: 'ACCOUNT_TAKEN', fields: [{ field: 'account' }] });
    const dupExtension = await admin.request({ method: 'POST', url: '/api/users', payload: { account: 'newbie', name: 'x', password: 'Passw0rd1', extension: '1001' } });
    expect(dupExtension.json().error).toMatchObject({ code: 'EXTENSION_TAKEN', fields: [{ field: 'extension' }] });
  });

  it('gives the roles of a user group to its members', async () => {
    const roles = await get('/api/roles');
    const leaderRole = roles.find((r: { name: string }) => r.name === '班长');
    const agent5 = (await get('/api/users?q=agent5')).items[0];
    const group = await admin.request({ method: 'POST', url: '/api/groups', payload: { name: '值班长', userIds: [agent5.id], roleIds: [leaderRole.id] } });
    expect(group.statusCode).toBe(200);
    const signedIn = await t.signIn('agent5');
    expect(signedIn.me.rights).toContain('audit.view');
    expect(signedIn.me.dataScope).toBe('department');
  });

  it('limits what a team leader sees to their department, and stops anyone granting rights they lack', async () => {
    const leader = await t.signIn('leader');
    const seen = (await get('/api/users?pageSize=100', leader)).items.map((u: { account: string }) => u.account);
    expect(seen).toContain('agent1');
    expect(seen).not.toContain('eng1');
    const roles = await get('/api/roles');
    const adminRole = roles.find((r: { name: string }) => r.name === '系统管理员');
    // Give the leader users.manage only, then let them try to hand out the administrator role.
    const managerRole = (await admin.request({ method: 'POST', url: '/api/roles', payload: { name: '人事', rights: ['users.view', 'users.manage'], dataScope: 'department' } })).json();
    const leaderUser = (await get('/api/users?q=leader')).items[0];
    await admin.request({ method: 'PUT', url: `/api/users/${leaderUser.id}`, payload: { ...leaderUser, roleIds: [...leaderUser.roleIds, managerRole.id] } });
    const promoted = await t.signIn('leader');
    const agent1 = (await get('/api/users?q=agent1', promoted)).items[0];
    const escalate = await promoted.request({ method: 'PUT', url: `/api/users/${agent1.id}`, payload: { ...agent1, roleIds: [adminRole.id] } });
    expect(escalate.statusCode).toBe(403);
    const eng1 = (await get('/api/users?q=eng1')).items[0];
    expect((await promoted.request({ method: 'PUT', url: `/api/users/${eng1.id}`, payload: { ...eng1, name: '改名' } })).statusCode).toBe(404);
  });

  it('searches the audit log by user, action, object and time, with before/after and the IP', async () => {
    const dept = (await admin.request({ method: 'POST', url: '/api/departments', payload: { name: '审计测试部' } })).json();
    await admin.request({ method: 'PUT', url: `/api/departments/${dept.id}`, payload: { name: '审计测试二部' } });
    const from = new Date(Date.now() - 60_000).toISOString();
    const found = await get(`/api/audit?account=admin&objectType=department&objectId=${dept.id}&from=${encodeURIComponent(from)}`);
    expect(found.items.map((e: { action: string }) => e.action)).toEqual(['department.update', 'department.create']);
    expect(found.items[0]).toMatchObject({
      ip: '127.0.0.1', outcome: 'success', summary: { before: { name: '审计测试部' }, after: { name: '审计测试二部' } },
    });
    const future = await get(`/api/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    expect(future.total).toBe(0);
  });

  it('keeps typed dictionary lists with unique values', async () => {
    const items = await get('/api/dictionary/types/not_ready_reason/items');
    expect(items.map((i: { label: string }) => i.label)).toContain('就餐');
    const added = await admin.request({ method: 'POST', url: '/api/dictionary/types/not_ready_reason/items', payload: { value: '09', label: '外呼回访' } });
    expect(added.statusCode).toBe(200);
    const again = await admin.request({ method: 'POST', url: '/api/dictionary/types/not_ready_reason/items', payload: { value: '09', label: '重复' } });
    expect(again.json().error.code).toBe('DICTIONARY_VALUE_TAKEN');
  });

  it('answers business-hours questions from the calendar, holidays and make-up days included', async () => {
    // Office hours Mon–Fri 09:00–12:00 and 13:30–17:30, Asia/Shanghai (the demo hotline's week is 7×24);
    // 2027-01-01 (Friday) is 元旦.
    const office = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }];
    await admin.request({ method: 'PUT', url: '/api/calendar/week', payload: { week: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: office })) } });
    const check = async (at: string, minutes?: number) =>
      get(`/api/calendar/check?at=${encodeURIComponent(at)}${minutes === undefined ? '' : `&addMinutes=${minutes}`}`);
    expect((await check('2026-12-31T10:00:00+08:00')).inBusinessHours).toBe(true);
    expect((await check('2026-12-31T12:30:00+08:00')).inBusinessHours).toBe(false);
    expect((await check('2027-01-01T10:00:00+08:00')).inBusinessHours).toBe(false);
    // Thursday 17:00 + 60 business minutes: 30 on Thursday, holiday Friday, weekend, 30 on Monday.
    expect((await check('2026-12-31T17:00:00+08:00', 60)).due).toBe('2027-01-04T01:30:00.000Z');
    await admin.request({ method: 'PUT', url: '/api/calendar/days/2027-01-02', payload: { date: '2027-01-02', kind: 'workday', name: '调休上班' } });
    expect((await check('2027-01-02T10:00:00+08:00')).inBusinessHours).toBe(true);
    const badWeek = await admin.request({ method: 'PUT', url: '/api/calendar/week', payload: { week: [{ weekday: 1, intervals: [{ start: '12:00', end: '09:00' }] }] } });
    expect(badWeek.json().error.fields[0].field).toBe('week.0.intervals.0.end');
  });

  it('keeps shifts, flags overnight ones, and checks parameter values', async () => {
    const shifts = await get('/api/shifts');
    expect(shifts.find((s: { name: string }) => s.name === '中班').overnight).toBe(true);
    const bad = await admin.request({ method: 'PUT', url: '/api/parameters/security.lockoutThreshold', payload: { value: 0 } });
    expect(bad.json().error.code).toBe('PARAM_INVALID');
    const ok = await admin.request({ method: 'PUT', url: '/api/parameters/system.timeZone', payload: { value: 'Asia/Urumqi' } });
    expect(ok.json()).toMatchObject({ key: 'system.timeZone', value: 'Asia/Urumqi' });
    expect((await get('/api/calendar')).timeZone).toBe('Asia/Urumqi');
    await admin.request({ method: 'PUT', url: '/api/parameters/system.timeZone', payload: { value: 'Asia/Shanghai' } });
    await admin.request({ method: 'PUT', url: '/api/parameters/system.name', payload: { value: '12345 政务服务热线' } });
    expect((await get('/api/auth/me')).systemName).toBe('12345 政务服务热线');
  });

  it('publishes announcements and records who has read them', async () => {
    const published = (await admin.request({ method: 'POST', url: '/api/announcements', payload: { title: '停水通知', body: '明日 9 点起城东片区停水。' } })).json();
    expect(published.readCount).toBe(0);
    const agent = await t.signIn('agent2');
    const list = await get('/api/announcements', agent);
    expect(list.find((a: { id: number }) => a.id === published.id).readByMe).toBe(false);
    await agent.request({ method: 'POST', url: `/api/announcements/${published.id}/read` });
    await agent.request({ method: 'POST', url: `/api/announcements/${published.id}/read` });
    const readers = await get(`/api/announcements/${published.id}/readers`);
    const read = readers.filter((r: { readAt: string | null }) => r.readAt);
    expect(read.map((r: { account: string }) => r.account)).toEqual(['agent2']);
    expect((await get('/api/announcements', agent)).find((a: { id: number }) => a.id === published.id)).toMatchObject({ readByMe: true, readCount: 1 });
  });

  it('documents the API as OpenAPI 3 with a browsable page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/users/', '/api/audit/', '/api/calendar/check']));
    expect(doc.paths['/api/users/'].post.description).toContain('`users.manage`');
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('rexian_http_requests_total');
  });
});
