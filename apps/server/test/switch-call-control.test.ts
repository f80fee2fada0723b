/**
 * An agent's call control end to end, with the real server process, SIPp as the caller and baresip
 * desk phones: blind transfer, consult transfer, a three-way conference; the maximum wait sends a
 * caller to voicemail; a caller who gives up in the queue is on the callback list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackRequest, CallRecord, CtiSnapshot, QueueConfig, Voicemail } from '@rexian/contracts';
import { exited, signInOver, startServerProcess, type ServerProcess } from './server-process';
import { startAgentPhone, type AgentPhone } from './support/agent-phone';
import { ADMIN_PASSWORD, STAFF_PASSWORD, hasSipPeers, hotlineEnv, poll } from './support/hotline-test';
import { startHotlineCall, type HotlineCall } from './support/sipp-caller';

const runs = hasSipPeers ? describe : describe.skip;


runs('call control, overflow and callbacks with desk phones', () => {
  let dataDir: string;
  let server: ServerProcess;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  const phones = new Map<string, AgentPhone>();
  const calls: HotlineCall[] = [];

  const api = async <T>(path: string, headers: Record<string, string>, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${server.baseUrl}${path.replace(/^\//, '')}`, { ...init, headers });
    return (await response.json()) as T;
  };
  const cti = (command: object) => api<{ ok: boolean; message: string | null }>('/api/cti/commands', agent, { method: 'POST', body: JSON.stringify(command) });
  const liveCall = () => poll(async () => (await api<CtiSnapshot>('/api/cti/snapshot', admin)).calls.find((c) => c.state === 'talking'), 30_000);
  const recordOf = (caller: string) => poll(async () => {
    const { items } = await api<{ items: CallRecord[] }>(`/api/calls?number=${caller}`, admin);
    return items[0]?.endedAt ? items[0] : undefined;
  }, 15_000);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rexian-control-'));
    server = await startServerProcess(hotlineEnv(dataDir));
    admin = await signInOver(server.baseUrl, 'admin', ADMIN_PASSWORD);
    agent = await signInOver(server.baseUrl, 'agent1', STAFF_PASSWORD);
    for (const extension of ['1001', '1004', '1005']) {
      const phone = await startAgentPhone({ extension, password: `rexian${extension}`, sipPort: server.sipPort!, answer: 'auto' });
      phones.set(extension, phone);
      await phone.waitRegistered(10_000);
    }
    expect((await cti({ command: 'agent.login', extension: '1001', ready: true })).ok).toBe(true);
  }, 90_000);

  afterAll(async () => {
    for (const call of calls) call.stop();
    for (const phone of phones.values()) await phone.stop();
    if (server) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A caller who presses 3 (业务咨询), stays `talkMs` and hangs up (BYE). */
  const callConsult = async (caller: string, talkMs: number) => {
    const call = await startHotlineCall({ sipPort: server.sipPort!, callerNumber: caller, steps: [{ wait: 1500 }, { digits: '3' }, { wait: talkMs }], ending: { by: 'caller' } });
    calls.push(call);
    const live = await liveCall();
    expect(live).toBeDefined();
    return { call, callId: live!.callId };
  };
  const established = (extension: string) => phones.get(extension)!.calls().filter((c) => c.state === 'established').length;
  const waitUntil = async (check: () => boolean, ms = 15_000) => {
    const ok = await poll(async () => (check() ? true : undefined), ms);
    if (!ok) {
      for (const [ext, phone] of phones) console.log(ext, JSON.stringify(phone.calls()));
      console.log(JSON.stringify(await api('/api/cti/snapshot', admin)));
      console.log(server.output().slice(-3000));
    }
    expect(ok).toBe(true);
  };

  it('blind-transfers the caller to 1004; agent 1001 is free again', async () => {
    const { call, callId } = await callConsult('13955550001', 10_000);
    expect((await cti({ command: 'call.transfer', callId, target: '1004' })).ok).toBe(true);
    await waitUntil(() => established('1004') === 1 && established('1001') === 0);
    expect((await call.done).succeeded).toBe(true);
    await waitUntil(() => established('1004') === 0);
    const record = await recordOf('13955550001');
    expect(record?.legs.map((l) => l.role).sort()).toEqual(['agent', 'caller', 'transfer']);
    await cti({ command: 'agent.wrap-up-done' });
  }, 90_000);

  it('consults 1005, then transfers the caller to them', async () => {
    const { call, callId } = await callConsult('13955550002', 14_000);
    expect((await cti({ command: 'call.consult', callId, target: '1005' })).ok).toBe(true);
    await waitUntil(() => established('1005') === 1);
    expect((await cti({ command: 'call.consult-transfer', callId })).ok).toBe(true);
    await waitUntil(() => established('1001') === 0 && established('1005') === 1);
    expect((await call.done).succeeded).toBe(true);
    await waitUntil(() => established('1005') === 0);
    expect((await recordOf('13955550002'))?.legs.map((l) => l.role).sort()).toEqual(['agent', 'caller', 'consult']);
    await cti({ command: 'agent.wrap-up-done' });
  }, 90_000);

  it('makes a three-way call of the caller, the agent and 1004', async () => {
    const { call, callId } = await callConsult('13955550003', 14_000);
    expect((await cti({ command: 'call.consult', callId, target: '1004' })).ok).toBe(true);
    await waitUntil(() => established('1004') === 1);
    expect((await cti({ command: 'call.conference', callId })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(established('1001')).toBe(1);
    expect(established('1004')).toBe(1);
    expect((await call.done).succeeded).toBe(true);
    await waitUntil(() => established('1001') === 0 && established('1004') === 0);
    await cti({ command: 'agent.wrap-up-done' });
  }, 90_000);

  it('sends a caller who waits too long to voicemail, and puts one who gives up on the callback list', async () => {
    expect((await cti({ command: 'agent.not-ready', reason: '培训' })).ok).toBe(true);
    const queues = await api<QueueConfig[]>('/api/queues', admin);
    const consult = queues.find((q) => q.name === '业务咨询')!;
    const { id: _id, updatedAt: _u, members, ...settings } = consult;
    const put = await fetch(`${server.baseUrl}api/queues/${consult.id}`, {
      method: 'PUT', headers: admin, body: JSON.stringify({ ...settings, maxWaitSec: 3, members: members.map((m) => ({ userId: m.userId, penalty: m.penalty })) }),
    });
    expect(put.status).toBe(200);
    const patient = await startHotlineCall({ sipPort: server.sipPort!, callerNumber: '13966660001', steps: [{ wait: 1500 }, { digits: '3' }, { wait: 12_000 }, { audio: 3000 }], ending: { by: 'caller' } });
    calls.push(patient);
    await patient.done;
    const voicemail = await poll(async () => (await api<{ items: Voicemail[] }>('/api/voicemails', admin)).items.find((v) => v.callerNumber === '13966660001'), 10_000);
    expect(voicemail).toMatchObject({ reason: 'overflow', status: 'new' });
    expect(voicemail!.durationMs).toBeGreaterThan(1000);

    await fetch(`${server.baseUrl}api/queues/${consult.id}`, {
      method: 'PUT', headers: admin, body: JSON.stringify({ ...settings, maxWaitSec: 120, members: members.map((m) => ({ userId: m.userId, penalty: m.penalty })) }),
    });
    const impatient = await startHotlineCall({ sipPort: server.sipPort!, callerNumber: '13966660002', steps: [{ wait: 1500 }, { digits: '3' }, { wait: 7000 }], ending: { by: 'caller' } });
    calls.push(impatient);
    await impatient.done;
    const callback = await poll(async () => (await api<{ items: CallbackRequest[] }>('/api/callbacks', admin)).items.find((c) => c.callerNumber === '13966660002'), 10_000);
    expect(callback).toMatchObject({ reason: 'abandoned', status: 'open', queueName: '业务咨询' });
    expect((await recordOf('13966660002'))?.outcome).toBe('abandoned');
  }, 90_000);
});
