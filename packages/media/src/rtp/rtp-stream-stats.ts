/**
 * Reception statistics of one incoming RTP stream (one SSRC), per RFC 3550 appendix A:
 * sequence validation and the extended highest sequence number (A.1), loss (A.3) and
 * interarrival jitter (A.8).
 */
const RTP_SEQ_MOD = 0x10000;
const MAX_DROPOUT = 3000;
const MAX_MISORDER = 100;

export interface ReceptionReport {
  ssrc: number;
  /** Fraction lost since the previous report, 0–255 (RFC 3550 §6.4.1, fixed point /256). */
  fractionLost: number;
  /** Cumulative packets lost (may be negative with duplicates). */
  cumulativeLost: number;
  extendedHighestSequence: number;
  /** Interarrival jitter in timestamp units. */
  jitter: number;
}

export class RtpStreamStats {
  private maxSeq = 0;
  private cycles = 0;
  private baseSeq = 0;
  private badSeq = RTP_SEQ_MOD + 1;
  received = 0;
  private expectedPrior = 0;
  private receivedPrior = 0;
  private transit: number | undefined;
  private jitterQ4 = 0;

  constructor(
    readonly ssrc: number,
    firstSeq: number,
  ) {
    this.init(firstSeq);
  }

  private init(seq: number): void {
    this.baseSeq = seq;
    this.maxSeq = seq;
    this.badSeq = RTP_SEQ_MOD + 1;
    this.cycles = 0;
    this.received = 0;
    this.receivedPrior = 0;
    this.expectedPrior = 0;
  }

  /**
   * Accounts one packet; returns false when the packet is out of the valid sequence window
   * (RFC 3550 A.1 `update_seq`, without the probation of new sources: SIP told us who sends).
   */
  update(seq: number, timestamp: number, arrivalSamples: number): boolean {
    const udelta = (seq - this.maxSeq + RTP_SEQ_MOD) % RTP_SEQ_MOD;
    if (udelta < MAX_DROPOUT) {
      // in order, with permissible gap
      if (seq < this.maxSeq) this.cycles += RTP_SEQ_MOD; // "Sequence number wrapped - count another 64K cycle."
      this.maxSeq = seq;
    } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
      // "the sequence number made a very large jump": two sequential packets resync (A.1).
      if (seq === this.badSeq) this.init(seq);
      else {
        this.badSeq = (seq + 1) & (RTP_SEQ_MOD - 1);
        return false;
      }
    } // else: duplicate or reordered packet, still counted
    this.received++;
    // RFC 3550 A.8: D(i,j) = (Rj - Ri) - (Sj - Si); J += (|D| - J)/16, in timestamp units.
    const transit = (arrivalSamples - timestamp) | 0;
    if (this.transit !== undefined) {
      let d = (transit - this.transit) | 0;
      if (d < 0) d = -d;
      this.jitterQ4 += d - ((this.jitterQ4 + 8) >> 4);
    }
    this.transit = transit;
    return true;
  }

  get extendedHighestSequence(): number {
    return this.cycles + this.maxSeq;
  }

  get expected(): number {
    return this.extendedHighestSequence - this.baseSeq + 1;
  }

  get lost(): number {
    return this.expected - this.received;
  }

  /** Interarrival jitter in timestamp units (samples). */
  get jitter(): number {
    return this.jitterQ4 >> 4;
  }

  /** Builds a report block and starts a new interval for the fraction lost (RFC 3550 A.3). */
  report(): ReceptionReport {
    const expected = this.expected;
    const expectedInterval = expected - this.expectedPrior;
    this.expectedPrior = expected;
    const receivedInterval = this.received - this.receivedPrior;
    this.receivedPrior = this.received;
    const lostInterval = expectedInterval - receivedInterval;
    const fractionLost = expectedInterval === 0 || lostInterval <= 0 ? 0 : Math.floor((lostInterval << 8) / expectedInterval);
    return {
      ssrc: this.ssrc,
      fractionLost: Math.min(255, fractionLost),
      cumulativeLost: this.lost,
      extendedHighestSequence: this.extendedHighestSequence >>> 0,
      jitter: this.jitter,
    };
  }
}
