import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Mixer } from '../src/mixing/mixer.js';
import { PartyRole } from '../src/mixing/mixer-party.js';
import { hearing } from './mixing-helpers.js';

// Frequencies far apart and whole periods in the 500 ms window, so each speaker is measured alone.
const FREQUENCIES = [300, 550, 800, 1050, 1300, 1550];

/** The routing rules as a reviewer states them, independent of how the mixer computes them. */
function shouldHear(listener: string, speaker: string, roles: Map<string, { role: PartyRole; whisperTo: string[] }>): boolean {
  if (listener === speaker) return false;
  const s = roles.get(speaker);
  if (s === undefined) return false;
  if (s.role === PartyRole.Listen) return false;
  if (s.role === PartyRole.Whisper) return s.whisperTo.includes(listener);
  return true;
}

describe('mixer routing (by tones, any mix of roles)', () => {
  it('every party hears exactly the parties the rules say, at full level', () => {
    const party = fc.record({
      role: fc.constantFrom(PartyRole.Participant, PartyRole.Listen, PartyRole.Whisper, PartyRole.Barge),
      whisperMask: fc.integer({ min: 0, max: 63 }),
    });
    fc.assert(
      fc.property(fc.array(party, { minLength: 2, maxLength: 6 }), (parties) => {
        const ids = parties.map((_, i) => `p${i}`);
        const roles = new Map(
          parties.map((p, i) => [`p${i}`, { role: p.role, whisperTo: ids.filter((_, k) => p.role === PartyRole.Whisper && p.whisperMask & (1 << k)) }]),
        );
        const mixer = new Mixer();
        for (const [id, r] of roles) mixer.addParty(id, r);
        const heard = hearing(mixer, Object.fromEntries(ids.map((id, i) => [id, FREQUENCIES[i] ?? 0])), ids);
        for (const listener of ids) {
          for (const speaker of ids) {
            const level = heard[listener]?.[speaker] ?? NaN;
            if (shouldHear(listener, speaker, roles)) expect(level, `${listener} hears ${speaker}`).toBeGreaterThan(0.97);
            else expect(level, `${listener} must not hear ${speaker}`).toBeLessThan(0.02);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
