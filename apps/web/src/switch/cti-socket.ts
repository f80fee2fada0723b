import { WsServerMessage, type CtiCommand, type CtiCommandInput, type CtiEvent, type CtiResult, type CtiSnapshot, type WsClientMessage } from '@rexian/contracts';

/** The part of the browser's WebSocket the CTI socket uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** What the socket tells its listeners. */
export type CtiSocketNews =
  | { kind: 'connection'; connected: boolean }
  | { kind: 'snapshot'; snapshot: CtiSnapshot }
  | { kind: 'event'; event: CtiEvent };

export interface CtiSocketOptions {
  /** `ws(s)://host/ws`; `ctiSocketUrl()` gives the one of the page's own origin. */
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** Injected clock for tests. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** How long a command waits for its cti.result before it fails. */
  commandTimeoutMs?: number;
}

/** Reconnect delays: 1 s, doubling, at most 10 s; back to 1 s after a connection opened. */
export const RECONNECT_FIRST_MS = 1000;
export const RECONNECT_MAX_MS = 10_000;
/** A ping now and then keeps proxies from closing an idle socket. */
const PING_EVERY_MS = 25_000;
const OPEN = 1;

/** The WebSocket URL of the page's own server (same origin, so the session cookie goes along). */
export function ctiSocketUrl(location: { protocol: string; host: string } = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

interface Pending {
  resolve: (result: CtiResult) => void;
  reject: (error: Error) => void;
  timer: unknown;
}

/**
 * One WebSocket to the CTI for a page: messages validated against the contract, reconnect with
 * backoff while the page is open, a resync (`cti.sync` → snapshot) after every reconnect, and
 * commands whose promise settles with the matching `cti.result`.
 */
export class CtiSocket {
  private readonly options: Required<CtiSocketOptions>;
  private socket: SocketLike | null = null;
  private readonly listeners = new Set<(news: CtiSocketNews) => void>();
  private readonly pending = new Map<string, Pending>();
  private reconnectTimer: unknown = null;
  private pingTimer: unknown = null;
  private delayMs = RECONNECT_FIRST_MS;
  private opens = 0;
  private nextId = 1;
  private stopped = true;
  private isConnected = false;

  constructor(options: CtiSocketOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      commandTimeoutMs: 10_000,
      ...options,
    };
  }

  get connected(): boolean {
    return this.isConnected;
  }

  /** Listens to connection changes, snapshots and events; returns the unsubscribe. */
  subscribe(listener: (news: CtiSocketNews) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Closes for good (the page is left); safe to call twice. Waiting commands fail. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close();
    }
    this.failPending('页面已关闭');
    this.setConnected(false);
  }

  /** Sends a command; resolves with the server's result (ok or not), rejects when it cannot be sent or no answer comes. */
  command(command: CtiCommandInput): Promise<CtiResult> {
    const socket = this.socket;
    if (!socket || !this.isConnected || socket.readyState !== OPEN) {
      return Promise.reject(new Error('连接中断，请稍后再试'));
    }
    const id = `c${this.nextId++}`;
    return new Promise<CtiResult>((resolve, reject) => {
      const timer = this.options.setTimer(() => {
        this.pending.delete(id);
        reject(new Error('服务器没有应答'));
      }, this.options.commandTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send({ type: 'cti.command', id, command: command as CtiCommand });
    });
  }

  private connect(): void {
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.delayMs = RECONNECT_FIRST_MS;
      this.opens += 1;
      this.setConnected(true);
      // The server sends a snapshot when a socket opens; after a reconnect ask again anyway, since
      // events were missed while down and the page must not act on a stale state.
      if (this.opens > 1) this.send({ type: 'cti.sync' });
      this.schedulePing();
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      // A close event follows every error; reconnecting happens there.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      this.setConnected(false);
      this.failPending('连接中断，命令结果未知');
      if (!this.stopped) this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = this.options.setTimer(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  private schedulePing(): void {
    this.pingTimer = this.options.setTimer(() => {
      this.send({ type: 'ping' });
      this.schedulePing();
    }, PING_EVERY_MS);
  }

  private receive(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return;
    }
    const parsed = WsServerMessage.safeParse(json);
    // A message this page does not understand (a newer server) is ignored rather than trusted.
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'cti.snapshot':
        this.emit({ kind: 'snapshot', snapshot: message.snapshot });
        break;
      case 'cti.event':
        this.emit({ kind: 'event', event: message.event });
        break;
      case 'cti.result': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        this.options.clearTimer(waiting.timer);
        waiting.resolve(message.result);
        break;
      }
      default:
        break;
    }
  }

  private send(message: WsClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private setConnected(connected: boolean): void {
    if (this.isConnected === connected) return;
    this.isConnected = connected;
    this.emit({ kind: 'connection', connected });
  }

  private emit(news: CtiSocketNews): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(news);
      } catch {
        // One broken listener must not starve the others of events.
      }
    }
  }

  private failPending(reason: string): void {
    for (const [id, waiting] of this.pending) {
      this.options.clearTimer(waiting.timer);
      waiting.reject(new Error(reason));
      this.pending.delete(id);
    }
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== null) this.options.clearTimer(this.reconnectTimer);
    if (this.pingTimer !== null) this.options.clearTimer(this.pingTimer);
    this.reconnectTimer = null;
    this.pingTimer = null;
  }
}
