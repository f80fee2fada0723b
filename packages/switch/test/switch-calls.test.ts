/**
 * The switch between real SIP endpoints of our own stack on 127.0.0.1: a carrier calls a hotline
 * number routed straight to a queue, the ACD picks the signed-in agent, the agent's phone (an
 * example UAS at the address its binding names) answers, the caller hangs up; the CDR says so and
 * nothing is left over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaEngine } from '@rexian/media';
import { DialogLayer, Endpoint, ExampleUas, InMemoryLocationService, createSipServer, staticPhoneDirectory, staticSdp, systemClock, type SipServer } from '@rexian/sip';
import { CallSwitch, EMPTY_CONFIG, MemorySwitchStore, type SwitchConfig } from '../src/index';

const QUEUE = {
  id: 1, name: '业务咨询', strategy: 'longest-idle' as const, record: true, maxWaitSec: 0, overflow: 'voicemail' as const, overflowQueueId: null,
  ringTimeoutSec: 5, wrapUpSec: 0, announceEverySec: 0, recordAbandoned: false,
};

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('the call switch between SIP endpoints', () => {
  let media: MediaEngine;
  let server: SipServer;
  let sw: CallSwitch;
  let phone: ExampleUas;
  let carrier: DialogLayer;
  let carrierEndpoint: Endpoint;
  const store = new MemorySwitchStore();
  const dataDir = mkdtempSync(join(tmpdir(), 'rexian-switch-'));

  beforeAll(async () => {
    media = await MediaEngine.start({ workers: 1, address: '127.0.0.1', portRange: { min: 42000, max: 42400 } });
    const config: SwitchConfig = {
      ...EMPTY_CONFIG,
      routes: [{ number: '8000', flowId: null, queueId: 1 }],
      queues: [QUEUE],
      agents: [{ userId: 7, name: '坐席一', queues: [{ queueId: 1, penalty: 0 }] }],
    };
    let sip: SipServer | undefined;
    const location = new InMemoryLocationService(systemClock);
    sw = await CallSwitch.start({
      media, store, location, aorOf: (e) => sip!.aorOf(e), domain: 'rexian', dataDir,
      serverUrl: () => 'http://127.0.0.1:1', isExtension: (n) => n === '1001',
    }, config);
    server = createSipServer({
      host: '127.0.0.1', port: 0, realm: 'rexian', phones: staticPhoneDirectory('rexian', []), trunks: [{ kind: 'peer', name: 'carrier', addresses: ['127.0.0.1'] }],
      hotlineNumbers: [], calls: sw, location,
    });
    sip = server;
    await server.start();
    phone = await ExampleUas.listen({ host: '127.0.0.1', port: 0 });
    server.location.register({
      aor: server.aorOf('1001'), contact: `sip:1001@127.0.0.1:${phone.endpoint.port}`, expiresAt: Date.now() + 3_600_000, callId: 'x', cseq: 1,
      source: { transport: 'udp', address: '127.0.0.1', port: phone.endpoint.port },
    });
    carrierEndpoint = await Endpoint.listen({ host: '127.0.0.1', port: 0 });
    carrier = new DialogLayer(carrierEndpoint);
  });

  afterAll(async () => {
    await sw?.close();
    await phone?.close();
    carrier?.close();
    await carrierEndpoint?.close();
    await server?.close();
    await media?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rings the ready agent, bridges, records, and closes the record when the caller hangs up', async () => {
    expect((await sw.execute(7, { command: 'agent.login', extension: '1001', ready: true, autoAnswer: false })).ok).toBe(true);
    const dialog = await carrier.invite({
      uri: `sip:8000@127.0.0.1:${server.address!.port}`, from: '<sip:13800138000@carrier>', to: '<sip:8000@rexian>',
      destination: { transport: 'udp', address: '127.0.0.1', port: server.address!.port }, sdp: staticSdp('127.0.0.1', 43000),
    });
    expect(await until(() => phone.answered === 1)).toBe(true);
    const [call] = [...store.calls.values()];
    expect(call?.callerNumber).toBe('13800138000');
    expect(await until(() => sw.snapshot().agents[0]?.state === 'talking')).toBe(true);
    await carrier.bye(dialog);
    expect(await until(() => call?.outcome === 'answered' && call.endedAt != null)).toBe(true);
    expect(call).toMatchObject({ queueId: 1, queueName: '业务咨询', agentUserId: 7, agentExtension: '1001' });
    expect(call!.legs.map((l) => l.role).sort()).toEqual(['agent', 'caller']);
    expect(await until(() => store.recordings.length === 1)).toBe(true);
    expect(await until(() => phone.activeCalls === 0)).toBe(true);
    expect(sw.counts()).toEqual({ calls: 0, legs: 0, offers: 0 });
    expect(await until(() => sw.dialogLayer!.count === 0)).toBe(true);
    for (let i = 0; i < 50 && (await media.counts()).sessions > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await media.counts()).toMatchObject({ sessions: 0, ports: 0 });
  });
});
