import { describe, expect, it } from 'vitest';
import { AcdEngine, FakeClock, InvalidStateError, type AcdEvent, type AcdSnapshot } from '../src/index';
import { agent, harness, queue } from './harness';

describe('snapshot and restore', () => {
  it('a restarted engine keeps sign-ins, waiting items, ringing offers and callbacks, and its timers fire as before', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { ringTimeoutMs: 10_000, callbackOnAbandon: true, shortAbandonMs: 1_000 }));
    h.engine.addAgent(agent('a', ['q']));
    h.engine.addAgent(agent('b', ['q']));
    h.engine.login('a', { ready: true });
    h.engine.login('b');
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice', callerNumber: '110' });
    h.engine.enqueue({ id: 'y', queueId: 'q', channel: 'voice', callerNumber: '120' });
    h.clock.advance(4_000);
    h.engine.abandon('y');
    const saved = JSON.stringify(h.engine.snapshot());
    h.engine.close();

    const clock = new FakeClock(h.clock.now());
    const restarted = new AcdEngine({ clock });
    const events: AcdEvent[] = [];
    restarted.on((e) => events.push(e));
    restarted.restore(JSON.parse(saved) as AcdSnapshot);
    expect(restarted.agent('a')).toMatchObject({ state: 'ready', activity: 'ringing' });
    expect(restarted.agent('b')).toMatchObject({ state: 'not-ready', reason: 'login' });
    expect(restarted.waitingCount('q')).toBe(1); // the callback for y
    expect(restarted.queueStatistics('q')).toMatchObject({ offered: 3, abandoned: 1 });
    clock.advance(6_000);
    expect(events.map((e) => e.type)).toEqual(['offer-timed-out', 'agent-state-changed']);
  });

  it('a closed engine refuses commands; close is safe twice', () => {
    const h = harness();
    h.engine.close();
    h.engine.close();
    expect(() => h.engine.addQueue(queue('q'))).toThrow(InvalidStateError);
  });
});

describe('listeners', () => {
  it('a throwing listener is logged and does not stop the others or the engine', () => {
    const errors: unknown[] = [];
    const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (obj: unknown) => void errors.push(obj) };
    const engine = new AcdEngine({ clock: new FakeClock(), logger });
    const seen: string[] = [];
    engine.on(() => {
      throw new Error('boom');
    });
    engine.on((e) => seen.push(e.type));
    engine.addQueue(queue('q'));
    engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    expect(seen).toEqual(['queued']);
    expect(errors).toHaveLength(1);
  });

  it('a listener may not call commands synchronously (re-entry is refused, the engine stays whole)', () => {
    const h = harness();
    h.engine.addQueue(queue('q'));
    h.engine.addAgent(agent('a', ['q']));
    let refused: unknown;
    h.engine.on((e) => {
      if (e.type === 'offered') {
        try {
          h.engine.accept(e.offerId);
        } catch (error) {
          refused = error;
        }
      }
    });
    h.engine.login('a', { ready: true });
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    expect(refused).toBeInstanceOf(InvalidStateError);
    h.engine.accept(h.lastOfferTo('a'));
    expect(h.engine.item('x')?.phase).toBe('assigned');
  });
});
