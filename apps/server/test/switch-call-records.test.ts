import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '@rexian/contracts';
import { users } from '../src/db/schema';
import { DatabaseSwitchStore } from '../src/modules/switch/switch-store';
import { DATABASE_KINDS } from './databases';
import { startTestApp, type Session, type TestApp } from './test-app';

/** A mono 8 kHz 16-bit WAV (RFC 2361 / RIFF) whose sample bytes count 0…255 over and over. */
function wavFile(dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.from(Array.from({ length: dataBytes }, (_, i) => i % 256))]);
}

describe.each(DATABASE_KINDS)('call records, recordings and tasks written by the switch (%s)', (kind) => {
  let t: TestApp;
  let store: DatabaseSwitchStore;
  let admin: Session;
  let leader: Session;
  let agent1: Session;
  let agentIds: Record<string, number>;
  const dataDir = mkdtempSync(join(tmpdir(), 'rexian-switch-'));
  const wav = wavFile(4000);
  const wavPath = join(dataDir, 'recordings', 'c1.wav');

  beforeAll(async () => {
    t = await startTestApp(kind);
    store = new DatabaseSwitchStore(t.database.db);
    [admin, leader, agent1] = await Promise.all([t.signIn('admin'), t.signIn('leader'), t.signIn('agent1')]);
    const rows = await t.database.db.select({ id: users.id, account: users.account }).from(users);
    agentIds = Object.fromEntries(rows.map((r) => [r.account, r.id]));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One call as the switch writes it: start, IVR, queue, an agent answers, it ends; with a recording. */
  async function answeredCall(id: string, caller: string, account: 'agent1' | 'agent2', startedAt: Date) {
    const userId = agentIds[account]!;
    await store.callStarted({ id, direction: 'inbound', callerNumber: caller, calledNumber: '8000', trunk: '演示中继', startedAt });
    await store.legStarted({ id: `${id}-a`, callId: id, role: 'caller', peer: caller, agentUserId: null, startedAt });
    await store.callUpdated(id, { ivrPath: ['hours', 'main', 'billing'], digits: '1', variables: { account: '12345678' }, queueId: 1, queueName: '账务查询' });
    const ringAt = new Date(startedAt.getTime() + 20_000);
    await store.legStarted({ id: `${id}-b`, callId: id, role: 'agent', peer: '1001', agentUserId: userId, startedAt: ringAt });
    const answeredAt = new Date(ringAt.getTime() + 4000);
    await store.legUpdated(`${id}-b`, { answeredAt, result: '200' });
    await store.callUpdated(id, { answeredAt, agentUserId: userId, agentName: account, agentExtension: '1001', waitMs: 20_000, ringMs: 4000 });
    const endedAt = new Date(answeredAt.getTime() + 60_000);
    await store.legUpdated(`${id}-a`, { answeredAt: startedAt, endedAt, result: 'bye' });
    await store.legUpdated(`${id}-b`, { endedAt, result: 'bye', holdMs: 5000 });
    await store.callUpdated(id, { outcome: 'answered', endedAt, talkMs: 60_000, holdMs: 5000, endReason: 'caller-hangup' });
  }

  it('shows a call the switch wrote, with its legs in order, newest call first', async () => {
    await answeredCall('c1', '13800138000', 'agent1', new Date('2026-11-20T02:00:00Z'));
    await answeredCall('c2', '13900139000', 'agent2', new Date('2026-11-20T03:00:00Z'));
    const recordingId = await store.recordingSaved({
      callId: 'c1', path: wavPath, startedAt: new Date('2026-11-20T02:00:24Z'), durationMs: 60_000, bytes: wav.length, agentUserId: agentIds.agent1!, callerNumber: '13800138000',
    });
    await store.callUpdated('c1', { recordingId });

    const list = (await admin.request({ method: 'GET', url: '/api/calls' })).json() as { items: CallRecord[]; total: number };
    expect(list.total).toBe(2);
    expect(list.items.map((c) => c.id)).toEqual(['c2', 'c1']);
    const c1 = (await admin.request({ method: 'GET', url: '/api/calls/c1' })).json() as CallRecord;
    expect(c1).toMatchObject({
      direction: 'inbound', callerNumber: '13800138000', calledNumber: '8000', trunk: '演示中继', outcome: 'answered',
      ivrPath: ['hours', 'main', 'billing'], digits: '1', variables: { account: '12345678' }, queueName: '账务查询',
      waitMs: 20_000, ringMs: 4000, talkMs: 60_000, holdMs: 5000, recordingId, endReason: 'caller-hangup',
      agent: { userId: agentIds.agent1, name: 'agent1', extension: '1001' },
      startedAt: '2026-11-20T02:00:00.000Z', endedAt: '2026-11-20T02:01:24.000Z',
    });
    expect(c1.legs.map((l) => [l.id, l.role, l.result])).toEqual([['c1-a', 'caller', 'bye'], ['c1-b', 'agent', 'bye']]);
    expect(c1.legs[1]).toMatchObject({ agentUserId: agentIds.agent1, holdMs: 5000, answeredAt: '2026-11-20T02:00:24.000Z' });
  });

  it('filters by number, outcome, agent and time, and refuses a time that is no date', async () => {
    const ids = async (query: string) => ((await admin.request({ method: 'GET', url: `/api/calls?${query}` })).json().items as CallRecord[]).map((c) => c.id);
    expect(await ids('number=1390')).toEqual(['c2']);
    expect(await ids('number=8000')).toEqual(['c2', 'c1']);
    expect(await ids(`agentUserId=${agentIds.agent1}`)).toEqual(['c1']);
    expect(await ids('outcome=abandoned')).toEqual([]);
    expect(await ids(`from=${encodeURIComponent('2026-11-20T02:30:00Z')}`)).toEqual(['c2']);
    expect(await ids(`to=${encodeURIComponent('2026-11-20T02:30:00Z')}`)).toEqual(['c1']);
    expect(await ids('pageSize=1&page=2')).toEqual(['c1']);
    const bad = await admin.request({ method: 'GET', url: '/api/calls?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ field: 'from' })]);
  });

  it('shows an agent only the calls they answered', async () => {
    const mine = (await agent1.request({ method: 'GET', url: '/api/calls' })).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].id).toBe('c1');
    const other = await agent1.request({ method: 'GET', url: '/api/calls/c2' });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('CALL_NOT_FOUND');
    expect((await agent1.request({ method: 'GET', url: `/api/calls?agentUserId=${agentIds.agent2}` })).json().total).toBe(0);
  });

  it('closes calls left in progress by a stopped server as interrupted, with their open legs', async () => {
    const startedAt = new Date('2026-11-21T01:00:00Z');
    await store.callStarted({ id: 'c3', direction: 'inbound', callerNumber: '13700137000', calledNumber: '8000', trunk: null, startedAt });
    await store.legStarted({ id: 'c3-a', callId: 'c3', role: 'caller', peer: '13700137000', agentUserId: null, startedAt });
    await store.legStarted({ id: 'c3-b', callId: 'c3', role: 'agent', peer: '1002', agentUserId: agentIds.agent2!, startedAt });
    await store.legUpdated('c3-b', { endedAt: new Date('2026-11-21T01:00:10Z'), result: 'ring-timeout' });
    const at = new Date('2026-11-21T05:00:00Z');

    expect(await store.closeInterrupted(at)).toBe(1);
    const c3 = (await admin.request({ method: 'GET', url: '/api/calls/c3' })).json() as CallRecord;
    expect(c3).toMatchObject({ outcome: 'interrupted', endedAt: at.toISOString() });
    expect(c3.legs.map((l) => [l.id, l.result, l.endedAt])).toEqual([
      ['c3-a', 'interrupted', at.toISOString()], ['c3-b', 'ring-timeout', '2026-11-21T01:00:10.000Z'],
    ]);
    expect((await admin.request({ method: 'GET', url: '/api/calls/c1' })).json().outcome).toBe('answered');
    expect(await store.closeInterrupted(new Date())).toBe(0);
  });

  it('keeps the ACD snapshot across restarts, the latest one only', async () => {
    expect(await store.loadAcdState()).toBeUndefined();
    await store.saveAcdState({ agents: [{ id: 1, state: 'ready' }] });
    await store.saveAcdState({ agents: [{ id: 1, state: 'not-ready' }] });
    expect(await new DatabaseSwitchStore(t.database.db).loadAcdState()).toEqual({ agents: [{ id: 1, state: 'not-ready' }] });
  });

  describe('playing a recording', () => {
    const playbacks = async () => (await admin.request({ method: 'GET', url: '/api/audit?action=recording.play&pageSize=100' })).json().total as number;
    const play = (range?: string) => admin.request({ method: 'GET', url: '/api/recordings/1/audio', headers: range ? { range } : {} });

    beforeAll(async () => {
      mkdirSync(join(dataDir, 'recordings'), { recursive: true });
      writeFileSync(wavPath, wav);
    });

    it('sends the whole WAV and audits the playback once', async () => {
      const response = await play();
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('audio/wav');
      expect(response.headers['accept-ranges']).toBe('bytes');
      expect(Number(response.headers['content-length'])).toBe(wav.length);
      expect(response.rawPayload.equals(wav)).toBe(true);
      expect(await playbacks()).toBe(1);
    });

    it('answers the first bytes, a middle range and a suffix with 206, counting only a playback from byte 0', async () => {
      const first = await play('bytes=0-99');
      expect(first.statusCode).toBe(206);
      expect(first.headers['content-range']).toBe(`bytes 0-99/${wav.length}`);
      expect(first.rawPayload.equals(wav.subarray(0, 100))).toBe(true);
      expect(await playbacks()).toBe(2);

      const middle = await play('bytes=1000-1499');
      expect(middle.statusCode).toBe(206);
      expect(middle.headers['content-range']).toBe(`bytes 1000-1499/${wav.length}`);
      expect(middle.rawPayload.equals(wav.subarray(1000, 1500))).toBe(true);

      const suffix = await play('bytes=-100');
      expect(suffix.statusCode).toBe(206);
      expect(suffix.headers['content-range']).toBe(`bytes ${wav.length - 100}-${wav.length - 1}/${wav.length}`);
      expect(suffix.rawPayload.equals(wav.subarray(wav.length - 100))).toBe(true);

      const open = await play(`bytes=${wav.length - 10}-`);
      expect(open.rawPayload.equals(wav.subarray(wav.length - 10))).toBe(true);
      expect(await playbacks()).toBe(2);
    });

    it('answers HEAD with the length and no body, and does not count it as a playback', async () => {
      const before = await playbacks();
      const response = await admin.request({ method: 'HEAD', url: '/api/recordings/1/audio' });
      expect(response.statusCode).toBe(200);
      expect(Number(response.headers['content-length'])).toBe(wav.length);
      expect(response.rawPayload).toHaveLength(0);
      expect(await playbacks()).toBe(before);
    });

    it('answers 416 with the size for a range past the end', async () => {
      const response = await play(`bytes=${wav.length}-`);
      expect(response.statusCode).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${wav.length}`);
    });

    it('answers 404 when the recording or its file is missing, and 403 without the right', async () => {
      expect((await admin.request({ method: 'GET', url: '/api/recordings/999/audio' })).json().error.code).toBe('RECORDING_NOT_FOUND');
      const lost = await store.recordingSaved({
        callId: 'c2', path: join(dataDir, 'gone.wav'), startedAt: new Date(), durationMs: 1000, bytes: 100, agentUserId: agentIds.agent2!, callerNumber: '13900139000',
      });
      const missing = await admin.request({ method: 'GET', url: `/api/recordings/${lost}/audio` });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('RECORDING_NOT_FOUND');
      expect((await agent1.request({ method: 'GET', url: '/api/recordings/1/audio' })).statusCode).toBe(403);
    });

    it('lets the team leader play the calls of their department', async () => {
      const response = await leader.request({ method: 'GET', url: '/api/recordings/1/audio', headers: { range: 'bytes=0-9' } });
      expect(response.statusCode).toBe(206);
      expect(response.rawPayload.equals(wav.subarray(0, 10))).toBe(true);
    });
  });

  it('lists voicemail and callbacks as tasks the team leader marks done, with who and when', async () => {
    const voicemailPath = join(dataDir, 'vm1.wav');
    writeFileSync(voicemailPath, wavFile(800));
    await store.voicemailSaved({ callId: 'c4', callerNumber: '13600136000', queueId: null, reason: 'after-hours', path: voicemailPath, durationMs: 3000 });
    await store.callbackRequested({ callId: 'c5', callerNumber: '13500135000', queueId: null, reason: 'abandoned', waitedMs: 45_000 });

    const fresh = (await leader.request({ method: 'GET', url: '/api/voicemails?status=new' })).json();
    expect(fresh.total).toBe(1);
    const voicemail = fresh.items[0];
    expect(voicemail).toMatchObject({ callerNumber: '13600136000', reason: 'after-hours', status: 'new', handledBy: null });
    const audio = await leader.request({ method: 'GET', url: `/api/voicemails/${voicemail.id}/audio`, headers: { range: 'bytes=-10' } });
    expect(audio.statusCode).toBe(206);
    expect(audio.rawPayload).toHaveLength(10);

    const done = await leader.request({ method: 'PATCH', url: `/api/voicemails/${voicemail.id}`, payload: { status: 'done', note: '已回电说明停水原因' } });
    expect(done.json()).toMatchObject({ status: 'done', note: '已回电说明停水原因', handledBy: { id: leader.me.id, name: '王班长' } });
    expect((await leader.request({ method: 'GET', url: '/api/voicemails?status=new' })).json().total).toBe(0);
    const wrong = await leader.request({ method: 'PATCH', url: `/api/voicemails/${voicemail.id}`, payload: { status: 'unreachable' } });
    expect(wrong.json().error.code).toBe('TASK_STATUS_INVALID');

    const [callback] = (await leader.request({ method: 'GET', url: '/api/callbacks?status=open' })).json().items;
    expect(callback).toMatchObject({ callerNumber: '13500135000', reason: 'abandoned', waitedMs: 45_000 });
    const unreachable = await leader.request({ method: 'PATCH', url: `/api/callbacks/${callback.id}`, payload: { status: 'unreachable', note: '无人接听' } });
    expect(unreachable.json()).toMatchObject({ status: 'unreachable', handledBy: { id: leader.me.id } });

    const audit = (await admin.request({ method: 'GET', url: '/api/audit?action=voicemail.update' })).json().items;
    expect(audit[0]).toMatchObject({ account: 'leader', objectId: String(voicemail.id), summary: { after: { status: 'done' } } });
    expect((await agent1.request({ method: 'GET', url: '/api/voicemails' })).statusCode).toBe(403);
  });
});
