import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SESSION_COOKIE, type CtiEvent, type WsServerMessage } from '@rexian/contracts';
import { OFFLINE_SWITCH } from '../src/modules/switch/switch-status';
import { DATABASE_KINDS } from './databases';
import { fakeSwitchboard } from './switch-fakes';
import { startTestApp, type Session, type TestApp } from './test-app';

const AT = '2026-11-22T08:00:00.000Z';
const SUMMARY = { callerNumber: '13800138000', calledNumber: '8000', queueId: 1, queueName: '账务查询', variables: {}, digits: '1', ivrPath: ['main'], callerList: null };

/** A WebSocket to the test server that keeps every message it receives. */
class Client {
  readonly messages: WsServerMessage[] = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string, headers: Record<string, string>) {
    this.socket = new WebSocket(url, { headers });
    this.socket.on('message', (data) => this.messages.push(JSON.parse(data.toString()) as WsServerMessage));
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.socket.once('close', (code) => resolve(code)));
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Waits (at most 5 s) for a message that `matches`. */
  async next(matches: (m: WsServerMessage) => boolean): Promise<WsServerMessage> {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const found = this.messages.find(matches);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no matching message; got ${JSON.stringify(this.messages)}`);
  }

  /** Every event received until a ping is answered (messages on one socket arrive in order). */
  async eventsSoFar(): Promise<CtiEvent[]> {
    const before = this.messages.filter((m) => m.type === 'pong').length;
    this.send({ type: 'ping' });
    const deadline = Date.now() + 5000;
    while (this.messages.filter((m) => m.type === 'pong').length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.messages.flatMap((m) => (m.type === 'cti.event' ? [m.event] : []));
  }
}

describe.each(DATABASE_KINDS)('the CTI interface over REST and the WebSocket (%s)', (kind) => {
  let t: TestApp;
  let base: string;
  let agent1: Session;
  let agent2: Session;
  let leader: Session;
  const switchboard = fakeSwitchboard();
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestApp(kind, { switchboard });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    [agent1, agent2, leader] = await Promise.all([t.signIn('agent1'), t.signIn('agent2'), t.signIn('leader')]);
  });
  afterAll(async () => {
    for (const c of clients) c.socket.terminate();
    await t?.close();
  });

  const connect = (session: Session | null, origin = `http://${base}`) => {
    const client = new Client(`ws://${base}/ws`, { origin, ...(session ? { cookie: `${SESSION_COOKIE}=${session.cookie}` } : {}) });
    clients.push(client);
    return client;
  };
  const auditOf = async (action: string) => (await (await t.signIn('admin')).request({ method: 'GET', url: `/api/audit?action=${action}` })).json().items;

  it('runs a command for the signed-in agent and audits sign-in and call commands by name', async () => {
    const login = await agent1.request({ method: 'POST', url: '/api/cti/commands', payload: { command: 'agent.login', extension: '1001', ready: true } });
    expect(login.json()).toEqual({ ok: true, callId: null, message: null });
    expect(switchboard.cti.commands.at(-1)).toEqual({ agentId: agent1.me.id, command: { command: 'agent.login', extension: '1001', ready: true, autoAnswer: false } });
    expect((await auditOf('agent.login'))[0]).toMatchObject({ account: 'agent1', objectId: String(agent1.me.id), outcome: 'success', summary: { extension: '1001' } });

    switchboard.cti.answer = () => ({ ok: false, callId: null, message: '通话不存在' });
    const hold = await agent1.request({ method: 'POST', url: '/api/cti/commands', payload: { command: 'call.hold', callId: 'call-9' } });
    expect(hold.json()).toMatchObject({ ok: false, message: '通话不存在' });
    expect((await auditOf('cti.command'))[0]).toMatchObject({ objectType: 'call', objectId: 'call-9', outcome: 'failed', summary: { command: 'call.hold' } });

    expect((await agent1.request({ method: 'POST', url: '/api/cti/commands', payload: { command: 'call.dial', target: 'abc' } })).statusCode).toBe(400);
    const handler = await t.signIn('eng1');
    expect((await handler.request({ method: 'POST', url: '/api/cti/commands', payload: { command: 'agent.logout' } })).statusCode).toBe(403);
    expect((await agent1.request({ method: 'GET', url: '/api/cti/snapshot' })).json()).toEqual(switchboard.cti.current);
  });

  it('refuses commands while telephony is not running', async () => {
    expect(await OFFLINE_SWITCH.cti.execute(1, { command: 'agent.logout' })).toMatchObject({ ok: false, message: expect.stringContaining('话务系统未启动') });
    expect(OFFLINE_SWITCH.cti.snapshot()).toEqual({ agents: [], queues: [], calls: [] });
  });

  it('sends the snapshot on connect and forwards an agent only their own events and the queues', async () => {
    const client = connect(agent1);
    await client.opened;
    expect(await client.next((m) => m.type === 'cti.snapshot')).toEqual({ type: 'cti.snapshot', snapshot: switchboard.cti.current });
    const supervisor = connect(leader);
    await supervisor.opened;
    await supervisor.next((m) => m.type === 'cti.snapshot');

    const events: CtiEvent[] = [
      { event: 'call.offered', at: AT, agentId: agent1.me.id, call: { callId: 'c1', ...SUMMARY } },
      { event: 'call.offered', at: AT, agentId: agent2.me.id, call: { callId: 'c2', ...SUMMARY } },
      { event: 'queue.changed', at: AT, queueId: 1, waiting: 1, longestWaitMs: 3000, agentsReady: 2, agentsBusy: 3 },
      { event: 'call.digits', at: AT, callId: 'c2', digit: '5' },
    ];
    for (const event of events) switchboard.cti.emit(event);
    expect(await client.eventsSoFar()).toEqual([events[0], events[2]]);
    expect(await supervisor.eventsSoFar()).toEqual(events);
  });

  it('answers a malformed message with an error and stays open; runs commands and resyncs', async () => {
    const client = connect(agent2);
    await client.opened;
    client.send('{not json');
    expect(await client.next((m) => m.type === 'error')).toMatchObject({ message: expect.stringContaining('JSON') });
    client.send({ type: 'cti.command', id: 'x1', command: { command: 'call.transfer', callId: 'c2' } });
    expect((await client.next((m) => m.type === 'error' && m.message.includes('target'))).type).toBe('error');

    switchboard.cti.answer = (_agentId, command) => ({ ok: true, callId: 'callId' in command ? command.callId : null, message: null });
    client.send({ type: 'cti.command', id: 'x2', command: { command: 'call.answer', callId: 'c2' } });
    expect(await client.next((m) => m.type === 'cti.result')).toEqual({ type: 'cti.result', id: 'x2', result: { ok: true, callId: 'c2', message: null } });
    expect(switchboard.cti.commands.at(-1)).toEqual({ agentId: agent2.me.id, command: { command: 'call.answer', callId: 'c2' } });
    expect((await auditOf('cti.command'))[0]).toMatchObject({ account: 'agent2', objectId: 'c2', summary: { command: 'call.answer' } });

    const snapshots = client.messages.filter((m) => m.type === 'cti.snapshot').length;
    client.send({ type: 'cti.sync' });
    await client.eventsSoFar();
    expect(client.messages.filter((m) => m.type === 'cti.snapshot')).toHaveLength(snapshots + 1);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses a socket without a session or without a CTI right, and closes a cross-site one with 1008', async () => {
    await expect(connect(null).opened).rejects.toThrow(/401/);
    await expect(connect(await t.signIn('eng1')).opened).rejects.toThrow(/403/);
    const crossSite = connect(agent1, 'https://evil.example');
    expect(await crossSite.closed).toBe(1008);
  });

  it('stops forwarding to a socket once it is closed', async () => {
    const listening = switchboard.cti.listeners.size;
    expect(listening).toBeGreaterThan(0);
    for (const c of clients) c.socket.close();
    await Promise.all(clients.map((c) => c.closed));
    const deadline = Date.now() + 5000;
    while (switchboard.cti.listeners.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(switchboard.cti.listeners.size).toBe(0);
  });
});
