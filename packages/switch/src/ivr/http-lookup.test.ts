import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flow } from './flow-builder';
import { lookupUrl, valueAtPath } from './http-lookup';
import { startJsonServer, sendJson, type JsonTestServer } from './json-test-server';
import { runFlow } from './run-flow';
import { scriptedCall } from './scripted-channel';

let server: JsonTestServer;

beforeAll(async () => {
  server = await startJsonServer((request, response) => {
    const path = decodeURIComponent(request.url);
    if (path.startsWith('/accounts/1234')) return sendJson(response, 200, { data: { owner: { name: '张三' }, balance: 128.5, items: [{ due: '2026-12-15' }] } });
    if (path.startsWith('/accounts/张 三')) return sendJson(response, 200, { data: { owner: { name: '编码正确' }, balance: 0 } });
    if (path.startsWith('/echo')) return sendJson(response, 200, { received: JSON.parse(request.body) as unknown });
    if (path.startsWith('/broken')) return sendJson(response, 200, '{"balance": ');
    if (path.startsWith('/slow')) return void setTimeout(() => sendJson(response, 200, { balance: 1 }), 2000);
    return sendJson(response, 404, { error: 'not found' });
  });
});

afterAll(() => server.close());

function lookup(url: string, extra: object = {}) {
  return flow([
    { id: 'http', type: 'http', url, timeoutMs: 300, assign: { name: 'data.owner.name', balance: 'data.balance' }, next: { ok: 'ok', failure: 'failed' }, ...extra },
    { id: 'ok', type: 'queue', queueId: 1 },
    { id: 'failed', type: 'queue', queueId: 2 },
  ]);
}

async function run(url: string, variables: Record<string, string> = {}, extra: object = {}) {
  const call = scriptedCall([], { fetch });
  const outcome = await runFlow(lookup(url, extra), call.env, { variables: { serverUrl: server.url, ...variables } });
  return { ok: outcome.kind === 'queue' && outcome.queueId === 1, variables: call.variables, call };
}

describe('the http node against a real HTTP server', () => {
  it('assigns fields of the JSON answer by their dotted paths and takes ok', async () => {
    const result = await run('${serverUrl}/accounts/${account}', { account: '1234' });
    expect(result.ok).toBe(true);
    expect(result.variables).toEqual({ name: '张三', balance: '128.5' });
  });

  it('URI-encodes the values it puts into the URL, but not the base address at its start', async () => {
    const result = await run('${serverUrl}/accounts/${account}?x=${q}', { account: '张 三', q: 'a&b=c' });
    expect(result.ok).toBe(true);
    expect(server.requests.at(-1)?.url).toBe('/accounts/%E5%BC%A0%20%E4%B8%89?x=a%26b%3Dc');
  });

  it('POSTs its body template as JSON with the values put in', async () => {
    const result = await run('${serverUrl}/echo', { account: '12"34' }, {
      method: 'POST',
      body: { account: '${account}', nested: ['${callId}'], n: 1 },
      assign: { echoed: 'received.account', count: 'received.n' },
    });
    expect(result.ok).toBe(true);
    expect(result.variables).toEqual({ echoed: '12"34', count: '1' });
    expect(server.requests.at(-1)?.contentType).toBe('application/json');
  });

  it('takes failure for a 404, an answer that is not JSON, a missing field and a timeout, assigning nothing', async () => {
    for (const url of ['${serverUrl}/accounts/9999', '${serverUrl}/broken', '${serverUrl}/slow']) {
      const result = await run(url);
      expect(result.ok, url).toBe(false);
      expect(result.variables).toEqual({});
    }
    const missing = await run('${serverUrl}/accounts/1234', {}, { assign: { name: 'data.owner.name', phone: 'data.owner.phone' } });
    expect(missing.ok).toBe(false);
    expect(missing.variables).toEqual({});
  });

  it('takes failure for an address that is not http(s) or nothing listens on', async () => {
    expect((await run('file:///etc/passwd')).ok).toBe(false);
    expect((await run('http://127.0.0.1:1/x')).ok).toBe(false);
  });

  it('reports a hang-up during the request as caller-hung-up, not as a failure', async () => {
    const call = scriptedCall([], { fetch });
    const pending = runFlow(lookup('${serverUrl}/slow', { timeoutMs: 5000 }), call.env, { variables: { serverUrl: server.url } });
    setTimeout(() => call.channel.hangUp(), 50);
    expect(await pending).toEqual({ kind: 'caller-hung-up' });
  });
});

describe('http helpers', () => {
  it('valueAtPath reads strings, numbers and booleans through objects and arrays, and nothing else', () => {
    const json = { a: { b: [{ c: 'x' }, { c: 2 }] }, t: true, o: {}, n: null };
    expect(valueAtPath(json, 'a.b.0.c')).toBe('x');
    expect(valueAtPath(json, 'a.b.1.c')).toBe('2');
    expect(valueAtPath(json, 't')).toBe('true');
    expect(valueAtPath(json, 'o')).toBeUndefined();
    expect(valueAtPath(json, 'n')).toBeUndefined();
    expect(valueAtPath(json, 'a.x.c')).toBeUndefined();
    expect(valueAtPath(json, 'toString')).toBeUndefined();
  });

  it('lookupUrl keeps a leading base address as it is', () => {
    expect(lookupUrl('${base}/a/${v}', { base: 'http://h:1/p', v: '/x y' })).toBe('http://h:1/p/a/%2Fx%20y');
  });
});
