import { describe, expect, it } from 'vitest';
import { Mixer } from '../src/mixing/mixer.js';
import { hearing } from './mixing-helpers.js';

describe('three-party conference (by tones)', () => {
  it('each party hears the other two at full level and not itself', () => {
    const mixer = new Mixer();
    for (const id of ['a', 'b', 'c']) mixer.addParty(id);
    const tones = { a: 400, b: 700, c: 1100 };
    const heard = hearing(mixer, tones, ['a', 'b', 'c']);
    for (const listener of ['a', 'b', 'c']) {
      for (const speaker of ['a', 'b', 'c']) {
        const level = heard[listener]?.[speaker] ?? NaN;
        if (listener === speaker) expect(level, `${listener} hears itself`).toBeLessThan(0.01);
        else expect(level, `${listener} hears ${speaker}`).toBeCloseTo(1, 1);
      }
    }
  });

  it('a fourth party joining mid-call is heard by the others from the next tick, and leaves cleanly', () => {
    const mixer = new Mixer();
    for (const id of ['a', 'b', 'c']) mixer.addParty(id);
    mixer.addParty('d');
    const withD = hearing(mixer, { a: 400, b: 700, c: 1100, d: 1500 }, ['a', 'd']);
    expect(withD.a?.d).toBeCloseTo(1, 1);
    expect(withD.d?.a).toBeCloseTo(1, 1);
    expect(withD.d?.d).toBeLessThan(0.01);
    mixer.removeParty('d');
    const withoutD = hearing(mixer, { a: 400, b: 700, c: 1100, d: 1500 }, ['a']);
    expect(withoutD.a?.d).toBeLessThan(0.01);
    expect(withoutD.a?.b).toBeCloseTo(1, 1);
  });
});
