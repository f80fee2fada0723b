/**
 * A binary heap that can also remove any element by key (an abandoned caller leaves from the middle
 * of the queue). push/pop/remove are O(log n); peek and has are O(1).
 */
export class IndexedHeap<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly before: (a: T, b: T) => boolean,
    private readonly keyOf: (item: T) => string,
  ) {}

  get size(): number {
    return this.items.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Elements in no particular order. */
  values(): readonly T[] {
    return this.items;
  }

  push(item: T): void {
    this.items.push(item);
    this.index.set(this.keyOf(item), this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  remove(key: string): T | undefined {
    const at = this.index.get(key);
    if (at === undefined) return undefined;
    const item = this.items[at];
    this.removeAt(at);
    return item;
  }

  private removeAt(at: number): void {
    const last = this.items.pop() as T;
    this.index.delete(this.keyOf(at < this.items.length ? (this.items[at] as T) : last));
    if (at < this.items.length) {
      this.items[at] = last;
      this.index.set(this.keyOf(last), at);
      this.down(at);
      this.up(at);
    }
  }

  private up(at: number): void {
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.items[i] as T, this.items[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(at: number): void {
    let i = at;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < this.items.length && this.before(this.items[left] as T, this.items[best] as T)) best = left;
      if (right < this.items.length && this.before(this.items[right] as T, this.items[best] as T)) best = right;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(a: number, b: number): void {
    const x = this.items[a] as T;
    const y = this.items[b] as T;
    this.items[a] = y;
    this.items[b] = x;
    this.index.set(this.keyOf(y), a);
    this.index.set(this.keyOf(x), b);
  }
}
