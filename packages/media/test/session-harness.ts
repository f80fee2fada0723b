import { MediaWorkerHost } from '../src/worker/media-worker-host.js';
import type { SessionEvent } from '../src/session/session-events.js';
import type { CreateResult } from '../src/worker/worker-protocol.js';
import { Phone } from './phone.js';
import { phoneOffer } from './udp-peer.js';

/**
 * An in-process media worker host plus test phones, torn down by `close()`, which also reports
 * whether any port pair or session leaked.
 */
export class SessionHarness {
  readonly events: { id: string; event: SessionEvent }[] = [];
  readonly host: MediaWorkerHost;
  private readonly phones: Phone[] = [];
  private next = 0;

  constructor(options: { rtcpIntervalMs?: number } = {}) {
    const base = 44000 + Math.floor(Math.random() * 40) * 100;
    this.host = new MediaWorkerHost({ address: '127.0.0.1', portRange: { min: base, max: base + 99 }, ...options }, (id, event) => this.events.push({ id, event }));
  }

  /** A phone and a session answering its offer. */
  async call(options: Parameters<typeof phoneOffer>[1] & { rtcp?: boolean; inbandDtmf?: boolean; latch?: boolean; sdpPort?: number } = {}): Promise<{ phone: Phone; id: string; port: number; sdp: string }> {
    const phone = await Phone.openPhone(options.rtcp ?? false);
    this.phones.push(phone);
    const id = `leg${++this.next}`;
    const result = (await this.host.handle({ op: 'create', sessionId: id, offer: phoneOffer(options.sdpPort ?? phone.port, options), ...(options.inbandDtmf !== undefined ? { inbandDtmf: options.inbandDtmf } : {}), ...(options.latch !== undefined ? { latch: options.latch } : {}) })) as CreateResult;
    return { phone, id, ...result };
  }

  eventsOf(id: string, type: SessionEvent['type']): SessionEvent[] {
    return this.events.filter((e) => e.id === id && e.event.type === type).map((e) => e.event);
  }

  async until(predicate: () => boolean, ms = 3000): Promise<boolean> {
    const end = Date.now() + ms;
    while (!predicate() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    return predicate();
  }

  /** Closes everything; returns the ports and sessions still counted afterwards (both must be 0). */
  async close(): Promise<{ sessions: number; ports: number }> {
    this.host.closeAll('test end');
    this.phones.splice(0).forEach((p) => p.close());
    const counts = (await this.host.handle({ op: 'counts' })) as { sessions: number; ports: number };
    return { sessions: counts.sessions, ports: counts.ports };
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
