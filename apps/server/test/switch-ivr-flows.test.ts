import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowProblem, IvrFlowSummary, IvrFlowVersion, QueueConfig } from '@rexian/contracts';
import { loadSwitchConfig } from '../src/modules/switch/switch-config-loader';
import { DATABASE_KINDS } from './databases';
import { fakeSwitchboard } from './switch-fakes';
import { startTestApp, type Session, type TestApp } from './test-app';

describe.each(DATABASE_KINDS)('IVR flows: drafts, validated publishing, rollback (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  let faultQueue: number;
  const switchboard = fakeSwitchboard();
  beforeAll(async () => {
    t = await startTestApp(kind, { switchboard });
    admin = await t.signIn('admin');
    faultQueue = ((await admin.request({ method: 'GET', url: '/api/queues' })).json() as QueueConfig[]).find((q) => q.name === '故障报修')!.id;
  });
  afterAll(() => t?.close());

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => admin.request({ method, url, payload });
  /** An outage notice, then the fault queue (`queueId` and the notice's next node can be broken on purpose). */
  const notice = (queueId: number, next = 'to-queue', text = '您好，今日 14 点至 18 点城东片区停水检修。') => ({
    version: 1, start: 'notice', settings: {},
    nodes: [
      { id: 'notice', type: 'play', name: '停水通知', prompts: [{ kind: 'tts', text }], next: { next } },
      { id: 'to-queue', type: 'queue', name: '转故障报修', queueId },
    ],
  });
  const detail = async (id: number) => (await send('GET', `/api/ivr-flows/${id}`)).json() as { flow: IvrFlowSummary; versions: IvrFlowVersion[] };
  let flowId: number;

  it('creates a flow with draft version 1 and nothing published', async () => {
    const created = await send('POST', '/api/ivr-flows', { name: '停水通知', description: '检修期间的提示' });
    expect(created.json()).toMatchObject({ name: '停水通知', description: '检修期间的提示', draftVersion: 1, publishedVersion: null });
    flowId = created.json().id;
    expect((await send('POST', '/api/ivr-flows', { name: '停水通知' })).json().error.code).toBe('NAME_TAKEN');
    const { versions } = await detail(flowId);
    expect(versions.map((v) => [v.version, v.status])).toEqual([[1, 'draft']]);
    expect(versions[0]!.createdBy).toMatchObject({ name: '系统管理员' });
  });

  it('saves a broken draft with its problems, refuses to publish it, then publishes it fixed', async () => {
    const saved = await send('PUT', `/api/ivr-flows/${flowId}/draft`, { graph: notice(9999, 'nowhere') });
    expect(saved.statusCode).toBe(200);
    const { version, problems } = saved.json() as { version: number; problems: FlowProblem[] };
    expect(version).toBe(1);
    expect(problems.map((p) => p.nodeId)).toEqual(expect.arrayContaining(['notice', 'to-queue']));

    const refused = await send('POST', `/api/ivr-flows/${flowId}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('FLOW_INVALID');
    expect(refused.json().error.problems).toEqual(problems);
    expect((await detail(flowId)).flow.publishedVersion).toBeNull();
    const reloads = switchboard.reloads;

    expect((await send('PUT', `/api/ivr-flows/${flowId}/draft`, { graph: notice(faultQueue) })).json()).toEqual({ version: 1, problems: [] });
    const published = await send('POST', `/api/ivr-flows/${flowId}/publish`);
    expect(published.json()).toMatchObject({ flowId, version: 1, status: 'published' });
    expect(published.json().publishedAt).not.toBeNull();
    expect(switchboard.reloads).toBe(reloads + 1);
    expect((await loadSwitchConfig(t.database.db)).flows.get(flowId)).toEqual(notice(faultQueue));
    expect((await send('POST', `/api/ivr-flows/${flowId}/publish`)).json().error.code).toBe('FLOW_NO_DRAFT');
  });

  it('starts a new draft after a publish, saves it in place, and archives the old version on publishing it', async () => {
    const changed = notice(faultQueue, 'to-queue', '您好，停水检修已延长至 20 点。');
    expect((await send('PUT', `/api/ivr-flows/${flowId}/draft`, { graph: notice(faultQueue, 'to-queue', '草稿') })).json().version).toBe(2);
    expect((await send('PUT', `/api/ivr-flows/${flowId}/draft`, { graph: changed })).json().version).toBe(2);
    expect((await detail(flowId)).flow).toMatchObject({ publishedVersion: 1, draftVersion: 2 });
    await send('POST', `/api/ivr-flows/${flowId}/publish`);
    const { flow, versions } = await detail(flowId);
    expect(flow).toMatchObject({ publishedVersion: 2, draftVersion: null });
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'archived']]);
    expect((await loadSwitchConfig(t.database.db)).flows.get(flowId)).toEqual(changed);
  });

  it('rolls back to an earlier published version, and only to one', async () => {
    const back = await send('POST', `/api/ivr-flows/${flowId}/rollback`, { version: 1 });
    expect(back.json()).toMatchObject({ version: 1, status: 'published' });
    const { flow, versions } = await detail(flowId);
    expect(flow.publishedVersion).toBe(1);
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'archived'], [1, 'published']]);
    expect((await loadSwitchConfig(t.database.db)).flows.get(flowId)).toEqual(notice(faultQueue));
    expect((await send('POST', `/api/ivr-flows/${flowId}/rollback`, { version: 7 })).json().error.code).toBe('FLOW_NOT_FOUND');
    expect((await send('POST', `/api/ivr-flows/${flowId}/rollback`, { version: 1 })).statusCode).toBe(404);
    const [entry] = (await send('GET', '/api/audit?action=ivr.flow.rollback')).json().items;
    expect(entry).toMatchObject({ objectId: String(flowId), summary: { from: 2, to: 1 } });
    expect((await send('GET', '/api/audit?action=ivr.flow.publish')).json().total).toBe(2);
  });

  it('validates a graph without saving it', async () => {
    const bad = await send('POST', '/api/ivr-flows/validate', { graph: notice(faultQueue, 'nowhere') });
    expect(bad.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'notice', outcome: 'next' })]));
    expect((await send('POST', '/api/ivr-flows/validate', { graph: notice(faultQueue) })).json()).toEqual({ problems: [] });
    expect((await send('POST', '/api/ivr-flows/validate', { graph: 'menu' })).statusCode).toBe(400);
  });

  it('refuses to delete a flow a number route or another published flow still uses', async () => {
    const demo = ((await send('GET', '/api/ivr-flows')).json() as IvrFlowSummary[]).find((f) => f.name === '演示热线')!;
    expect(demo.publishedVersion).toBe(1);
    const routed = await send('DELETE', `/api/ivr-flows/${demo.id}`);
    expect(routed.json().error).toMatchObject({ code: 'FLOW_IN_USE', fields: [{ field: 'routes', message: '号码 8000 路由到此流程' }] });

    const caller = (await send('POST', '/api/ivr-flows', {
      name: '夜间提示',
      graph: { version: 1, start: 'sub', settings: {}, nodes: [{ id: 'sub', type: 'subflow', name: '停水通知', flowId, next: { next: 'bye' } }, { id: 'bye', type: 'hangup' }] },
    })).json() as IvrFlowSummary;
    expect((await send('POST', `/api/ivr-flows/${caller.id}/publish`)).statusCode).toBe(200);
    const used = await send('DELETE', `/api/ivr-flows/${flowId}`);
    expect(used.json().error.fields).toEqual([{ field: 'flows', message: '已发布流程「夜间提示」把它用作子流程' }]);

    expect((await send('DELETE', `/api/ivr-flows/${caller.id}`)).statusCode).toBe(200);
    expect((await send('DELETE', `/api/ivr-flows/${flowId}`)).statusCode).toBe(200);
    expect((await send('GET', `/api/ivr-flows/${flowId}`)).json().error.code).toBe('FLOW_NOT_FOUND');
    expect((await loadSwitchConfig(t.database.db)).flows.has(flowId)).toBe(false);
  });

  it('lets nobody without ivr.manage see or change flows', async () => {
    const leader = await t.signIn('leader');
    expect((await leader.request({ method: 'GET', url: '/api/ivr-flows' })).statusCode).toBe(403);
    expect((await leader.request({ method: 'POST', url: '/api/ivr-flows/validate', payload: { graph: {} } })).statusCode).toBe(403);
  });
});
