import type { Clock } from './clock';
import { IndexedHeap } from './queue/indexed-heap';

export type DeadlineKind = 'ring' | 'max-wait' | 'wrap-up';

/** One pending deadline: an offer's ring timeout, an item's maximum wait, an agent's wrap-up. */
export interface Deadline {
  kind: DeadlineKind;
  /** Offer, item or agent id. */
  ref: string;
  due: number;
  seq: number;
}

const keyOf = (d: { kind: DeadlineKind; ref: string }): string => `${d.kind}:${d.ref}`;

/**
 * All of the engine's deadlines in one heap behind a single clock timer. Deadlines due at the same
 * time fire in the order they were set (seq), and that order is part of the snapshot, so a
 * restored engine fires them exactly as the original would.
 */
export class DeadlineScheduler {
  private readonly heap = new IndexedHeap<Deadline>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq), keyOf);
  private seq = 0;
  private timer: unknown;
  private armedFor: number | undefined;
  private firing = false;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: (deadline: Deadline) => void,
  ) {}

  set(kind: DeadlineKind, ref: string, due: number): void {
    this.heap.remove(keyOf({ kind, ref }));
    this.heap.push({ kind, ref, due, seq: ++this.seq });
    this.arm();
  }

  cancel(kind: DeadlineKind, ref: string): void {
    this.heap.remove(keyOf({ kind, ref }));
    this.arm();
  }

  snapshot(): { seq: number; deadlines: Deadline[] } {
    return { seq: this.seq, deadlines: this.heap.values().map((d) => ({ ...d })) };
  }

  restore(snapshot: { seq: number; deadlines: readonly Deadline[] }): void {
    this.close();
    while (this.heap.pop()) {
      // emptied
    }
    this.seq = snapshot.seq;
    for (const d of snapshot.deadlines) this.heap.push({ ...d });
    this.arm();
  }

  /** Stops the clock timer; safe to call twice. */
  close(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
  }

  private arm(): void {
    if (this.firing) return;
    const next = this.heap.peek();
    if (next?.due === this.armedFor) return;
    this.close();
    if (!next) return;
    this.armedFor = next.due;
    this.timer = this.clock.setTimer(next.due - this.clock.now(), () => this.fire());
  }

  private fire(): void {
    this.timer = undefined;
    this.armedFor = undefined;
    this.firing = true;
    try {
      for (let next = this.heap.peek(); next && next.due <= this.clock.now(); next = this.heap.peek()) {
        this.heap.pop();
        this.onDue(next);
      }
    } finally {
      this.firing = false;
      this.arm();
    }
  }
}
