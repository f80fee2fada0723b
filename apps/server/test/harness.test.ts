/**
 * Proof that the end-to-end test tools work against what runs today: a SIPp caller walks the demo
 * hotline 8000 (the demo IVR, or the example user agent on trees without the switch) pressing RFC 2833 keys;
 * a baresip agent phone registers extension 1001 to the running server, answers a call made
 * straight to it, and records what it hears; the WAV analysis tells tones and silence apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, signInOver, startServerProcess, type ServerProcess } from './server-process';
import { ADMIN_PASSWORD } from './test-app';
import { hasBaresip, startAgentPhone, type AgentPhone } from './support/agent-phone';
import { callerScenario } from './support/caller-scenario';
import { callHotline, receivedStatuses, sentRequests, startHotlineCall } from './support/sipp-caller';
import { channelRms, hasEnergy, readWavSignal, toneLevel, windowRms } from './support/wav-analysis';

const work = mkdtempSync(join(tmpdir(), 'rexian-harness-'));
const phones: AgentPhone[] = [];
afterAll(async () => {
  await Promise.all(phones.splice(0).map((p) => p.stop()));
  rmSync(work, { recursive: true, force: true });
});

async function phone(props: Parameters<typeof startAgentPhone>[0]): Promise<AgentPhone> {
  const started = await startAgentPhone(props);
  phones.push(started);
  return started;
}

describe('caller scenario', () => {
  it('refuses keys that have no RFC 2833 capture, and caller numbers that are not digits', () => {
    expect(() => callerScenario({ steps: [{ digits: '12A' }], ending: { by: 'caller' }, callerNumber: '13800138000' })).toThrow(/0-9, \* or #/);
    expect(() => callerScenario({ steps: [], ending: { by: 'caller' }, callerNumber: 'sipp' })).toThrow(/digits/);
  });

  it('plays one capture per key, in the order pressed', () => {
    const xml = callerScenario({ steps: [{ digits: '3*#' }], ending: { by: 'caller' }, callerNumber: '13800138000' });
    expect([...xml.matchAll(/dtmf_2833_(\w+)\.pcap/g)].map((m) => m[1])).toEqual(['3', 'star', 'pound']);
  });
});

describe('WAV analysis', () => {
  it('hears a 1000 Hz tone on the left and a 600 Hz tone on the right, and silence as silence', () => {
    const stereo = join(work, 'stereo.wav');
    const made = spawnSync('sox', ['-n', '-r', '8000', '-b', '16', '-c', '2', stereo, 'synth', '1', 'sine', '1000', 'sine', '600', 'vol', '0.25']);
    expect(made.status).toBe(0);
    const signal = readWavSignal(stereo);
    expect(signal.channels).toHaveLength(2);
    expect(signal.durationMs).toBeCloseTo(1000, 0);
    const amplitude = 0.25 * 32767;
    expect(toneLevel(signal, 0, 1000)).toBeGreaterThan(0.9 * amplitude);
    expect(toneLevel(signal, 0, 600)).toBeLessThan(0.02 * amplitude);
    expect(toneLevel(signal, 1, 600)).toBeGreaterThan(0.9 * amplitude);
    expect(toneLevel(signal, 1, 1000)).toBeLessThan(0.02 * amplitude);
    expect(channelRms(signal, 0)).toBeCloseTo(amplitude / Math.SQRT2, -2);
    expect(windowRms(signal, 1, 100)).toHaveLength(10);

    const quiet = join(work, 'quiet.wav');
    spawnSync('sox', ['-n', '-r', '8000', '-b', '16', '-c', '1', quiet, 'trim', '0', '0.5']);
    expect(hasEnergy(readWavSignal(quiet), 0)).toBe(false);
    expect(hasEnergy(signal, 1)).toBe(true);
    expect(() => toneLevel(readWavSignal(quiet), 1, 600)).toThrow(RangeError);
  });
});

describe.skipIf(!hasBaresip)('agent phone, reached directly', () => {
  it('answers a SIPp call by itself and records the caller’s G.711 audio; the Call-IDs match', async () => {
    const agent = await phone({ extension: '1001', password: 'unused-here', answer: 'auto', record: join(work, 'heard.wav') });
    const call = await callHotline({ sipPort: agent.sipPort, number: '1001', steps: [{ audio: 2000 }] });
    expect({ succeeded: call.succeeded, errors: call.errors }).toEqual({ succeeded: true, errors: '' });
    expect(sentRequests(call.messages)).toEqual(['INVITE', 'ACK', 'BYE']);
    expect(receivedStatuses(call.messages).at(-1)).toBe(200);
    const closed = await agent.waitForCall('closed', 5000);
    expect(closed.id).toBe(call.callId);
    const heard = readWavSignal(await agent.recording(5000));
    expect(heard.durationMs).toBeGreaterThan(1500);
    expect(hasEnergy(heard, 0, 100)).toBe(true);
  });

  it('rings without answering until the test answers a manual phone', async () => {
    const agent = await phone({ extension: '1002', password: 'unused-here', answer: 'manual' });
    const call = await startHotlineCall({ sipPort: agent.sipPort, number: '1002', steps: [{ wait: 500 }] });
    const ringing = await agent.waitForCall('incoming', 5000);
    expect(ringing.id).toBe(call.callId);
    await new Promise((r) => setTimeout(r, 1000));
    expect(agent.calls().map((c) => c.state)).toEqual(['incoming']);
    await agent.answer();
    const result = await call.done;
    expect(result.succeeded).toBe(true);
    expect(receivedStatuses(result.messages)).toContain(180);
  });

  it('lets the caller wait for the far end’s BYE: the phone hangs up through ctrl_tcp', async () => {
    const agent = await phone({ extension: '1005', password: 'unused-here', answer: 'auto' });
    const call = await startHotlineCall({ sipPort: agent.sipPort, number: '1005', steps: [{ wait: 200 }], ending: { by: 'far-end', timeoutMs: 5000 } });
    await agent.waitForCall('established', 5000);
    await new Promise((r) => setTimeout(r, 500));
    await agent.command('/hangup');
    const result = await call.done;
    expect({ succeeded: result.succeeded, errors: result.errors }).toEqual({ succeeded: true, errors: '' });
    expect(sentRequests(result.messages)).toEqual(['INVITE', 'ACK']);
    expect(result.messages).toMatch(/message received[^\n]*\n+BYE /);
  });

  it('fails the caller who waits for a BYE that never comes, within the timeout', async () => {
    const agent = await phone({ extension: '1006', password: 'unused-here', answer: 'auto' });
    const started = Date.now();
    const result = await callHotline({ sipPort: agent.sipPort, number: '1006', steps: [], ending: { by: 'far-end', timeoutMs: 1000 } });
    expect(result.succeeded).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
    await agent.command('/hangup').catch(() => {});
  });

  it('speaks its tone into the call: a phone that dials another hears 1000 Hz and not 600 Hz', async () => {
    const listener = await phone({ extension: '1003', password: 'unused-here', answer: 'auto', record: join(work, 'tone.wav') });
    const speaker = await phone({ extension: '1004', password: 'unused-here', answer: 'auto', speak: { toneHz: 1000, amplitude: 0.3 } });
    await speaker.command(`/dial sip:1003@127.0.0.1:${listener.sipPort}`);
    await listener.waitForCall('established', 5000);
    await new Promise((r) => setTimeout(r, 1500));
    await speaker.command('/hangup');
    await listener.waitForCall('closed', 5000);
    const heard = readWavSignal(await listener.recording(5000));
    // G.711 keeps a 0.3 full-scale tone within a few per cent; the first packets may be missing.
    expect(toneLevel(heard, 0, 1000)).toBeGreaterThan(0.5 * 0.3 * 32767);
    expect(toneLevel(heard, 0, 600)).toBeLessThan(0.05 * 0.3 * 32767);
  });
});

describe('against the running server', () => {
  let server: ServerProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rexian-harness-server-'));
    // baresip 1.0 gives up on a SHA-256 challenge even when an MD5 one follows.
    server = await startServerProcess({ REXIAN_DATA_DIR: dataDir, REXIAN_ADMIN_PASSWORD: ADMIN_PASSWORD, REXIAN_SIP_DIGEST_ALGORITHMS: 'MD5' });
  });
  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a caller reaches hotline 8000 through the demo trunk, presses keys, and the call ends cleanly (200, ACK, BYE, 200)', async () => {
    const call = await callHotline({ sipPort: server.sipPort!, steps: [{ wait: 1000 }, { digits: '3#' }, { audio: 500 }] });
    expect({ succeeded: call.succeeded, errors: call.errors }).toEqual({ succeeded: true, errors: '' });
    expect(sentRequests(call.messages)).toEqual(['INVITE', 'ACK', 'BYE']);
    expect(receivedStatuses(call.messages).filter((s) => s >= 200)).toEqual([200, 200]);
    expect(call.messages).toContain(`Call-ID: ${call.callId}`);
  });

  it('a caller to a number no trunk brings in is refused, and says so', async () => {
    const call = await callHotline({ sipPort: server.sipPort!, number: '8999', steps: [] });
    expect(call.succeeded).toBe(false);
    expect(receivedStatuses(call.messages).some((s) => s >= 400)).toBe(true);
  });

  it.skipIf(!hasBaresip)('an agent phone registers extension 1001, and the phones page shows where it is', async () => {
    const agent = await phone({ extension: '1001', password: 'rexian1001', sipPort: server.sipPort! });
    await agent.waitRegistered(10_000);
    const headers = await signInOver(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const list = (await (await fetch(`${server.baseUrl}api/phones`, { headers })).json()) as { extension: string; registrations: { source: string }[] }[];
    expect(list.find((p) => p.extension === '1001')?.registrations.map((r) => r.source)).toEqual([`127.0.0.1:${agent.sipPort}`]);
  });

  it.skipIf(!hasBaresip)('an agent phone with a wrong password is refused', async () => {
    const agent = await phone({ extension: '1002', password: 'not-the-password', sipPort: server.sipPort! });
    await expect(agent.waitRegistered(5000)).rejects.toThrow(/not registered|refused/);
  });
});
