/**
 * What the four §17 state machines share: an allowed-transitions table checked by one
 * transitionTo(), named timers on the injected clock, listeners that a throwing callback
 * cannot break, and an idempotent close().
 */
import { noopLogger, type Logger } from '../logger';
import type { SipRequest } from '../messages/sip-request';
import type { SipResponse } from '../messages/sip-response';
import type { Clock, TimerHandle } from './clock';
import type { TimerValues } from './timers';

/** How a transaction puts bytes on the wire; bound to the peer by the transaction layer. */
export interface TransactionSender {
  readonly reliable: boolean;
  send(data: Buffer): void;
}

export interface TransactionContext {
  clock: Clock;
  timers: TimerValues;
  sender: TransactionSender;
  logger?: Logger;
}

export class InvalidStateError extends Error {
  override readonly name = 'InvalidStateError';
}

export interface TransactionEvents {
  /** A response for the TU (client transactions). */
  response: (response: SipResponse) => void;
  /** Timer B/F fired (client) or timer H fired (INVITE server: no ACK came). */
  timeout: () => void;
  /** An ACK arrived for a non-2xx final response (INVITE server). */
  ack: (ack: SipRequest) => void;
  terminated: () => void;
}

type Listeners = { [K in keyof TransactionEvents]?: TransactionEvents[K][] };

export abstract class Transaction<State extends string> {
  protected abstract readonly transitions: Record<State, readonly State[]>;
  /** Running timers by RFC name; a plain object is lighter than a Map for the one or two a transaction has. */
  private timerHandles: Record<string, TimerHandle> = {};
  private readonly listeners: Listeners = {};
  protected readonly logger: Logger;

  private requestRef: SipRequest | undefined;

  protected constructor(
    /** Key the transaction layer files this transaction under (§17.1.3 / §17.2.3). */
    readonly id: string,
    request: SipRequest,
    public state: State,
    protected readonly context: TransactionContext,
  ) {
    this.requestRef = request;
    this.logger = context.logger ?? noopLogger;
  }

  /** The request that started the transaction (server transactions let it go once completed). */
  get request(): SipRequest {
    if (this.requestRef === undefined) throw new InvalidStateError(`transaction ${this.id}: request already released`);
    return this.requestRef;
  }

  /**
   * A completed server transaction only waits to absorb retransmissions (timer J: 32 s over
   * UDP), so it drops the parsed request and keeps just the response bytes: at thousands of
   * calls per second this is most of the live heap.
   */
  protected releaseRequest(): void {
    this.requestRef = undefined;
  }

  abstract readonly terminatedState: State;

  get terminated(): boolean {
    return this.state === this.terminatedState;
  }

  on<K extends keyof TransactionEvents>(event: K, listener: TransactionEvents[K]): this {
    const list = (this.listeners[event] ??= []) as TransactionEvents[K][];
    list.push(listener);
    return this;
  }

  protected emit<K extends keyof TransactionEvents>(event: K, ...args: Parameters<TransactionEvents[K]>): void {
    for (const listener of this.listeners[event] ?? []) {
      try {
        (listener as (...a: Parameters<TransactionEvents[K]>) => void)(...args);
      } catch (error) {
        this.logger.error({ err: error, transaction: this.id, event }, 'sip.transaction listener failed');
      }
    }
  }

  /** Moves to `next` if the table allows it; entering the terminated state clears every timer. */
  protected transitionTo(next: State): void {
    if (next === this.state) return;
    if (!this.transitions[this.state].includes(next)) {
      throw new InvalidStateError(`${this.constructor.name} ${this.id}: ${this.state} → ${next} not allowed`);
    }
    this.state = next;
    if (next === this.terminatedState) {
      for (const handle of Object.values(this.timerHandles)) this.context.clock.clearTimeout(handle);
      this.timerHandles = {};
      this.emit('terminated');
      // Drop listeners (and what their closures hold) once the events of this step are out.
      queueMicrotask(() => {
        for (const key of Object.keys(this.listeners) as (keyof TransactionEvents)[]) delete this.listeners[key];
      });
    }
  }

  protected startTimer(name: string, ms: number, fire: () => void): void {
    this.stopTimer(name);
    this.timerHandles[name] = this.context.clock.setTimeout(() => {
      delete this.timerHandles[name];
      if (!this.terminated) fire();
    }, ms);
  }

  protected stopTimer(name: string): void {
    const handle = this.timerHandles[name];
    if (handle !== undefined) {
      this.context.clock.clearTimeout(handle);
      delete this.timerHandles[name];
    }
  }

  protected get timers(): TimerValues {
    return this.context.timers;
  }

  protected get reliable(): boolean {
    return this.context.sender.reliable;
  }

  /** Ends the transaction at once (safe to call twice). */
  close(): void {
    if (!this.terminated) this.transitionTo(this.terminatedState);
  }
}
