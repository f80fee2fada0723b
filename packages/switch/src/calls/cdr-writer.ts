/**
 * Writes a call's record 话单 as it progresses, in order: each write waits for the one before, so
 * the row always holds a prefix of what happened (a crash leaves an open row that the next start
 * closes). A failed write is logged and does not stop the call.
 */
import type { Logger } from '@rexian/sip';
import type { CallFields, CallStart, LegFields, LegStart, SwitchStore } from '../store';

export class CdrWriter {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SwitchStore,
    private readonly callId: string,
    private readonly logger: Logger,
  ) {}

  private enqueue(what: string, write: () => Promise<unknown>): Promise<void> {
    this.chain = this.chain.then(write).then(
      () => undefined,
      (error: unknown) => this.logger.error({ err: error, callId: this.callId, what }, 'call record write failed'),
    );
    return this.chain;
  }

  started(call: CallStart): Promise<void> {
    return this.enqueue('call', () => this.store.callStarted(call));
  }

  update(patch: Partial<CallFields>): Promise<void> {
    return this.enqueue('call update', () => this.store.callUpdated(this.callId, patch));
  }

  legStarted(leg: LegStart): Promise<void> {
    return this.enqueue('leg', () => this.store.legStarted(leg));
  }

  legUpdated(legId: string, patch: Partial<LegFields>): Promise<void> {
    return this.enqueue('leg update', () => this.store.legUpdated(legId, patch));
  }

  /** Runs any other store write in this call's order (recording index, voicemail, callback). */
  then<T>(what: string, write: () => Promise<T>, after?: (value: T) => Partial<CallFields> | undefined): Promise<void> {
    return this.enqueue(what, async () => {
      const value = await write();
      const patch = after?.(value);
      if (patch !== undefined) await this.store.callUpdated(this.callId, patch);
    });
  }

  /** Resolves once everything queued so far is written. */
  flushed(): Promise<void> {
    return this.chain;
  }
}
