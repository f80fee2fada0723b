import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MediaEngine } from '../src/engine/media-engine.js';
import type { MediaSessionHandle } from '../src/engine/media-session-handle.js';
import type { SessionEvent } from '../src/session/session-events.js';
import { ArrivalRecorder, percentile } from './arrival-recorder.js';
import { phoneOffer } from './udp-peer.js';

let engine: MediaEngine;
const events: { id: string; event: SessionEvent }[] = [];
const cleanup: (() => unknown)[] = [];

beforeAll(async () => {
  engine = await MediaEngine.start({ workers: 1, portRange: { min: 43000, max: 43999 } });
  engine.on((id, event) => events.push({ id, event }));
});
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  expect(await engine.counts()).toMatchObject({ sessions: 0, ports: 0 });
});
afterAll(() => engine.close());

/** 200 ms busy loops with 20 ms pauses, in a separate process, for at most 6 s. */
const SPINNER = 'const end = Date.now() + 6000; const spin = () => { const t = Date.now() + 200; while (Date.now() < t); if (Date.now() < end) setTimeout(spin, 20); }; spin();';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the main thread is stuck: nothing else runs on it
  }
}

describe('media timing does not depend on the main thread', () => {
  /** Plays 4 s to a receiver in a child process; returns |interval − 20 ms| p99 and max. */
  async function measure(blockMainThread: boolean): Promise<{ p99: number; max: number }> {
    // The control burns the same CPU in another process, so only the blocking differs.
    const spinner = blockMainThread ? undefined : spawn(process.execPath, ['-e', SPINNER], { stdio: 'ignore' });
    if (spinner) cleanup.push(() => spinner.exitCode === null && spinner.kill('SIGKILL'));
    const receiver = await ArrivalRecorder.start();
    cleanup.push(() => receiver.kill());
    const session: MediaSessionHandle = await engine.createSession({ offer: phoneOffer(receiver.port) });
    cleanup.push(() => session.close());
    await session.play([{ kind: 'tone', frequencies: [440], ms: 4000 }]);
    const started = performance.now();
    while (performance.now() - started < 4100) {
      if (blockMainThread) busy(200);
      await new Promise((r) => setTimeout(r, blockMainThread ? 20 : 100));
    }
    spinner?.kill('SIGKILL');
    const finished = (): boolean => events.some((e) => e.id === session.id && e.event.type === 'playback-finished');
    for (let waited = 0; !finished() && waited < 2000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    const arrivals = await receiver.finish();
    expect(finished()).toBe(true);
    expect(arrivals.length).toBe(200);
    const deviation = arrivals.slice(1).map((t, i) => Math.abs(t - (arrivals[i] as number) - 20));
    return { p99: percentile(deviation, 99), max: Math.max(...deviation) };
  }

  it('while the main thread runs 200 ms busy loops, a worker’s packets arrive 20 ms apart (p99 deviation < 5 ms)', async () => {
    // The 2 cores are shared with parallel test files (and a busy loop takes one of them), so CPU
    // starvation can delay any thread, the receiver's included. The claim under test is that the
    // blocked main thread does not: the best of up to two runs must have p99 < 5 ms, or, on a
    // machine too loaded for that, be no worse (+3 ms) than a control run in which another process
    // burns the same CPU while the main thread idles. Its longest gap must stay under 150 ms (a
    // worker tied to the main thread shows ≥ 180 ms) or within 50 ms of the control's.
    const runs: { p99: number; max: number }[] = [];
    for (let attempt = 0; attempt < 2 && (runs.at(-1)?.p99 ?? Infinity) >= 5; attempt++) {
      runs.push(await measure(true));
      console.log(`blocked main thread, run ${attempt + 1}: interval deviation p99 ${runs.at(-1)?.p99.toFixed(2)} ms, max ${runs.at(-1)?.max.toFixed(2)} ms`);
    }
    const best = runs.reduce((a, b) => (b.p99 < a.p99 ? b : a));
    if (best.p99 < 5) {
      expect(best.max).toBeLessThan(150);
      return;
    }
    const control = await measure(false);
    console.log(`control (same busy loops in another process): p99 ${control.p99.toFixed(2)} ms, max ${control.max.toFixed(2)} ms`);
    expect(best.p99).toBeLessThan(control.p99 + 3);
    expect(best.max).toBeLessThan(Math.max(150, control.max + 50));
  }, 40_000);

  it('a crashed worker is reported: its sessions close with reason worker-crashed, and the engine keeps working', async () => {
    const session = await engine.createSession({ offer: phoneOffer(9) });
    await engine.workerClients[0]?.terminate();
    const until = Date.now() + 3000;
    while (!events.some((e) => e.id === session.id && e.event.type === 'closed') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const closed = events.find((e) => e.id === session.id && e.event.type === 'closed')?.event;
    expect(closed).toMatchObject({ type: 'closed', reason: 'worker-crashed' });
    const again = await engine.createSession({ offer: phoneOffer(9) });
    cleanup.push(() => again.close());
    expect(again.port).toBeGreaterThan(0);
  });
});
