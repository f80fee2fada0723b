/** The CTI events' fan-out: listeners that throw are logged and kept apart from the switch. */
import type { CtiEvent } from '@rexian/contracts';
import type { Logger } from '@rexian/sip';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CtiEventInput = DistributiveOmit<CtiEvent, 'at'>;

export class CtiEvents {
  private readonly listeners = new Set<(event: CtiEvent) => void>();

  constructor(private readonly logger: Logger) {}

  on(listener: (event: CtiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CtiEventInput): void {
    const stamped = { ...event, at: new Date().toISOString() } as CtiEvent;
    for (const listener of this.listeners) {
      try {
        listener(stamped);
      } catch (error) {
        this.logger.error({ err: error, event: stamped.event }, 'CTI listener failed');
      }
    }
  }
}
