import { Worker } from 'node:worker_threads';
import type { SessionEvent } from '../session/session-events.js';
import type { CommandResult, FromWorker, ToWorker, WorkerCommand, WorkerSettings } from '../worker/worker-protocol.js';

/** A media worker failed a command; `name` is the worker-side error class. */
export class MediaCommandError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = errorName;
  }
}

/** The worker thread ended (crash or shutdown) while commands were pending. */
export class WorkerGoneError extends Error {
  override readonly name = 'WorkerGoneError';
}

/**
 * The main thread's end of one media worker: request/reply over `postMessage`, events out through
 * `onEvent`, and `onExit` when the thread dies (the engine then reports its sessions closed).
 */
export class WorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: CommandResult) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;
  exited = false;

  constructor(
    readonly index: number,
    settings: WorkerSettings,
    onEvent: (sessionId: string, event: SessionEvent) => void,
    onExit: (error: Error | undefined) => void,
    onLog: (level: 'debug' | 'info' | 'warn' | 'error', obj: unknown, msg?: string) => void = () => undefined,
  ) {
    this.worker = new Worker(new URL('../worker/media-worker-bootstrap.mjs', import.meta.url), { workerData: settings });
    let markReady!: () => void;
    this.ready = new Promise((resolve) => (markReady = resolve));
    let failure: Error | undefined;
    this.worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') markReady();
      else if (message.kind === 'event') onEvent(message.sessionId, message.event);
      else if (message.kind === 'log') onLog(message.level, message.obj, message.msg);
      else {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.result);
        else waiter?.reject(new MediaCommandError(message.error.name, message.error.message));
      }
    });
    this.worker.on('error', (error) => (failure = error));
    this.worker.on('exit', (code) => {
      this.exited = true;
      markReady();
      const error = failure ?? (code === 0 ? undefined : new WorkerGoneError(`media worker ${index} exited with code ${code}`));
      for (const waiter of this.pending.values()) waiter.reject(error ?? new WorkerGoneError(`media worker ${index} stopped`));
      this.pending.clear();
      onExit(error);
    });
  }

  async request(command: WorkerCommand): Promise<CommandResult> {
    await this.ready;
    if (this.exited) throw new WorkerGoneError(`media worker ${this.index} is not running`);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'request', id, command } satisfies ToWorker);
    });
  }

  /** Asks the worker to close its sessions and exit; terminates it if it does not within 2 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ kind: 'shutdown' });
    const timer = setTimeout(() => void this.worker.terminate(), 2000);
    await exited;
    clearTimeout(timer);
  }

  /** Kills the thread at once (tests simulate a crash with it). */
  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
