/** A clock that moves only when a test calls advance(); timers fire in due order. */
import type { Clock, TimerHandle } from './clock';

interface Pending {
  id: number;
  due: number;
  callback: () => void;
}

export class FakeClock implements Clock {
  private time = 0;
  private nextId = 1;
  private pending: Pending[] = [];

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, due: this.time + Math.max(0, ms), callback };
    this.pending.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  /** Moves time forward by ms, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.pending.reduce<Pending | undefined>((a, t) => (a === undefined || t.due < a.due || (t.due === a.due && t.id < a.id) ? t : a), undefined);
      if (next === undefined || next.due > end) break;
      this.pending = this.pending.filter((t) => t !== next);
      this.time = next.due;
      next.callback();
    }
    this.time = end;
  }

  get pendingTimers(): number {
    return this.pending.length;
  }
}
