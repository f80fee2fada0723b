import { availableParallelism } from 'node:os';
import { silentLogger, type MediaLogger } from '../frames.js';
import type { SessionEvent } from '../session/session-events.js';
import type { WorkerCounts, WorkerSettings } from '../worker/worker-protocol.js';
import { MediaSessionHandle, type CreateSessionOptions } from './media-session-handle.js';
import { WorkerClient } from './worker-client.js';

export interface MediaEngineOptions {
  /** Worker threads; default one per core. */
  workers?: number;
  /** Address to bind RTP on and to write in SDP. Default 127.0.0.1. */
  address?: string;
  /** RTP port range, split evenly between the workers. Default 20000–30000. */
  portRange?: { min: number; max: number };
  jitterDepth?: number;
  /** Nominal RTCP report interval; default 5000 ms (RFC 3550 §6.2). */
  rtcpIntervalMs?: number;
  ttsCacheDir?: string;
  logger?: MediaLogger;
  /** 'debug' also forwards the workers' debug lines (costly under load). Default 'info'. */
  logLevel?: 'debug' | 'info';
}

/** Events the engine reports, each with the id of the session concerned. */
export type EngineListener = (sessionId: string, event: SessionEvent) => void;

/** Bridged or mixed sessions live in different workers (create them with the same `group`). */
export class MediaPlacementError extends Error {
  override readonly name = 'MediaPlacementError';
}

let sessionCounter = 0;

/**
 * The main thread's media controller: a pool of worker threads that own the media sessions, and
 * message-based control of them. Related legs (a call's two legs, a conference) share a `group`
 * so they land in the same worker, where relaying and mixing happen without crossing threads.
 * A worker that crashes is replaced; its sessions are reported closed (`reason: 'worker-crashed'`).
 */
export class MediaEngine {
  private readonly workers: WorkerClient[] = [];
  private readonly placement = new Map<string, WorkerClient>();
  private readonly groups = new Map<string, { worker: WorkerClient; sessions: Set<string> }>();
  private readonly sessionGroup = new Map<string, string>();
  private readonly listeners = new Set<EngineListener>();
  private closed = false;
  private readonly logger: MediaLogger;

