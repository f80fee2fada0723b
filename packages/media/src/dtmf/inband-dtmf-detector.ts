/**
 * In-band DTMF detection (ITU-T Q.24 style) with the Goertzel algorithm on 20 ms blocks of
 * 8 kHz PCM. A digit is reported when one row and one column tone dominate two consecutive blocks
 * (40 ms) and the signal then stops or changes; speech is rejected by the checks below.
 */
const ROWS = [697, 770, 852, 941];
const COLUMNS = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];
const FREQUENCIES = [...ROWS, ...COLUMNS];
const COEFFICIENTS = FREQUENCIES.map((f) => 2 * Math.cos((2 * Math.PI * f) / 8000));

/** Minimum energy of each tone, as the sum of squares of its samples over the block (≈ −36 dBm0). */
const MIN_TONE_ENERGY = 160 * 200 * 200;
/** Q.24 allows the column tone up to 8 dB under the row tone ("normal twist")… */
const MAX_NORMAL_TWIST = 10 ** (8 / 10);
/** …and the row tone up to 4 dB under the column tone ("reverse twist"). */
const MAX_REVERSE_TWIST = 10 ** (4 / 10);
/** The strongest row (column) must beat the others of its group by this much (8 dB). */
const MIN_PEAK_RATIO = 10 ** (8 / 10);
/** The two tones must hold this share of the block's energy: voice spreads it over many harmonics. */
const MIN_TONE_SHARE = 0.6;
/** Consecutive blocks with the same key before it counts (2 × 20 ms = Q.24's 40 ms). */
const MIN_BLOCKS = 2;

export class InbandDtmfDetector {
  private readonly power = new Float64Array(8);
  private candidate: string | undefined;
  private count = 0;
  private reported: string | undefined;

  constructor(private readonly onDigit: (digit: string) => void) {}

  /** Analyses one block (any length, 160 samples expected). */
  process(frame: Int16Array): void {
    const key = this.classify(frame);
    if (key === this.candidate) this.count++;
    else {
      this.candidate = key;
      this.count = 1;
    }
    if (key === undefined) {
      // A block without a tone is the gap that lets the same key count again.
      if (this.count >= 1) this.reported = undefined;
      return;
    }
    if (this.count >= MIN_BLOCKS && this.reported !== key) {
      this.reported = key;
      this.onDigit(key);
    }
  }

  private classify(frame: Int16Array): string | undefined {
    const n = frame.length;
    let energy = 0;
    for (let i = 0; i < n; i++) {
      const x = frame[i] as number;
      energy += x * x;
    }
    if (energy < 2 * MIN_TONE_ENERGY) return undefined;
    for (let f = 0; f < 8; f++) {
      const c = COEFFICIENTS[f] as number;
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const s0 = (frame[i] as number) + c * s1 - s2;
        s2 = s1;
        s1 = s0;
      }
      // |X(f)|² scaled to the energy of the sinusoid it measures (A²·N/2 for amplitude A).
      this.power[f] = ((s1 * s1 + s2 * s2 - c * s1 * s2) * 2) / n;
    }
    const row = this.peak(0);
    const column = this.peak(4);
    if (row < 0 || column < 0) return undefined;
    const rowPower = this.power[row] as number;
    const columnPower = this.power[column + 4] as number;
    if (rowPower < MIN_TONE_ENERGY || columnPower < MIN_TONE_ENERGY) return undefined;
    if (columnPower * MAX_NORMAL_TWIST < rowPower || rowPower * MAX_REVERSE_TWIST < columnPower) return undefined;
    if (rowPower + columnPower < MIN_TONE_SHARE * energy) return undefined;
    return KEYS[row]?.[column];
  }

  /** Index (0–3) of the dominant tone of a group starting at `from`, or −1 when none dominates. */
  private peak(from: number): number {
    let best = 0;
    for (let i = 1; i < 4; i++) if ((this.power[from + i] as number) > (this.power[from + best] as number)) best = i;
    const top = this.power[from + best] as number;
    for (let i = 0; i < 4; i++) if (i !== best && (this.power[from + i] as number) * MIN_PEAK_RATIO > top) return -1;
    return best;
  }
}
