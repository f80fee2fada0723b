import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneAccounts, trunks } from '../src/db/schema';
import { DATABASE_KINDS } from './databases';
import { startTestApp, type Session, type TestApp } from './test-app';

describe.each(DATABASE_KINDS)('phones and trunks administration (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterAll(() => t?.close());

  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => admin.request({ method, url, payload });
  const auditOf = async (action: string) => (await admin.request({ method: 'GET', url: `/api/audit?action=${action}` })).json().items;

  it('lists the demo phones with the user who has each extension, and never their digest values', async () => {
    const phones = (await admin.request({ method: 'GET', url: '/api/phones' })).json();
    expect(phones.map((p: { extension: string }) => p.extension)).toEqual(['1000', '1001', '1002', '1003', '1004', '1005']);
    expect(phones[1]).toMatchObject({ extension: '1001', enabled: true, user: { account: 'agent1' }, registrations: [] });
    expect(JSON.stringify(phones)).not.toMatch(/ha1|password/i);
  });

  it('creates a phone only with a password, keeps it when editing, and asks again when the extension changes', async () => {
    const noPassword = await send('POST', '/api/phones', { extension: '2001', name: '质检电话' });
    expect(noPassword.json().error).toMatchObject({ code: 'PHONE_PASSWORD_REQUIRED', fields: [{ field: 'password' }] });
    const short = await send('POST', '/api/phones', { extension: '2001', name: '质检电话', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].field).toBe('password');

    const created = await send('POST', '/api/phones', { extension: '2001', name: '质检电话', password: 'Secret-2001' });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const [stored] = await t.database.db.select().from(phoneAccounts).where(eq(phoneAccounts.id, id));
    expect(stored!.ha1Sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.ha1Md5).toMatch(/^[0-9a-f]{32}$/);

    const duplicate = await send('POST', '/api/phones', { extension: '2001', name: '另一部', password: 'Secret-2001' });
    expect(duplicate.json().error).toMatchObject({ code: 'EXTENSION_TAKEN', fields: [{ field: 'extension' }] });

    const renamed = await send('PUT', `/api/phones/${id}`, { extension: '2001', name: '质检室电话', enabled: false });
    expect(renamed.json()).toMatchObject({ name: '质检室电话', enabled: false });
    const [kept] = await t.database.db.select().from(phoneAccounts).where(eq(phoneAccounts.id, id));
    expect(kept!.ha1Sha256).toBe(stored!.ha1Sha256);

    const moved = await send('PUT', `/api/phones/${id}`, { extension: '2002', name: '质检室电话' });
    expect(moved.json().error.code).toBe('PHONE_PASSWORD_REQUIRED');

    const [entry] = await auditOf('phone.create');
    expect(entry).toMatchObject({ account: 'admin', objectType: 'phone', objectId: String(id) });
    expect(JSON.stringify(entry.summary)).not.toMatch(/ha1|Secret/i);
    expect((await send('DELETE', `/api/phones/${id}`)).statusCode).toBe(200);
    expect((await send('DELETE', `/api/phones/${id}`)).json().error.code).toBe('PHONE_NOT_FOUND');
  });

  it('checks trunk input: a peer needs addresses that parse, a registering trunk needs its registrar and password', async () => {
    const noAddress = await send('POST', '/api/trunks', { name: '电信', kind: 'peer' });
    expect(noAddress.json().error.fields).toEqual([expect.objectContaining({ field: 'addresses' })]);
    const badAddress = await send('POST', '/api/trunks', { name: '电信', kind: 'peer', addresses: ['10.0.0.300'] });
    expect(badAddress.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'addresses.0' }] });
    const noPassword = await send('POST', '/api/trunks', { name: '联通', kind: 'register', registrar: 'sip.carrier.example:5060', username: 'hz12345' });
    expect(noPassword.json().error.code).toBe('TRUNK_PASSWORD_REQUIRED');

    const created = await send('POST', '/api/trunks', {
      name: '联通', kind: 'register', registrar: 'sip.carrier.example:5060', username: 'hz12345', password: 'carrier-secret', inboundNumbers: ['12345'],
    });
    expect(created.json()).toMatchObject({ kind: 'register', hasPassword: true, inboundNumbers: ['12345'] });
    expect(created.body).not.toContain('carrier-secret');
    const id = created.json().id;
    await send('PUT', `/api/trunks/${id}`, { name: '联通', kind: 'register', registrar: 'sip2.carrier.example', username: 'hz12345' });
    const [row] = await t.database.db.select().from(trunks).where(eq(trunks.id, id));
    expect(row).toMatchObject({ registrar: 'sip2.carrier.example', password: 'carrier-secret' });
    const entries = await auditOf('trunk.create');
    expect(entries[0].summary.after.password).toBe('***');
  });

  it('lets nobody without telephony.manage see or change phones and trunks', async () => {
    const agent = await t.signIn('agent1');
    expect((await agent.request({ method: 'GET', url: '/api/phones' })).statusCode).toBe(403);
    expect((await agent.request({ method: 'POST', url: '/api/trunks', payload: { name: 'x', kind: 'peer', addresses: ['1.2.3.4'] } })).statusCode).toBe(403);
  });
});
