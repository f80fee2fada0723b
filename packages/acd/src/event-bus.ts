import type { AcdEvent, AcdListener } from './events';
import type { Logger } from './logger';

/** A listener list that a throwing listener cannot break: the error is logged, the others still run. */
export class EventBus {
  private listeners: AcdListener[] = [];

  constructor(private readonly logger: Logger) {}

  /** Adds a listener; returns the function that removes it. */
  on(listener: AcdListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(event: AcdEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, event: event.type }, 'acd listener threw');
      }
    }
  }

  clear(): void {
    this.listeners = [];
  }
}
