import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../frames.js';
import { Mixer } from './mixer.js';
import { PartyRole } from './mixer-party.js';

const frame = (value: number): Int16Array => new Int16Array(160).fill(value);

describe('Mixer', () => {
  it('clips loud sums to int16 instead of wrapping around', () => {
    const mixer = new Mixer();
    for (const id of ['a', 'b', 'c']) mixer.addParty(id);
    const out = mixer.mix(new Map([['a', frame(30000)], ['b', frame(30000)], ['c', frame(-30000)]]));
    expect(out.get('c')?.[0]).toBe(32767);
    const negative = mixer.mix(new Map([['a', frame(-30000)], ['b', frame(-30000)]]));
    expect(negative.get('c')?.[0]).toBe(-32768);
  });

  it('treats a party that sent no frame this tick as silent (a lost packet does not repeat)', () => {
    const mixer = new Mixer();
    mixer.addParty('a');
    mixer.addParty('b');
    expect(mixer.mix(new Map([['a', frame(100)]])).get('b')?.[5]).toBe(100);
    expect(mixer.mix(new Map()).get('b')?.[5]).toBe(0);
  });

  it('copies inputs, so the caller may reuse its buffer', () => {
    const mixer = new Mixer();
    const a = mixer.addParty('a');
    const b = mixer.addParty('b');
    const buffer = frame(7);
    a.input(buffer);
    buffer.fill(9);
    mixer.tick();
    expect(b.output()[0]).toBe(7);
  });

  it('rejects duplicate parties, role changes of unknown parties, and new parties after close', () => {
    const mixer = new Mixer();
    mixer.addParty('a');
    expect(() => mixer.addParty('a')).toThrow(RangeError);
    expect(() => mixer.setRole('zz', PartyRole.Listen)).toThrow(RangeError);
    mixer.close();
    mixer.close();
    expect(mixer.size).toBe(0);
    expect(() => mixer.addParty('b')).toThrow(InvalidStateError);
  });
});

describe('Mixer inputs of the wrong length', () => {
  it('pads a short frame with silence instead of keeping the previous tick’s tail', () => {
    const mixer = new Mixer();
    const a = mixer.addParty('a');
    const b = mixer.addParty('b');
    a.input(frame(5));
    mixer.tick();
    a.input(new Int16Array(80).fill(1));
    mixer.tick();
    expect(b.output()[79]).toBe(1);
    expect(b.output()[80]).toBe(0);
  });
});

describe('Mixer parties as session sources and sinks', () => {
  it('a party’s sink feeds the mix and its source yields what it hears after the tick', () => {
    const mixer = new Mixer();
    const a = mixer.addParty('a');
    const b = mixer.addParty('b');
    a.sink.write(frame(11));
    b.sink.write(frame(22));
    mixer.tick();
    expect(a.source.nextFrame()?.[0]).toBe(22);
    expect(b.source.nextFrame()?.[0]).toBe(11);
  });
});
