import { describe, expect, it } from 'vitest';
import { Mixer } from '../src/mixing/mixer.js';
import { PartyRole } from '../src/mixing/mixer-party.js';
import { hearing } from './mixing-helpers.js';

// caller speaks 400 Hz, agent 700 Hz, supervisor 1100 Hz.
const TONES = { caller: 400, agent: 700, supervisor: 1100 };
const ALL = ['caller', 'agent', 'supervisor'];

function supervisedCall(role: PartyRole): Mixer {
  const mixer = new Mixer();
  mixer.addParty('caller');
  mixer.addParty('agent');
  mixer.addParty('supervisor', { role, whisperTo: role === PartyRole.Whisper ? ['agent'] : [] });
  return mixer;
}

const HEARD = 0.9;
const SILENT = 0.01;

describe('supervision routes audio (by tones)', () => {
  it('listen: the supervisor hears caller and agent; neither hears the supervisor', () => {
    const h = hearing(supervisedCall(PartyRole.Listen), TONES, ALL);
    expect(h.supervisor?.caller).toBeGreaterThan(HEARD);
    expect(h.supervisor?.agent).toBeGreaterThan(HEARD);
    expect(h.caller?.supervisor).toBeLessThan(SILENT);
    expect(h.agent?.supervisor).toBeLessThan(SILENT);
    expect(h.caller?.agent).toBeGreaterThan(HEARD);
    expect(h.agent?.caller).toBeGreaterThan(HEARD);
  });

  it('whisper: the agent hears the supervisor, the caller does not; the supervisor hears both', () => {
    const h = hearing(supervisedCall(PartyRole.Whisper), TONES, ALL);
    expect(h.agent?.supervisor).toBeGreaterThan(HEARD);
    expect(h.agent?.caller).toBeGreaterThan(HEARD);
    expect(h.caller?.supervisor).toBeLessThan(SILENT);
    expect(h.caller?.agent).toBeGreaterThan(HEARD);
    expect(h.supervisor?.caller).toBeGreaterThan(HEARD);
    expect(h.supervisor?.agent).toBeGreaterThan(HEARD);
    expect(h.supervisor?.supervisor).toBeLessThan(SILENT);
  });

  it('barge-in: everyone hears everyone else', () => {
    const h = hearing(supervisedCall(PartyRole.Barge), TONES, ALL);
    for (const listener of ALL) {
      for (const speaker of ALL) {
        if (listener === speaker) expect(h[listener]?.[speaker]).toBeLessThan(SILENT);
        else expect(h[listener]?.[speaker], `${listener} hears ${speaker}`).toBeGreaterThan(HEARD);
      }
    }
  });

  it('changing the role on the fly (listen → whisper → barge) reroutes from the next tick', () => {
    const mixer = supervisedCall(PartyRole.Listen);
    expect(hearing(mixer, TONES, ALL).agent?.supervisor).toBeLessThan(SILENT);
    mixer.setRole('supervisor', PartyRole.Whisper, ['agent']);
    const whisper = hearing(mixer, TONES, ALL);
    expect(whisper.agent?.supervisor).toBeGreaterThan(HEARD);
    expect(whisper.caller?.supervisor).toBeLessThan(SILENT);
    mixer.setRole('supervisor', PartyRole.Barge);
    expect(hearing(mixer, TONES, ALL).caller?.supervisor).toBeGreaterThan(HEARD);
  });
});
