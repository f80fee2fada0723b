import { ToneGenerator } from '../src/tones/tone-generator.js';
import { toneLevel } from '../src/tones/level-meter.js';
import type { Mixer } from '../src/mixing/mixer.js';

/** Tone amplitude every party speaks at in the mixing scenarios. */
export const AMPLITUDE = 4000;

/**
 * Runs `ticks` mixer ticks where each party in `tones` speaks its own frequency (parties missing
 * from `tones` are silent), and returns, per party, the level of every frequency in what it heard.
 */
export function hearing(mixer: Mixer, tones: Record<string, number>, partyIds: string[], ticks = 25): Record<string, Record<string, number>> {
  const sources = new Map(Object.entries(tones).map(([id, f]) => [id, new ToneGenerator({ frequencies: [f], amplitude: AMPLITUDE })]));
  const heard = new Map(partyIds.map((id) => [id, new Int16Array(ticks * 160)]));
  for (let t = 0; t < ticks; t++) {
    for (const [id, source] of sources) {
      const frame = source.nextFrame();
      if (frame) mixer.party(id)?.input(frame);
    }
    mixer.tick();
    for (const id of partyIds) heard.get(id)?.set(mixer.party(id)?.output() ?? new Int16Array(160), t * 160);
  }
  const result: Record<string, Record<string, number>> = {};
  for (const id of partyIds) {
    const samples = heard.get(id) ?? new Int16Array(0);
    result[id] = Object.fromEntries(Object.entries(tones).map(([speaker, f]) => [speaker, toneLevel(samples, f) / AMPLITUDE]));
  }
  return result;
}