  private constructor(private readonly options: MediaEngineOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  static async start(options: MediaEngineOptions = {}): Promise<MediaEngine> {
    const engine = new MediaEngine(options);
    const count = Math.max(1, options.workers ?? availableParallelism());
    for (let i = 0; i < count; i++) engine.workers.push(engine.spawn(i, count));
    await Promise.all(engine.workers.map((w) => w.ready));
    return engine;
  }

  private spawn(index: number, count: number): WorkerClient {
    const range = this.options.portRange ?? { min: 20000, max: 30000 };
    const slice = Math.floor((range.max - range.min + 1) / count / 2) * 2;
    const min = range.min + index * slice;
    const settings: WorkerSettings = { address: this.options.address ?? '127.0.0.1', portRange: { min, max: min + slice - 1 }, ...(this.options.jitterDepth ? { jitterDepth: this.options.jitterDepth } : {}), ...(this.options.rtcpIntervalMs ? { rtcpIntervalMs: this.options.rtcpIntervalMs } : {}), ...(this.options.ttsCacheDir ? { ttsCacheDir: this.options.ttsCacheDir } : {}), ...(this.options.logLevel ? { logLevel: this.options.logLevel } : {}) };
    const client: WorkerClient = new WorkerClient(
      index,
      settings,
      (id, event) => this.dispatch(id, event),
      (error) => this.onWorkerExit(client, error, count),
      (level, obj, msg) => this.logger[level](typeof obj === 'object' && obj !== null ? { ...obj, worker: index } : obj, msg),
    );
    return client;
  }

  private onWorkerExit(client: WorkerClient, error: Error | undefined, count: number): void {
    if (this.closed) return;
    this.logger.error({ err: error, worker: client.index }, 'media worker died; closing its sessions');
    for (const [id, worker] of [...this.placement]) {
      if (worker === client) this.dispatch(id, { type: 'closed', reason: 'worker-crashed', stats: { packetsSent: 0, packetsReceived: 0, packetsLost: 0, jitterMs: 0 } });
    }
    this.workers[client.index] = this.spawn(client.index, count);
  }

  private dispatch(sessionId: string, event: SessionEvent): void {
    if (event.type === 'closed') this.forget(sessionId);
    for (const listener of this.listeners) {
      try {
        listener(sessionId, event);
      } catch (error) {
        this.logger.warn({ err: error, sessionId }, 'media event listener threw');
      }
    }
  }

  private forget(sessionId: string): void {
    this.placement.delete(sessionId);
    const group = this.sessionGroup.get(sessionId);
    this.sessionGroup.delete(sessionId);
    const entry = group !== undefined ? this.groups.get(group) : undefined;
    entry?.sessions.delete(sessionId);
    if (group !== undefined && entry?.sessions.size === 0) this.groups.delete(group);
  }

  /** Listens to every session's events; returns a function that stops listening. */
  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private pickWorker(group: string | undefined): WorkerClient {
    const grouped = group !== undefined ? this.groups.get(group) : undefined;
    if (grouped && !grouped.worker.exited) return grouped.worker;
    // least loaded by session count
    const load = new Map<WorkerClient, number>(this.workers.map((w) => [w, 0]));
    for (const w of this.placement.values()) load.set(w, (load.get(w) ?? 0) + 1);
    return [...load].sort((a, b) => a[1] - b[1])[0]?.[0] as WorkerClient;
  }

  /** Creates a session: answers `offer` when given, else makes an offer. */
  async createSession(options: CreateSessionOptions = {}): Promise<MediaSessionHandle> {
    if (this.closed) throw new MediaPlacementError('media engine is closed');
    const id = options.id ?? `ms${process.pid}-${++sessionCounter}`;
    const worker = this.pickWorker(options.group);
    this.placement.set(id, worker);
    if (options.group !== undefined) {
      const entry = this.groups.get(options.group) ?? { worker, sessions: new Set<string>() };
      entry.worker = worker; // the same one, unless the group's worker died and this leg starts it anew
      entry.sessions.add(id);
      this.groups.set(options.group, entry);
      this.sessionGroup.set(id, options.group);
    }
    try {
      const result = (await worker.request({ op: 'create', sessionId: id, ...(options.offer ? { offer: options.offer } : {}), ...(options.direction ? { direction: options.direction } : {}), ...(options.codecs ? { codecs: options.codecs } : {}), ...(options.inbandDtmf !== undefined ? { inbandDtmf: options.inbandDtmf } : {}), ...(options.latch !== undefined ? { latch: options.latch } : {}) })) as { port: number; sdp: string };
      return new MediaSessionHandle(id, result.port, result.sdp, worker, (listener) => this.on(listener));
    } catch (error) {
      this.forget(id);
      throw error;
    }
  }

  /** The worker holding all of `ids`, or a placement error. */
  workerOf(...ids: string[]): WorkerClient {
    const workers = new Set(ids.map((id) => this.placement.get(id)));
    const [worker] = workers;
    if (workers.size !== 1 || !worker) throw new MediaPlacementError(`sessions ${ids.join(', ')} are not in one worker (use the same group)`);
    return worker;
  }

  /** Relays two legs to each other (transcoding between PCMU and PCMA when needed). */
  async bridge(a: string, b: string): Promise<void> {
    await this.workerOf(a, b).request({ op: 'bridge', a, b });
  }

  /** Mixes the sessions together (each hears the others, not itself). */
  async conference(conferenceId: string, sessionIds: string[]): Promise<void> {
    await this.workerOf(...sessionIds).request({ op: 'conference', conferenceId, sessionIds });
  }

  /** A supervisor joins a caller–agent call to listen, whisper to the agent, or barge in. */
  async supervise(props: { conferenceId: string; supervisorId: string; agentId: string; callerId: string; mode: 'listen' | 'whisper' | 'barge' }): Promise<void> {
    await this.workerOf(props.supervisorId, props.agentId, props.callerId).request({ op: 'supervise', ...props });
  }

  /** Sessions, ports and conferences in use, summed over the workers (tests assert zero after a scenario). */
  async counts(): Promise<WorkerCounts> {
    const all = (await Promise.all(this.workers.filter((w) => !w.exited).map((w) => w.request({ op: 'counts' })))) as WorkerCounts[];
    return all.reduce(
      (sum, c) => ({ sessions: sum.sessions + c.sessions, ports: sum.ports + c.ports, conferences: sum.conferences + c.conferences, lateTicks: sum.lateTicks + c.lateTicks, worstLateMs: Math.max(sum.worstLateMs, c.worstLateMs) }),
      { sessions: 0, ports: 0, conferences: 0, lateTicks: 0, worstLateMs: 0 },
    );
  }

  /** Worker clients (tests use them to simulate a crash). */
  get workerClients(): readonly WorkerClient[] {
    return this.workers;
  }

  /** Closes every session and stops the workers; safe twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.stop()));
    this.placement.clear();
    this.groups.clear();
  }
}
