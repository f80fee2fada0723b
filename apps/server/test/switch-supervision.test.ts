/**
 * Supervision on a live call through the CTI API, with desk phones that speak tones and record what
 * they hear: the agent's phone (1001) sends 1000 Hz, the team leader's (1000) 600 Hz. Listening, the
 * leader hears the agent and the agent does not hear the leader; whispering, the agent hears the
 * leader. Forced states and help requests reach the switch from the leader's rights only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CtiSnapshot } from '@rexian/contracts';
import { exited, signInOver, startServerProcess, type ServerProcess } from './server-process';
import { startAgentPhone, type AgentPhone } from './support/agent-phone';
import { ADMIN_PASSWORD, STAFF_PASSWORD, hasSipPeers, hotlineEnv, poll } from './support/hotline-test';
import { startHotlineCall } from './support/sipp-caller';
import { readWavSignal, toneLevel } from './support/wav-analysis';

const runs = hasSipPeers ? describe : describe.skip;
/** The phones' tone amplitude (agent-phone.ts default 0.3 of full scale). */
const TONE = 0.3 * 32767;

runs('supervision of a live call', () => {
  let dataDir: string;
  let server: ServerProcess;
  let admin: Record<string, string>;
  let agent: Record<string, string>;
  let leader: Record<string, string>;
  let agentPhone: AgentPhone;
  let leaderPhone: AgentPhone;

  const cti = async (who: Record<string, string>, command: object) => {
    const response = await fetch(`${server.baseUrl}api/cti/commands`, { method: 'POST', headers: who, body: JSON.stringify(command) });
    return (await response.json()) as { ok: boolean; message: string | null; callId: string | null };
  };
  const snapshot = async () => (await (await fetch(`${server.baseUrl}api/cti/snapshot`, { headers: admin })).json()) as CtiSnapshot;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rexian-supervise-'));
    server = await startServerProcess(hotlineEnv(dataDir));
    admin = await signInOver(server.baseUrl, 'admin', ADMIN_PASSWORD);
    agent = await signInOver(server.baseUrl, 'agent1', STAFF_PASSWORD);
    leader = await signInOver(server.baseUrl, 'leader', STAFF_PASSWORD);
    agentPhone = await startAgentPhone({ extension: '1001', password: 'rexian1001', sipPort: server.sipPort!, answer: 'auto', speak: { toneHz: 1000 }, record: join(dataDir, 'agent.wav') });
    leaderPhone = await startAgentPhone({ extension: '1000', password: 'rexian1000', sipPort: server.sipPort!, answer: 'auto', speak: { toneHz: 600 }, record: join(dataDir, 'leader.wav') });
    await Promise.all([agentPhone.waitRegistered(10_000), leaderPhone.waitRegistered(10_000)]);
    expect((await cti(agent, { command: 'agent.login', extension: '1001', ready: true })).ok).toBe(true);
    // The leader signs in on their own extension, not ready (they supervise, they take no calls).
    expect((await cti(leader, { command: 'agent.login', extension: '1000', ready: false })).ok).toBe(true);
  }, 90_000);

  afterAll(async () => {
    await agentPhone?.stop();
    await leaderPhone?.stop();
    if (server) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A caller presses 3 (业务咨询, agent1 answers) and stays `ms`; resolves with the live call's id. */
  async function liveCall(caller: string, ms: number) {
    const call = await startHotlineCall({ sipPort: server.sipPort!, callerNumber: caller, steps: [{ wait: 1500 }, { digits: '3' }, { wait: ms }], ending: { by: 'caller' } });
    const talking = await poll(async () => (await snapshot()).calls.find((c) => c.callerNumber === caller && c.state === 'talking'), 20_000);
    expect(talking).toBeDefined();
    return { call, callId: talking!.callId };
  }

  it('listening, the leader hears the agent and the agent does not hear the leader', async () => {
    const { call, callId } = await liveCall('13977770001', 9000);
    expect((await cti(leader, { command: 'call.supervise', callId, mode: 'listen' })).ok).toBe(true);
    await leaderPhone.waitForCall('established', 10_000);
    expect((await call.done).succeeded).toBe(true);
    const heardByLeader = readWavSignal(await leaderPhone.recording(10_000));
    const heardByAgent = readWavSignal(await agentPhone.recording(10_000));
    expect(toneLevel(heardByLeader, 0, 1000)).toBeGreaterThan(0.2 * TONE);
    expect(toneLevel(heardByAgent, 0, 600)).toBeLessThan(0.05 * TONE);
    await cti(agent, { command: 'agent.wrap-up-done' });
  }, 60_000);

  it('whispering, the agent hears the leader', async () => {
    const { call, callId } = await liveCall('13977770002', 9000);
    expect((await cti(leader, { command: 'call.supervise', callId, mode: 'whisper' })).ok).toBe(true);
    expect((await call.done).succeeded).toBe(true);
    const heardByAgent = readWavSignal(await agentPhone.recording(10_000));
    expect(toneLevel(heardByAgent, 0, 600)).toBeGreaterThan(0.1 * TONE);
    await cti(agent, { command: 'agent.wrap-up-done' });
  }, 60_000);

  it('forces an agent not ready, and an agent cannot use the leader\'s commands', async () => {
    const agentId = (await snapshot()).agents.find((a) => a.extension === '1001')!.agentId;
    expect(await cti(agent, { command: 'agent.force-state', agentId, state: 'not-ready' })).toMatchObject({ ok: false, message: expect.stringContaining('cti.supervise') });
    expect((await snapshot()).agents.find((a) => a.agentId === agentId)?.state).toBe('ready');
    expect((await cti(leader, { command: 'agent.force-state', agentId, state: 'not-ready', reason: '培训' })).ok).toBe(true);
    expect((await snapshot()).agents.find((a) => a.agentId === agentId)).toMatchObject({ state: 'not-ready', reason: '培训' });
  });
});
