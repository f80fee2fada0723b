import { describe, expect, it } from 'vitest';
import { InvalidConfigError, InvalidStateError, NotFoundError } from '../src/index';
import { agent, harness, queue } from './harness';

describe('configuration changes', () => {
  it('skill levels outside 1–10 and duplicate ids are refused', () => {
    const h = harness();
    expect(() => h.engine.addAgent(agent('a', [], { skills: { english: 11 } }))).toThrow(InvalidConfigError);
    h.engine.addQueue(queue('q'));
    expect(() => h.engine.addQueue(queue('q'))).toThrow(InvalidConfigError);
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    expect(() => h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' })).toThrow(InvalidConfigError);
    expect(() => h.engine.enqueue({ id: 'y', queueId: 'nowhere', channel: 'voice' })).toThrow(NotFoundError);
  });

  it('an agent can be removed only when logged out; a queue only when empty and not an overflow target', () => {
    const h = harness();
    h.engine.addQueue(queue('main', { maxWaitMs: 1_000, overflow: { kind: 'queue', queueId: 'spill' } }));
    h.engine.addQueue(queue('spill'));
    h.engine.addAgent(agent('a', ['main']));
    h.engine.login('a');
    expect(() => h.engine.removeAgent('a')).toThrow(InvalidStateError);
    h.engine.logout('a');
    h.engine.removeAgent('a');
    expect(() => h.engine.agent('a')).toThrow(NotFoundError);
    expect(() => h.engine.removeQueue('spill')).toThrow(InvalidStateError);
    h.engine.enqueue({ id: 'x', queueId: 'main', channel: 'voice' });
    expect(() => h.engine.removeQueue('main')).toThrow(InvalidStateError);
    h.engine.abandon('x');
    h.engine.removeQueue('main');
    h.engine.removeQueue('spill');
  });

  it('an overflow to a queue that does not exist leaves the item waiting rather than dropping it', () => {
    const h = harness();
    h.engine.addQueue(queue('q', { maxWaitMs: 1_000, overflow: { kind: 'queue', queueId: 'later' } }));
    h.engine.enqueue({ id: 'x', queueId: 'q', channel: 'voice' });
    h.clock.advance(5_000);
    expect(h.of('overflowed')).toEqual([]);
    expect(h.engine.item('x')?.phase).toBe('waiting');
  });

  it('turning aging on re-orders the waiting items', () => {
    const h = harness();
    h.engine.addQueue(queue('q'));
    h.engine.enqueue({ id: 'old', queueId: 'q', channel: 'voice' });
    h.clock.advance(60_000);
    h.engine.enqueue({ id: 'vip', queueId: 'q', channel: 'voice', priority: 1 });
    expect(h.engine.position('old')).toBe(2);
    h.engine.updateQueue(queue('q', { agingStepMs: 10_000 }));
    expect(h.engine.position('old')).toBe(1);
  });

  it('fewest calls counts today only: at midnight (engine time zone) the counters start again', () => {
    const h = harness({ timezoneOffsetMinutes: 8 * 60 }, Date.UTC(2026, 0, 5, 15, 0)); // 23:00 in UTC+8
    h.engine.addQueue(queue('q', { strategy: 'fewest-calls' }));
    h.engine.addAgent(agent('busy', ['q']));
    h.engine.addAgent(agent('quiet', ['q']));
    h.engine.login('busy', { ready: true });
    for (const id of ['c1', 'c2']) {
      h.engine.enqueue({ id, queueId: 'q', channel: 'voice' });
      h.engine.accept(h.lastOfferTo('busy'));
      h.engine.complete(id);
    }
    h.clock.advance(1_000);
    h.engine.login('quiet', { ready: true });
    h.engine.enqueue({ id: 'evening', queueId: 'q', channel: 'voice' });
    expect(h.of('offered').at(-1)?.agentId).toBe('quiet');
    h.engine.accept(h.lastOfferTo('quiet'));
    h.engine.complete('evening');
    h.clock.advance(2 * 3_600_000); // 01:00 next day: both at 0 calls today, busy has waited longer
    h.engine.enqueue({ id: 'morning', queueId: 'q', channel: 'voice' });
    expect(h.of('offered').at(-1)?.agentId).toBe('busy');
  });
});
