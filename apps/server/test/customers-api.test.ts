/**
 * Customer records and interaction records through the API, as the 客户管理 page and the agent's
 * screen pop use them: search by number / name / account, the screen pop's lookup with the recent
 * timeline, interaction records with the call, rights, audit, and the switch's caller lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, CustomerLookup, Interaction, TimelineEntry } from '@rexian/contracts';
import { loadSwitchConfig } from '../src/modules/switch/switch-config-loader';
import { DatabaseSwitchStore } from '../src/modules/switch/switch-store';
import { DATABASE_KINDS } from './databases';
import { fakeSwitchboard } from './switch-fakes';
import { startTestApp, type Session, type TestApp } from './test-app';

describe.each(DATABASE_KINDS)('customers and interaction records (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  const switchboard = fakeSwitchboard();
  beforeAll(async () => {
    t = await startTestApp(kind, { switchboard });
    admin = await t.signIn('admin');
    agent = await t.signIn('agent1');
  });
  afterAll(() => t?.close());

  const zhang = {
    name: '张建国', phones: [{ number: '13912345678', label: '手机' }, { number: '057188886666', label: '家' }],
    addresses: [{ address: '西湖区文三路 100 号', area: '0571' }], accounts: [{ accountNo: '20261122', kind: '户号' }], tags: ['老年人'], vipLevel: 2,
  };

  it('creates a customer, finds it by part of a number, by name and by account, and audits the change', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/customers', payload: zhang });
    expect(created.statusCode, created.body).toBe(200);
    const customer = created.json() as Customer;
    expect(customer).toMatchObject({ name: '张建国', vipLevel: 2, blacklisted: false, kind: 'person' });
    for (const q of ['8888', '建国', '20261122']) {
      const found = (await agent.request({ method: 'GET', url: `/api/customers?q=${encodeURIComponent(q)}` })).json() as { items: Customer[] };
      expect(found.items.map((c) => c.id), q).toEqual([customer.id]);
    }
    expect(((await agent.request({ method: 'GET', url: '/api/customers?q=99999' })).json() as { total: number }).total).toBe(0);
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?action=customer.create' })).json() as { items: { account: string }[] };
    expect(audit.items.map((e) => e.account)).toEqual(['admin']);
    expect(switchboard.reloads).toBeGreaterThan(0);
  });

  it('pops the customer for an exact number with their calls and interaction records, newest first', async () => {
    await new DatabaseSwitchStore(t.database.db).callStarted({
      id: 'call-zhang-1', direction: 'inbound', callerNumber: '13912345678', calledNumber: '8000', trunk: '演示中继', startedAt: new Date(Date.now() - 60_000),
    });
    const [customer] = ((await agent.request({ method: 'GET', url: '/api/customers?q=13912345678' })).json() as { items: Customer[] }).items;
    const recorded = await agent.request({ method: 'POST', url: '/api/interactions', payload: { customerId: customer!.id, callId: 'call-zhang-1', kind: 'complaint', summary: '停水未通知' } });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json() as Interaction).toMatchObject({ kind: 'complaint', callId: 'call-zhang-1', agent: { name: expect.any(String) } });

    const pop = (await agent.request({ method: 'GET', url: '/api/customers/lookup?number=13912345678' })).json() as CustomerLookup;
    expect(pop.customer?.name).toBe('张建国');
    expect(pop.recent.map((e) => e.type)).toEqual(['interaction', 'call']);
    expect(((await agent.request({ method: 'GET', url: '/api/customers/lookup?number=1391234' })).json() as CustomerLookup).customer).toBeNull();
    const timeline = (await agent.request({ method: 'GET', url: `/api/customers/${customer!.id}/timeline` })).json() as TimelineEntry[];
    expect(timeline).toHaveLength(2);
    const byCall = (await agent.request({ method: 'GET', url: '/api/interactions?callId=call-zhang-1' })).json() as Interaction[];
    expect(byCall.map((i) => i.summary)).toEqual(['停水未通知']);
  });

  it('puts a blacklisted customer\'s numbers on the switch\'s blacklist and a VIP\'s on the VIP list', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/customers', payload: { name: '骚扰来电', phones: [{ number: '13700000001' }], blacklisted: true } })).json() as Customer;
    const lists = (await loadSwitchConfig(t.database.db)).callerLists;
    expect(lists.get('13700000001')).toBe('blacklist');
    expect(lists.get('13912345678')).toBe('vip');
    await admin.request({ method: 'PUT', url: `/api/customers/${created.id}`, payload: { name: '骚扰来电', phones: [{ number: '13700000001' }], blacklisted: false } });
    expect((await loadSwitchConfig(t.database.db)).callerLists.has('13700000001')).toBe(false);
  });

  it('refuses bad input, unknown customers and people without the right', async () => {
    expect((await admin.request({ method: 'POST', url: '/api/customers', payload: { name: '', phones: [{ number: 'abc' }] } })).statusCode).toBe(400);
    expect((await admin.request({ method: 'GET', url: '/api/customers/99999' })).statusCode).toBe(404);
    expect((await agent.request({ method: 'POST', url: '/api/interactions', payload: { customerId: 99999, kind: 'praise', summary: 'x' } })).statusCode).toBe(404);
    const handler = await t.signIn('eng1');
    expect((await handler.request({ method: 'GET', url: '/api/customers' })).statusCode).toBe(403);
    expect((await handler.request({ method: 'POST', url: '/api/interactions', payload: { kind: 'praise', summary: 'x' } })).statusCode).toBe(403);
  });
});
