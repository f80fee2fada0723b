import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotlineRoute, QueueConfig } from '@rexian/contracts';
import { validateFlow } from '@rexian/switch';
import { users } from '../src/db/schema';
import { loadSwitchConfig } from '../src/modules/switch/switch-config-loader';
import { DATABASE_KINDS } from './databases';
import { fakeSwitchboard } from './switch-fakes';
import { startTestApp, type Session, type TestApp } from './test-app';

describe.each(DATABASE_KINDS)('queues, number routes and caller lists for the switch (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  const switchboard = fakeSwitchboard();
  let ids: Record<string, number>;
  beforeAll(async () => {
    t = await startTestApp(kind, { switchboard });
    admin = await t.signIn('admin');
    ids = Object.fromEntries((await t.database.db.select({ id: users.id, account: users.account }).from(users)).map((u) => [u.account, u.id]));
  });
  afterAll(() => t?.close());

  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => admin.request({ method, url, payload });
  const auditOf = async (action: string) => (await admin.request({ method: 'GET', url: `/api/audit?action=${action}` })).json().items;
  const queueNamed = async (name: string) => ((await admin.request({ method: 'GET', url: '/api/queues' })).json() as QueueConfig[]).find((q) => q.name === name)!;

  it('starts the demo hotline: 8000 to the published flow 演示热线, three queues, agents as members, open around the clock', async () => {
    const config = await loadSwitchConfig(t.database.db);
    expect(config.queues.map((q) => q.name)).toEqual(['账务查询', '故障报修', '业务咨询']);
    expect(config.queues.every((q) => q.record && q.maxWaitSec === 120 && q.overflow === 'voicemail' && q.ringTimeoutSec === 20 && q.wrapUpSec === 15)).toBe(true);
    const [route] = config.routes;
    expect(config.routes).toHaveLength(1);
    expect(route).toMatchObject({ number: '8000', queueId: null });
    const graph = config.flows.get(route!.flowId!) as { nodes: { type: string; queueId?: number }[] };
    const queued = graph.nodes.filter((n) => n.type === 'queue').map((n) => n.queueId);
    expect(new Set(queued)).toEqual(new Set(config.queues.map((q) => q.id)));
    const agent1 = config.agents.find((a) => a.userId === ids.agent1)!;
    expect(agent1.queues.map((q) => q.queueId).sort()).toEqual(config.queues.map((q) => q.id).sort());
    expect(config.agents.find((a) => a.userId === ids.agent3)!.queues).toHaveLength(2);
    expect(config.agents.map((a) => a.userId)).not.toContain(ids.leader);
    // Sunday 03:00 in Shanghai.
    expect(config.calendar.isOpen(new Date('2026-11-21T19:00:00Z'))).toBe(true);
    const agent = await t.signIn('agent1');
    expect(agent.me.rights).toEqual(expect.arrayContaining(['cti.agent', 'calls.view']));
  });

  it('creates and changes a queue of agents with an extension, audits it and reloads the switch', async () => {
    const reloads = switchboard.reloads;
    const noExtension = await send('POST', '/api/queues', { name: '投诉建议', members: [{ userId: ids.agent3 }, { userId: ids.eng1 }] });
    expect(noExtension.statusCode).toBe(400);
    expect(noExtension.json().error.fields).toEqual([{ field: 'members.1.userId', message: '该用户没有分机号，不能加入队列' }]);

    const created = await send('POST', '/api/queues', { name: '投诉建议', strategy: 'round-robin', members: [{ userId: ids.agent3, penalty: 1 }, { userId: ids.agent4 }] });
    expect(created.statusCode).toBe(200);
    const queue = created.json() as QueueConfig;
    expect(queue).toMatchObject({ name: '投诉建议', strategy: 'round-robin', maxWaitSec: 120, overflow: 'voicemail', overflowQueueId: null });
    expect(queue.members.map((m) => [m.name, m.extension, m.penalty])).toEqual([['陈静', '1004', 0], ['刘洋', '1003', 1]]);
    expect(switchboard.reloads).toBe(reloads + 1);
    expect((await send('POST', '/api/queues', { name: '投诉建议' })).json().error.code).toBe('NAME_TAKEN');

    const consult = await queueNamed('业务咨询');
    const changed = await send('PUT', `/api/queues/${queue.id}`, { name: '投诉建议', overflow: 'queue', overflowQueueId: consult.id, members: [{ userId: ids.agent5 }] });
    expect(changed.json()).toMatchObject({ overflow: 'queue', overflowQueueId: consult.id, members: [{ userId: ids.agent5, extension: '1005' }] });
    expect(switchboard.reloads).toBe(reloads + 2);
    const config = await loadSwitchConfig(t.database.db);
    expect(config.agents.find((a) => a.userId === ids.agent5)!.queues).toContainEqual({ queueId: queue.id, penalty: 0 });
    expect(config.agents.find((a) => a.userId === ids.agent4)!.queues.map((q) => q.queueId)).not.toContain(queue.id);

    const [update] = await auditOf('queue.update');
    expect(update).toMatchObject({ account: 'admin', objectType: 'queue', objectId: String(queue.id) });
    expect(update.summary.after.members).toEqual([{ userId: ids.agent5, penalty: 0 }]);
    expect((await auditOf('queue.create'))[0].summary.after.name).toBe('投诉建议');
  });

  it('refuses an overflow without a target or one that comes back to the queue', async () => {
    const complaints = await queueNamed('投诉建议');
    const consult = await queueNamed('业务咨询');
    const noTarget = await send('PUT', `/api/queues/${consult.id}`, { name: '业务咨询', overflow: 'queue' });
    expect(noTarget.json().error.fields[0].field).toBe('overflowQueueId');
    const loop = await send('PUT', `/api/queues/${consult.id}`, { name: '业务咨询', overflow: 'queue', overflowQueueId: complaints.id });
    expect(loop.json().error.fields).toEqual([{ field: 'overflowQueueId', message: '溢出设置形成了循环' }]);
    expect((await queueNamed('业务咨询')).overflow).toBe('voicemail');
  });

  it('routes numbers to a flow or a queue that exists, one route per number', async () => {
    const complaints = await queueNamed('投诉建议');
    const reloads = switchboard.reloads;
    const both = await send('POST', '/api/routes', { number: '12345', flowId: 1, queueId: complaints.id });
    expect(both.json().error.fields[0].field).toBe('flowId');
    const unknownFlow = await send('POST', '/api/routes', { number: '12345', flowId: 999 });
    expect(unknownFlow.json().error.fields).toEqual([{ field: 'flowId', message: 'IVR 流程不存在' }]);
    expect((await send('POST', '/api/routes', { number: '8000', queueId: complaints.id })).json().error.code).toBe('NUMBER_TAKEN');
    expect(switchboard.reloads).toBe(reloads);

    const created = await send('POST', '/api/routes', { number: '12345', queueId: complaints.id, description: '投诉专线' });
    const route = created.json() as HotlineRoute;
    expect(route).toMatchObject({ number: '12345', queueId: complaints.id, queueName: '投诉建议', flowId: null, flowName: null });
    const routes = (await admin.request({ method: 'GET', url: '/api/routes' })).json() as HotlineRoute[];
    expect(routes.map((r) => [r.number, r.flowName ?? r.queueName])).toEqual([['12345', '投诉建议'], ['8000', '演示热线']]);
    expect((await loadSwitchConfig(t.database.db)).routes).toContainEqual({ number: '12345', flowId: null, queueId: complaints.id });

    const inUse = await send('DELETE', `/api/queues/${complaints.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({ code: 'QUEUE_IN_USE', fields: [{ field: 'routes', message: '号码 12345 路由到此队列' }] });

    const moved = await send('PUT', `/api/routes/${route.id}`, { number: '12345', queueId: (await queueNamed('故障报修')).id });
    expect(moved.json().queueName).toBe('故障报修');
    expect((await auditOf('route.update'))[0].summary).toMatchObject({ before: { queueName: '投诉建议' }, after: { queueName: '故障报修' } });
    expect((await send('DELETE', `/api/routes/${route.id}`)).statusCode).toBe(200);
    expect((await send('DELETE', `/api/routes/${route.id}`)).json().error.code).toBe('ROUTE_NOT_FOUND');
    expect((await auditOf('route.delete'))).toHaveLength(1);
    expect(switchboard.reloads).toBe(reloads + 3);
  });

  it('refuses to delete a queue another queue overflows to, then deletes it once nothing points at it', async () => {
    const complaints = await queueNamed('投诉建议');
    const consult = await queueNamed('业务咨询');
    const inUse = await send('DELETE', `/api/queues/${consult.id}`);
    expect(inUse.json().error.fields).toEqual(expect.arrayContaining([{ field: 'queues', message: '队列「投诉建议」溢出到此队列' }]));
    expect((await send('DELETE', `/api/queues/${complaints.id}`)).statusCode).toBe(200);
    expect(await queueNamed('投诉建议')).toBeUndefined();
    expect((await auditOf('queue.delete'))[0].summary.before.name).toBe('投诉建议');
    expect((await send('DELETE', `/api/queues/${complaints.id}`)).json().error.code).toBe('QUEUE_NOT_FOUND');
  });

  it('keeps caller lists: one entry per number and list, the strongest list wins for the switch', async () => {
    const vip = await send('POST', '/api/caller-lists', { number: '13800138000', list: 'vip', note: '人大代表' });
    expect(vip.json()).toMatchObject({ number: '13800138000', list: 'vip', note: '人大代表' });
    expect((await send('POST', '/api/caller-lists', { number: '13800138000', list: 'vip' })).json().error.code).toBe('NUMBER_TAKEN');
    const blocked = await send('POST', '/api/caller-lists', { number: '13800138000', list: 'blacklist', note: '骚扰电话' });
    expect((await send('POST', '/api/caller-lists', { number: '12', list: 'vip' })).json().error.fields[0].field).toBe('number');

    expect((await loadSwitchConfig(t.database.db)).callerLists.get('13800138000')).toBe('blacklist');
    const vips = (await admin.request({ method: 'GET', url: '/api/caller-lists?list=vip' })).json();
    expect(vips.map((e: { list: string }) => e.list)).toEqual(['vip']);
    expect((await send('DELETE', `/api/caller-lists/${blocked.json().id}`)).statusCode).toBe(200);
    expect((await loadSwitchConfig(t.database.db)).callerLists.get('13800138000')).toBe('vip');
    expect((await auditOf('callerlist.add'))).toHaveLength(2);
    expect((await auditOf('callerlist.remove'))[0].summary.before).toMatchObject({ number: '13800138000', list: 'blacklist' });
  });

  it('seeds a demo flow that passes the validator, and answers its billing lookup without a session', async () => {
    const config = await loadSwitchConfig(t.database.db);
    const [route] = config.routes;
    expect(validateFlow(config.flows.get(route!.flowId!), { knownQueueIds: config.queues.map((q) => q.id), knownFlowIds: [route!.flowId!] })).toEqual([]);

    const found = await t.app.inject({ method: 'GET', url: '/api/demo-billing/accounts/12345678' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ account: '12345678', balance: expect.stringMatching(/^\d+\.\d{2}$/), dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await t.app.inject({ method: 'GET', url: '/api/demo-billing/accounts/12345678' })).json()).toEqual(found.json());
    const unknown = await t.app.inject({ method: 'GET', url: '/api/demo-billing/accounts/98765432' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('DEMO_ACCOUNT_NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: '/api/demo-billing/accounts/12' })).statusCode).toBe(400);
  });

  it('lets agents read the queues but not change queues, routes or lists', async () => {
    const agent = await t.signIn('agent2');
    expect((await agent.request({ method: 'GET', url: '/api/queues' })).statusCode).toBe(200);
    expect((await agent.request({ method: 'POST', url: '/api/queues', payload: { name: '我的队列' } })).json().error.code).toBe('FORBIDDEN');
    expect((await agent.request({ method: 'GET', url: '/api/routes' })).statusCode).toBe(403);
    expect((await agent.request({ method: 'DELETE', url: '/api/caller-lists/1' })).statusCode).toBe(403);
  });
});
