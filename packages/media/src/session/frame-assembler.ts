import { FRAME_SAMPLES } from '../frames.js';
import type { JitterBuffer } from '../jitter/jitter-buffer.js';

/** The largest packet we decode: 60 ms of G.711. */
const MAX_PACKET_SAMPLES = 480;

/**
 * Turns the jitter buffer's packets, whatever their packetisation (10, 20, 30 … ms), into one
 * 20 ms frame per tick: packets are decoded into a small sample queue and pulled only as the
 * queue runs short, so 30 ms packets (SIPp's g711a.pcap) are consumed two per three ticks.
 * A missing packet repeats the previous packet's audio (concealment); while the buffer is idle
 * or refilling, the frame is silence.
 */
export class FrameAssembler {
  private readonly queue = new Int16Array(MAX_PACKET_SAMPLES + FRAME_SAMPLES);
  private queued = 0;
  private readonly last = new Int16Array(MAX_PACKET_SAMPLES);
  private lastLength = FRAME_SAMPLES;

  constructor(
    private readonly jitter: JitterBuffer,
    private readonly decode: (codes: Uint8Array, out: Int16Array) => Int16Array,
  ) {}

  /** Fills `out` (160 samples) with the next 20 ms of received audio. */
  next(out: Int16Array): void {
    while (this.queued < FRAME_SAMPLES) {
      const payload = this.jitter.pop();
      if (payload === undefined) {
        // idle or re-buffering: what is queued, then silence
        this.queue.fill(0, this.queued, FRAME_SAMPLES);
        this.queued = FRAME_SAMPLES;
        break;
      }
      const tail = this.queue.subarray(this.queued);
      if (payload === null) {
        tail.set(this.last.subarray(0, Math.min(this.lastLength, tail.length)));
        this.queued += Math.min(this.lastLength, tail.length);
        continue;
      }
      const n = Math.min(payload.length, MAX_PACKET_SAMPLES, tail.length);
      this.decode(payload.subarray(0, n), tail);
      this.last.set(tail.subarray(0, n));
      this.lastLength = n;
      this.queued += n;
    }
    out.set(this.queue.subarray(0, FRAME_SAMPLES));
    this.queue.copyWithin(0, FRAME_SAMPLES, this.queued);
    this.queued -= FRAME_SAMPLES;
  }
}
