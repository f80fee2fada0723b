/**
 * Issue 6's end-to-end proof, with the real server process and real SIP peers: SIPp as the carrier
 * calls the demo hotline 8000, walks the Chinese IVR menu with RFC 2833 keys (1 bill inquiry,
 * the account number, 0 for an agent), waits in the 账务查询 queue; baresip registered as 1001,
 * whose agent signed in ready, rings and answers; audio flows both ways (the recording has the
 * caller on the left and the agent's tone on the right); SIPp hangs up; the CDR holds the path,
 * the keys, the queue, the wait, the agent, the talk time and the recording, over the REST API.
 * Then: ring-no-answer moves on, and a killed server's open call is closed on restart.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, QueueConfig } from '@rexian/contracts';
import { exited, signInOver, startServerProcess, type ServerProcess } from './server-process';
import { startAgentPhone, type AgentPhone } from './support/agent-phone';
import { ADMIN_PASSWORD, STAFF_PASSWORD, hasSipPeers, hotlineEnv, poll } from './support/hotline-test';
import { startHotlineCall, callHotline } from './support/sipp-caller';
import { channelRms, readWavSignal, toneLevel } from './support/wav-analysis';

const runs = hasSipPeers ? describe : describe.skip;


runs('a call through the demo hotline, end to end', () => {
  let dataDir: string;
  let server: ServerProcess;
  const phones: AgentPhone[] = [];
  let admin: Record<string, string>;

  const api = async (path: string, headers: Record<string, string>, init: RequestInit = {}) => {
    const response = await fetch(`${server.baseUrl}${path.replace(/^\//, '')}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? await response.json() : await response.arrayBuffer() };
  };
  const cti = async (headers: Record<string, string>, command: object) => (await api('/api/cti/commands', headers, { method: 'POST', body: JSON.stringify(command) })).body as { ok: boolean; message: string | null };
  const callFrom = async (caller: string): Promise<CallRecord | undefined> => {
    const { body } = await api(`/api/calls?number=${caller}`, admin);
    return (body as { items: CallRecord[] }).items[0];
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rexian-e2e-'));
    server = await startServerProcess(hotlineEnv(dataDir));
    admin = await signInOver(server.baseUrl, 'admin', ADMIN_PASSWORD);
  }, 90_000);

  afterAll(async () => {
    for (const phone of phones) await phone.stop();
    if (server) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('walks the menu, queues, rings the agent, records both sides and writes the CDR', async () => {
    const phone = await startAgentPhone({ extension: '1001', password: 'rexian1001', sipPort: server.sipPort!, answer: 'auto', speak: { toneHz: 1000 } });
    phones.push(phone);
    await phone.waitRegistered(10_000);
    const agent = await signInOver(server.baseUrl, 'agent1', STAFF_PASSWORD);
    expect(await cti(agent, { command: 'agent.login', extension: '1001', ready: true })).toMatchObject({ ok: true });

    const result = await callHotline({
      sipPort: server.sipPort!,
      callerNumber: '13912345678',
      steps: [
        { wait: 2500 }, { digits: '1' }, // 主菜单: 1 查询账单 (barge-in)
        { wait: 2500 }, { digits: '20261122#' }, // 户号, then the lookup and the balance
        { wait: 4000 }, { digits: '0' }, // 账单菜单: 0 人工服务 → 账务查询 queue
        { wait: 4000 }, { audio: 4000 }, // the agent answered; the caller speaks
      ],
      ending: { by: 'caller' },
    });
    expect(result.succeeded, result.errors).toBe(true);
    expect((await phone.waitForCall('closed', 10_000)).state).toBe('closed');

    const record = await poll(async () => {
      const r = await callFrom('13912345678');
      return r?.endedAt && r.recordingId ? r : undefined;
    }, 10_000);
    expect(record).toBeDefined();
    expect(record!.ivrPath).toEqual(expect.arrayContaining(['main-menu', 'billing-account', 'billing-lookup', 'billing-say-balance', 'billing-menu', 'billing-queue']));
    expect(record!.digits).toBe('120261122#0');
    expect(record!.variables).toMatchObject({ account: '20261122' });
    expect(record).toMatchObject({ outcome: 'answered', queueName: '账务查询', agent: { extension: '1001' } });
    expect(record!.waitMs).toBeGreaterThanOrEqual(0);
    expect(record!.talkMs).toBeGreaterThan(3000);
    expect(record!.legs.map((l) => l.role).sort()).toEqual(['agent', 'caller']);

    const audio = await api(`/api/recordings/${record!.recordingId}/audio`, admin);
    expect(audio.status).toBe(200);
    const file = join(dataDir, 'check.wav');
    writeFileSync(file, Buffer.from(audio.body as ArrayBuffer));
    const wav = readWavSignal(file);
    expect(wav.channels).toHaveLength(2);
    // Left: the caller (SIPp's speech capture); right: what the caller heard, the agent's 1 kHz tone.
    expect(channelRms(wav, 0)).toBeGreaterThan(100);
    expect(toneLevel(wav, 1, 1000)).toBeGreaterThan(toneLevel(wav, 0, 1000));
  }, 120_000);

  it('moves a call that rings out at one agent to the next and sets the first not ready', async () => {
    // agent2 (1002) lets it ring; agent3 (1003) answers. Both serve 业务咨询 (key 3).
    const silent = await startAgentPhone({ extension: '1002', password: 'rexian1002', sipPort: server.sipPort!, answer: 'never' });
    const answering = await startAgentPhone({ extension: '1003', password: 'rexian1003', sipPort: server.sipPort!, answer: 'auto' });
    phones.push(silent, answering);
    await Promise.all([silent.waitRegistered(10_000), answering.waitRegistered(10_000)]);
    const agent1 = await signInOver(server.baseUrl, 'agent1', STAFF_PASSWORD);
    expect(await cti(agent1, { command: 'agent.logout' })).toMatchObject({ ok: true });
    const agent2 = await signInOver(server.baseUrl, 'agent2', STAFF_PASSWORD);
    expect(await cti(agent2, { command: 'agent.login', extension: '1002', ready: true })).toMatchObject({ ok: true });

    // A shorter ring timeout on 业务咨询, set the way an administrator would.
    const queues = (await api('/api/queues', admin)).body as QueueConfig[];
    const consult = queues.find((q) => q.name === '业务咨询')!;
    const { id: _id, updatedAt: _u, members, ...settings } = consult;
    const put = await api(`/api/queues/${consult.id}`, admin, {
      method: 'PUT', body: JSON.stringify({ ...settings, ringTimeoutSec: 5, members: members.map((m) => ({ userId: m.userId, penalty: m.penalty })) }),
    });
    expect(put.status).toBe(200);
    const call = await startHotlineCall({
      sipPort: server.sipPort!, callerNumber: '13922223333',
      steps: [{ wait: 2000 }, { digits: '3' }, { wait: 14_000 }], ending: { by: 'caller' },
    });
    await silent.waitForCall('incoming', 20_000);
    // agent3 signs in while agent2's phone rings: the call goes to them after the ring timeout.
    const agent3 = await signInOver(server.baseUrl, 'agent3', STAFF_PASSWORD);
    expect(await cti(agent3, { command: 'agent.login', extension: '1003', ready: true })).toMatchObject({ ok: true });
    await answering.waitForCall('established', 40_000);
    const snapshot = (await api('/api/cti/snapshot', admin)).body as { agents: { agentId: number; state: string; reason: string | null }[] };
    expect(snapshot.agents.find((a) => a.state === 'not-ready')?.reason).toBe('ring-no-answer');
    expect((await call.done).succeeded).toBe(true);
    const record = await poll(async () => {
      const r = await callFrom('13922223333');
      return r?.endedAt ? r : undefined;
    }, 10_000);
    expect(record?.agent?.extension).toBe('1003');
    expect(record?.legs.find((l) => l.peer === '1002')?.result).toBe('ring-timeout');
  }, 120_000);

  it('closes the record of a call in progress when the server is killed, on the next start', async () => {
    const call = await startHotlineCall({ sipPort: server.sipPort!, callerNumber: '13933334444', steps: [{ wait: 20_000 }], ending: { by: 'caller' } });
    const open = await poll(async () => callFrom('13933334444'), 10_000);
    expect(open?.outcome).toBe('in-progress');
    for (const phone of phones.splice(0)) await phone.stop();
    server.child.kill('SIGKILL');
    await exited(server.child);
    call.stop();
    server = await startServerProcess(hotlineEnv(dataDir));
    admin = await signInOver(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const closed = await callFrom('13933334444');
    expect(closed).toMatchObject({ outcome: 'interrupted' });
    expect(closed!.endedAt).not.toBeNull();
  }, 120_000);
});
