/**
 * A small jitter buffer for decoded paths (mixing, recording, in-band DTMF): packets go in as they
 * arrive, one payload comes out per 20 ms tick in sequence order. Playout starts once `depth`
 * packets are queued (40–60 ms); late and duplicate packets are dropped; a missing packet is
 * reported so the caller can repeat the last frame or play silence. With `adaptive`, the depth
 * grows by one frame (up to `maxDepth`) each time the buffer runs dry, and shrinks back after a
 * long calm stretch.
 */
const SLOTS = 32;
const CALM_TICKS_TO_SHRINK = 500; // 10 s without under-run

export interface JitterBufferOptions {
  depth?: number;
  adaptive?: boolean;
  maxDepth?: number;
  payloadSize?: number;
}

export interface JitterBufferStats {
  late: number;
  duplicate: number;
  missing: number;
  underruns: number;
}

export class JitterBuffer {
  private readonly payloads: Uint8Array[];
  private readonly lengths = new Int32Array(SLOTS);
  private readonly seqs = new Int32Array(SLOTS).fill(-1);
  private count = 0;
  private next: number | undefined;
  private playing = false;
  private calm = 0;
  depth: number;
  private readonly adaptive: boolean;
  private readonly maxDepth: number;
  readonly stats: JitterBufferStats = { late: 0, duplicate: 0, missing: 0, underruns: 0 };

  constructor(options: JitterBufferOptions = {}) {
    this.depth = options.depth ?? 3;
    this.adaptive = options.adaptive ?? false;
    this.maxDepth = options.maxDepth ?? 8;
    this.payloads = Array.from({ length: SLOTS }, () => new Uint8Array(options.payloadSize ?? 160));
  }

  /** Queues a packet's payload (copied). Returns false when it was dropped as late or duplicate. */
  push(seq: number, payload: Uint8Array): boolean {
    if (this.next !== undefined && this.playing) {
      const ahead = (seq - this.next + 0x10000) & 0xffff;
      if (ahead >= 0x8000) {
        this.stats.late++;
        return false;
      }
      if (ahead >= SLOTS) this.reset(); // a jump (new talkspurt after loss, peer restart): start over
    }
    const slot = seq % SLOTS;
    if (this.seqs[slot] === seq) {
      this.stats.duplicate++;
      return false;
    }
    if (this.seqs[slot] === -1) this.count++;
    this.seqs[slot] = seq;
    const length = Math.min(payload.length, (this.payloads[slot] as Uint8Array).length);
    (this.payloads[slot] as Uint8Array).set(payload.subarray(0, length));
    this.lengths[slot] = length;
    if (this.next === undefined || ((seq - this.next + 0x10000) & 0xffff) >= 0x8000) this.next = seq;
    return true;
  }

  /**
   * The payload for this tick (a view valid until the next push/pop), `null` for a missing packet
   * while playing (conceal it), or `undefined` while buffering or idle.
   */
  pop(): Uint8Array | null | undefined {
    if (!this.playing) {
      if (this.count < this.depth || this.next === undefined) return undefined;
      this.playing = true;
    }
    if (this.count === 0) {
      // Ran dry: re-buffer, and with adaptive depth ask for one more frame of margin.
      this.playing = false;
      this.stats.underruns++;
      if (this.adaptive && this.depth < this.maxDepth) this.depth++;
      this.calm = 0;
      return undefined;
    }
    const seq = this.next as number;
    this.next = (seq + 1) & 0xffff;
    const slot = seq % SLOTS;
    if (this.adaptive && ++this.calm >= CALM_TICKS_TO_SHRINK && this.depth > 2) {
      this.depth--;
      this.calm = 0;
    }
    if (this.seqs[slot] !== seq) {
      this.stats.missing++;
      return null;
    }
    this.seqs[slot] = -1;
    this.count--;
    return (this.payloads[slot] as Uint8Array).subarray(0, this.lengths[slot]);
  }

  reset(): void {
    this.seqs.fill(-1);
    this.count = 0;
    this.next = undefined;
    this.playing = false;
  }
}
