import { afterEach, describe, expect, it } from 'vitest';
import { toneLevel } from '../src/tones/level-meter.js';
import type { SupervisionMode } from '../src/worker/worker-protocol.js';
import { toneFrame } from './phone.js';
import { SessionHarness, sleep } from './session-harness.js';

let harness: SessionHarness;
afterEach(async () => {
  expect(await harness.close()).toEqual({ sessions: 0, ports: 0 });
});

const TONES = [300, 500, 700];
const HEARD = 2500;
const SILENT = 300;

/** Each phone streams its own tone for 1 s; returns the level of every tone at every phone. */
async function exchange(legs: Awaited<ReturnType<SessionHarness['call']>>[]): Promise<number[][]> {
  await Promise.all(legs.map((leg, k) => leg.phone.stream(leg.port, 50, (i) => toneFrame([TONES[k] as number], i * 160))));
  await sleep(120);
  return legs.map((leg) => {
    const pcm = leg.phone.received(0).pcm;
    const middle = pcm.subarray(1600, Math.max(1600, pcm.length - 1600));
    return TONES.map((f) => toneLevel(middle, f));
  });
}

describe('conference and supervision through media sessions', () => {
  it('three-party conference: each party hears the other two and not itself', async () => {
    harness = new SessionHarness();
    const legs = [await harness.call(), await harness.call(), await harness.call()];
    await harness.host.handle({ op: 'conference', conferenceId: 'c1', sessionIds: legs.map((l) => l.id) });
    const levels = await exchange(legs);
    levels.forEach((heard, me) =>
      heard.forEach((level, other) => {
        if (other === me) expect(level, `party ${me} hears itself`).toBeLessThan(SILENT);
        else expect(level, `party ${me} hears ${other}`).toBeGreaterThan(HEARD);
      }),
    );
  });

  const expected: Record<SupervisionMode, { caller: boolean[]; agent: boolean[]; supervisor: boolean[] }> = {
    // who hears [caller 300 Hz, agent 500 Hz, supervisor 700 Hz]
    listen: { caller: [false, true, false], agent: [true, false, false], supervisor: [true, true, false] },
    whisper: { caller: [false, true, false], agent: [true, false, true], supervisor: [true, true, false] },
    barge: { caller: [false, true, true], agent: [true, false, true], supervisor: [true, true, false] },
  };

  it.each(Object.keys(expected) as SupervisionMode[])('supervisor %s routes audio as described', async (mode) => {
    harness = new SessionHarness();
    const [caller, agent, supervisor] = [await harness.call(), await harness.call(), await harness.call()];
    await harness.host.handle({ op: 'bridge', a: caller.id, b: agent.id });
    await harness.host.handle({ op: 'supervise', conferenceId: 'sup', supervisorId: supervisor.id, agentId: agent.id, callerId: caller.id, mode });
    const levels = await exchange([caller, agent, supervisor]);
    const want = expected[mode];
    [want.caller, want.agent, want.supervisor].forEach((row, who) =>
      row.forEach((hears, k) => {
        if (hears) expect(levels[who]?.[k], `${['caller', 'agent', 'supervisor'][who]} hears ${TONES[k]} Hz`).toBeGreaterThan(HEARD);
        else expect(levels[who]?.[k], `${['caller', 'agent', 'supervisor'][who]} must not hear ${TONES[k]} Hz`).toBeLessThan(SILENT);
      }),
    );
  });
});
