/**
 * A LocationService held in memory. Bindings lapse on the injected clock: one timer, set for the
 * earliest expiry, removes what has lapsed and reports it as 'expired'.
 */
import { noopLogger, type Logger } from '../logger';
import { systemClock, type Clock } from '../transactions/clock';
import type { Binding, LocationChange, LocationListener, LocationService } from './location-service';

export class InMemoryLocationService implements LocationService {
  /** aor → contact → binding. */
  private readonly bindings = new Map<string, Map<string, Binding>>();
  private readonly listeners = new Set<LocationListener>();
  private timer: { handle: unknown; at: number } | undefined;
  private closed = false;

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly logger: Logger = noopLogger,
  ) {}

  lookup(aor: string): Binding[] {
    const now = this.clock.now();
    const found = [...(this.bindings.get(aor)?.values() ?? [])].filter((b) => b.expiresAt > now);
    return found.sort((a, b) => (b.q ?? 1) - (a.q ?? 1));
  }

  register(binding: Binding): void {
    if (this.closed) return;
    let contacts = this.bindings.get(binding.aor);
    if (contacts === undefined) this.bindings.set(binding.aor, (contacts = new Map()));
    const existed = contacts.has(binding.contact);
    contacts.set(binding.contact, binding);
    this.emit({ kind: existed ? 'refreshed' : 'added', binding });
    this.schedule();
  }

  remove(aor: string, contact?: string): void {
    const contacts = this.bindings.get(aor);
    if (contacts === undefined) return;
    for (const [key, binding] of contacts) {
      if (contact !== undefined && key !== contact) continue;
      contacts.delete(key);
      this.emit({ kind: 'removed', binding });
    }
    if (contacts.size === 0) this.bindings.delete(aor);
  }

  aors(): string[] {
    const now = this.clock.now();
    return [...this.bindings].filter(([, c]) => [...c.values()].some((b) => b.expiresAt > now)).map(([aor]) => aor);
  }

  onChange(listener: LocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the expiry timer and forgets every binding; safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer.handle);
    this.timer = undefined;
    this.bindings.clear();
    this.listeners.clear();
  }

  private expire(): void {
    this.timer = undefined;
    const now = this.clock.now();
    for (const [aor, contacts] of this.bindings) {
      for (const [key, binding] of contacts) {
        if (binding.expiresAt > now) continue;
        contacts.delete(key);
        this.emit({ kind: 'expired', binding });
      }
      if (contacts.size === 0) this.bindings.delete(aor);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    let next = Infinity;
    for (const contacts of this.bindings.values()) for (const b of contacts.values()) next = Math.min(next, b.expiresAt);
    if (this.timer !== undefined && this.timer.at <= next) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer.handle);
    this.timer = undefined;
    if (next === Infinity) return;
    const handle = this.clock.setTimeout(() => this.expire(), Math.max(0, next - this.clock.now()));
    this.timer = { handle, at: next };
  }

  private emit(change: LocationChange): void {
    for (const listener of this.listeners) {
      // A throwing listener must not break the registrar or the other listeners.
      try {
        listener(change);
      } catch (error) {
        this.logger.error({ err: error, change: change.kind }, 'sip.location listener threw');
      }
    }
  }
}
