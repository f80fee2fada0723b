/**
 * A small seeded generator (mulberry32) whose whole state is one number, so a snapshot carries it
 * and a restored engine draws the same sequence.
 */
export class RandomSource {
  constructor(public state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
