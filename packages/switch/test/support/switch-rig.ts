/**
 * A switch between endpoints of our own SIP stack on 127.0.0.1, for tests: a carrier that places
 * calls, phones that answer, ring forever or refuse, the media engine with one worker, and an
 * in-memory store. Phones are "registered" by writing their binding into the location service.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaEngine } from '@rexian/media';
import {
  DialogLayer, Endpoint, InMemoryLocationService, createSipServer, staticPhoneDirectory, staticSdp, systemClock, type Dialog, type IncomingCall, type SipServer,
} from '@rexian/sip';
import { CallSwitch, EMPTY_CONFIG, MemorySwitchStore, type OutboundTrunk, type SwitchConfig } from '../../src/index';

export type PhoneMode = 'answer' | 'ring' | 'busy';

export class TestPhone {
  answered = 0;
  rang = 0;
  readonly dialogs: DialogLayer;
  readonly active = new Set<Dialog>();

  private constructor(
    readonly extension: string,
    readonly endpoint: Endpoint,
    public mode: PhoneMode,
  ) {
    this.dialogs = new DialogLayer(endpoint, {
      onIncomingCall: (call) => this.receive(call),
      onBye: (dialog) => this.active.delete(dialog),
    });
  }

  static async listen(extension: string, mode: PhoneMode): Promise<TestPhone> {
    return new TestPhone(extension, await Endpoint.listen({ host: '127.0.0.1', port: 0 }), mode);
  }

  private receive(call: IncomingCall): void {
    this.rang++;
    if (this.mode === 'busy') return call.reject(486);
    call.ring();
    if (this.mode === 'ring') return;
    this.answered++;
    const dialog = call.answer(staticSdp('127.0.0.1', 44000 + Number(this.extension) % 1000));
    this.active.add(dialog);
    dialog.onTerminated(() => this.active.delete(dialog));
  }

  async hangUp(): Promise<void> {
    for (const dialog of [...this.active]) await this.dialogs.bye(dialog).catch(() => {});
    this.active.clear();
  }

  async close(): Promise<void> {
    this.dialogs.close();
    await this.endpoint.close();
  }
}

export const queueOf = (id: number, overrides: Partial<SwitchConfig['queues'][number]> = {}): SwitchConfig['queues'][number] => ({
  id, name: `队列${id}`, strategy: 'linear', record: true, maxWaitSec: 0, overflow: 'voicemail', overflowQueueId: null,
  ringTimeoutSec: 5, wrapUpSec: 0, announceEverySec: 0, recordAbandoned: false, ...overrides,
});

export class SwitchRig {
  readonly phones = new Map<string, TestPhone>();
  private callSeq = 0;

  private constructor(
    readonly media: MediaEngine,
    readonly server: SipServer,
    readonly sw: CallSwitch,
    readonly carrier: DialogLayer,
    readonly dataDir: string,
    readonly store: MemorySwitchStore,
    readonly location: InMemoryLocationService,
    private readonly extensions: Set<string>,
  ) {}

  static async start(
    config: Partial<SwitchConfig>,
    portBase: number,
    { sipTimers, trunk, rtpTimeoutMs }: { sipTimers?: { T1: number; T2: number; T4: number }; trunk?: OutboundTrunk; rtpTimeoutMs?: number } = {},
  ): Promise<SwitchRig> {
    const dataDir = mkdtempSync(join(tmpdir(), 'rexian-switch-'));
    const media = await MediaEngine.start({ workers: 1, address: '127.0.0.1', portRange: { min: portBase, max: portBase + 400 }, ttsCacheDir: join(dataDir, 'tts') });
    const store = new MemorySwitchStore();
    const location = new InMemoryLocationService(systemClock);
    const holder: { server?: SipServer } = {};
    const extensions = new Set<string>();
    const sw = await CallSwitch.start({
      media, store, location, aorOf: (e) => holder.server!.aorOf(e), domain: 'rexian', dataDir, serverUrl: () => 'http://127.0.0.1:1',
      isExtension: (n) => extensions.has(n), saveDelayMs: 10,
      ...(trunk ? { trunkDestination: () => trunk } : {}),
      ...(rtpTimeoutMs === undefined ? {} : { rtpTimeoutMs }),
    }, { ...EMPTY_CONFIG, ...config });
    const server = createSipServer({
      host: '127.0.0.1', port: 0, realm: 'rexian', phones: staticPhoneDirectory('rexian', []),
      trunks: [{ kind: 'peer', name: 'carrier', addresses: ['127.0.0.1'] }], hotlineNumbers: [], calls: sw, location,
      ...(sipTimers ? { timers: sipTimers } : {}),
    });
    holder.server = server;
    await server.start();
    const carrierEndpoint = await Endpoint.listen({ host: '127.0.0.1', port: 0 });
    return new SwitchRig(media, server, sw, new DialogLayer(carrierEndpoint), dataDir, store, location, extensions);
  }

  async phone(extension: string, mode: PhoneMode = 'answer'): Promise<TestPhone> {
    const phone = await TestPhone.listen(extension, mode);
    this.phones.set(extension, phone);
    this.extensions.add(extension);
    this.location.register({
      aor: this.server.aorOf(extension), contact: `sip:${extension}@127.0.0.1:${phone.endpoint.port}`, expiresAt: Date.now() + 3_600_000, callId: `reg-${extension}`, cseq: 1,
      source: { transport: 'udp', address: '127.0.0.1', port: phone.endpoint.port },
    });
    return phone;
  }

  /** The carrier calls `number` from `caller`; resolves with the dialog once answered. */
  call(number = '8000', caller = `1380013${String(8000 + ++this.callSeq)}`): Promise<Dialog> {
    const port = this.server.address!.port;
    return this.carrier.invite({
      uri: `sip:${number}@127.0.0.1:${port}`, from: `<sip:${caller}@carrier>`, to: `<sip:${number}@rexian>`,
      destination: { transport: 'udp', address: '127.0.0.1', port }, sdp: staticSdp('127.0.0.1', 43000 + this.callSeq * 2),
    });
  }

  /** The stored record of the only call from `caller`, or of the latest call. */
  latestCall() {
    return [...this.store.calls.values()].at(-1);
  }

  async leftovers(): Promise<{ calls: number; legs: number; offers: number; dialogs: number; sessions: number }> {
    for (let i = 0; i < 100; i++) {
      const counts = await this.media.counts();
      const c = this.sw.counts();
      if (counts.sessions === 0 && c.calls === 0 && (this.sw.dialogLayer?.count ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    return { ...this.sw.counts(), dialogs: this.sw.dialogLayer?.count ?? 0, sessions: (await this.media.counts()).sessions };
  }

  async close(): Promise<void> {
    await this.sw.close();
    for (const phone of this.phones.values()) await phone.close();
    this.carrier.close();
    await this.carrier.endpoint.close();
    await this.server.close();
    await this.media.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}
