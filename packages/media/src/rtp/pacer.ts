import { performance } from 'node:perf_hooks';

/** Monotonic time and one-shot timers, injectable so tests can step time. */
export interface PacerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Something driven every packet interval (a media session). */
export interface Paced {
  tick(): void;
}

/** Late ticks we replay at once before giving up and re-basing the schedule (a stalled thread). */
const MAX_CATCH_UP = 5;

/**
 * One 20 ms loop for all sessions of a worker. Deadlines are computed from the start time
 * (start + n·period on a monotonic clock), not by adding the period to "now", so timer lateness
 * never accumulates into drift. It only runs while something is registered.
 */
export class Pacer {
  private readonly members = new Set<Paced>();
  private timer: unknown;
  private deadline = 0;
  /** Ticks that ran later than half a period, and the worst lateness seen (diagnostics). */
  lateTicks = 0;
  worstLateMs = 0;

  constructor(
    readonly periodMs = 20,
    private readonly clock: PacerClock = systemClock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get size(): number {
    return this.members.size;
  }

  add(member: Paced): void {
    this.members.add(member);
    if (this.timer === undefined) {
      this.deadline = this.clock.now() + this.periodMs;
      this.schedule();
    }
  }

  remove(member: Paced): void {
    this.members.delete(member);
    if (this.members.size === 0) this.stop();
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    // Timers fire late, never early: aim half a millisecond before the deadline (run() accepts that).
    const wait = Math.max(0, Math.ceil(this.deadline - this.clock.now() - 0.5));
    this.timer = this.clock.setTimeout(() => this.run(), wait);
  }

  private run(): void {
    let now = this.clock.now();
    let replayed = 0;
    while (now >= this.deadline - 0.5) {
      const late = now - this.deadline;
      if (late > this.periodMs / 2) this.lateTicks++;
      if (late > this.worstLateMs) this.worstLateMs = late;
      this.tickAll();
      this.deadline += this.periodMs;
      now = this.clock.now();
      if (++replayed > MAX_CATCH_UP) {
        this.deadline = now + this.periodMs;
        break;
      }
    }
    if (this.members.size > 0) this.schedule();
    else this.timer = undefined;
  }

  private tickAll(): void {
    for (const member of this.members) {
      try {
        member.tick();
      } catch (error) {
        // One broken session must not stop the clock of every other call in the worker.
        this.onError(error);
      }
    }
  }
}
