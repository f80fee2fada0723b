import { afterEach, describe, expect, it } from 'vitest';
import { toneLevel } from '../src/tones/level-meter.js';
import { parseTelephoneEvent } from '../src/dtmf/telephone-event.js';
import { toneFrame } from './phone.js';
import { SessionHarness, sleep } from './session-harness.js';

let harness: SessionHarness;
afterEach(async () => {
  expect(await harness.close()).toEqual({ sessions: 0, ports: 0 });
});

/** Level of `f` in the middle of what a phone received (skipping the start-up and the tail). */
const levelOf = (pcm: Int16Array, f: number): number => toneLevel(pcm.subarray(1600, Math.max(1600, pcm.length - 1600)), f);

describe('bridging two legs', () => {
  it('relays PCMU to a PCMA leg by transcoding, both ways, and maps telephone-event payload types', async () => {
    harness = new SessionHarness();
    const a = await harness.call({ codecs: [0] });
    const b = await harness.call({ codecs: [8], telephoneEvent: 96 });
    await harness.host.handle({ op: 'bridge', a: a.id, b: b.id });
    await Promise.all([a.phone.stream(a.port, 50, (i) => toneFrame([300], i * 160)), b.phone.stream(b.port, 50, (i) => toneFrame([700], i * 160), { pt: 8 })]);
    await a.phone.sendEvent(a.port, 9);
    await sleep(50);
    const atB = b.phone.received(8);
    const atA = a.phone.received(0);
    expect(atB.packets.length).toBe(50);
    expect(atA.packets.length).toBe(50);
    expect(levelOf(atB.pcm, 300)).toBeGreaterThan(5000);
    expect(levelOf(atA.pcm, 700)).toBeGreaterThan(5000);
    expect(levelOf(atA.pcm, 300)).toBeLessThan(300);
    const events = b.phone.received(96).packets;
    expect(events.length).toBe(8);
    expect(parseTelephoneEvent(events[0]!.payload)?.event).toBe(9);
    expect(new Set(events.map((e) => e.timestamp)).size).toBe(1);
    expect(harness.eventsOf(a.id, 'dtmf')).toEqual([{ type: 'dtmf', digit: '9', source: 'rfc4733' }]);
  });

  it('a bridged leg that hangs up stops the relay and frees its ports', async () => {
    harness = new SessionHarness();
    const a = await harness.call();
    const b = await harness.call();
    await harness.host.handle({ op: 'bridge', a: a.id, b: b.id });
    await harness.host.handle({ op: 'close', sessionId: b.id });
    await a.phone.stream(a.port, 5, (i) => toneFrame([300], i * 160));
    await sleep(40);
    expect(b.phone.packets.length).toBe(0);
    expect(await harness.host.handle({ op: 'counts' })).toMatchObject({ sessions: 1, ports: 1 });
  });
});
