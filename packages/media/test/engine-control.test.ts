import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MediaEngine, MediaPlacementError } from '../src/engine/media-engine.js';
import type { MediaSessionHandle } from '../src/engine/media-session-handle.js';
import type { SessionEvent } from '../src/session/session-events.js';
import { toneLevel } from '../src/tones/level-meter.js';
import { decodeWavChannels } from '../src/wav/wav-reader.js';
import { Phone, toneFrame } from './phone.js';
import { phoneOffer } from './udp-peer.js';

let engine: MediaEngine;
const events: { id: string; event: SessionEvent }[] = [];
const open: { close(): unknown }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'rexian-engine-'));

beforeAll(async () => {
  engine = await MediaEngine.start({ workers: 2, portRange: { min: 46000, max: 46999 } });
  engine.on((id, event) => events.push({ id, event }));
});
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  expect(await engine.counts()).toMatchObject({ sessions: 0, ports: 0, conferences: 0 });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

async function leg(group?: string): Promise<{ phone: Phone; session: MediaSessionHandle }> {
  const phone = await Phone.openPhone();
  open.push(phone);
  const session = await engine.createSession({ offer: phoneOffer(phone.port), ...(group ? { group } : {}) });
  open.push(session);
  return { phone, session };
}

describe('media engine control from the main thread', () => {
  it('legs of one group share a worker; bridging legs of different workers is refused', async () => {
    const a = await leg('call-1');
    const b = await leg('call-1');
    expect(a.session.workerIndex).toBe(b.session.workerIndex);
    await engine.bridge(a.session.id, b.session.id);
    const c = await leg();
    expect(c.session.workerIndex).not.toBe(a.session.workerIndex);
    await expect(engine.bridge(a.session.id, c.session.id)).rejects.toThrow(MediaPlacementError);
  });

  it('recording pause and resume leave silence in the file for the paused stretch (card numbers)', async () => {
    const { phone, session } = await leg();
    const path = join(dir, 'paused.wav');
    await session.startRecording(path, 'stereo');
    const streaming = phone.stream(session.port, 75, (i) => toneFrame([400], i * 160));
    await new Promise((r) => setTimeout(r, 500));
    await session.pauseRecording();
    await new Promise((r) => setTimeout(r, 500));
    await session.resumeRecording();
    await streaming;
    const result = await session.stopRecording();
    expect(result.path).toBe(path);
    const left = decodeWavChannels(readFileSync(path))[0] ?? new Int16Array();
    const at = (ms: number): number => toneLevel(left.subarray(ms * 8, ms * 8 + 800), 400);
    expect(at(300)).toBeGreaterThan(4000);
    expect(at(800)).toBeLessThan(100);
    expect(at(1300)).toBeGreaterThan(4000);
    expect(events.filter((e) => e.id === session.id && e.event.type === 'recording-closed')).toHaveLength(1);
  });

  it('a worker’s log lines reach the logger given to the engine, marked with the worker', async () => {
    const lines: { level: string; obj: unknown; msg?: string }[] = [];
    const log = (level: string) => (obj: unknown, msg?: string) => lines.push({ level, obj, ...(msg ? { msg } : {}) });
    const logged = await MediaEngine.start({ workers: 1, logLevel: 'debug', portRange: { min: 46500, max: 46599 }, logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } });
    const phone = await Phone.openPhone();
    try {
      const session = await logged.createSession(); // our offer: no remote address yet
      phone.send(phone.packet(0, new Uint8Array(160)), session.port);
      const until = Date.now() + 2000;
      while (!lines.some((l) => l.msg === 'RTP before the remote SDP') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      await session.close();
    } finally {
      phone.close();
      await logged.close();
    }
    expect(lines.find((l) => l.msg === 'RTP before the remote SDP')).toMatchObject({ level: 'debug', obj: { worker: 0 } });
  });

  it('closing a session that records closes the file and reports it', async () => {
    const { session } = await leg();
    const path = join(dir, 'abrupt.wav');
    await session.startRecording(path, 'mono');
    await new Promise((r) => setTimeout(r, 200));
    await session.close('hangup');
    const until = Date.now() + 2000;
    while (!events.some((e) => e.id === session.id && e.event.type === 'recording-closed') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const closed = events.find((e) => e.id === session.id && e.event.type === 'recording-closed')?.event as { path: string; durationMs: number };
    expect(closed.path).toBe(path);
    expect(readFileSync(path).subarray(0, 4).toString()).toBe('RIFF');
    expect(events.find((e) => e.id === session.id && e.event.type === 'closed')?.event).toMatchObject({ reason: 'hangup' });
  });
});
